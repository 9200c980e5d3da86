import type { ChartData } from './model.ts';
import { plotOptions, SIZES } from './plotOptions.ts';
import { cleanSvg, plotPair, plotSvg } from './render.ts';
import { contentKey, memo } from '../memo.ts';
import { cachedJson } from '../diskCache.ts';
import { describeChart } from './describe.ts';
import { creditLine, isUnverifiedDatum, publisherList, type Credit } from './provenance.ts';

import { chartTable, chartCsv, type DataTable } from './table.ts';

/** Everything a page needs to show one chart as a complete figure. */
export interface Figure {
  id: string;
  title: string;
  caption?: string;
  /** Notes the data requires: spans, running sums, gaps. */
  notes: string[];
  source: string;
  /** Every publisher of the values drawn, with its grade: the full list behind the credit line. */
  publishers: { name: string; unverified: boolean }[];
  description: string;
  /**
   * The drawings at both sizes. A map's narrow drawing shows the wide one's
   * shapes (`<use>`), so it is only whole beside it: see standaloneNarrow.
   */
  svg: { narrow: string; wide: string };
  table: DataTable;
  csv: string;
  /** For a state after the first of a chart: what it adds to the state before, in words (stateChange.ts). */
  change?: string;
  /**
   * On the story page, a state of a chart drawn with its other states as
   * one drawing (figureStates.ts): that drawing, which state this is (from
   * 1), and the group's rules.
   */
  states?: { svg: { narrow: string; wide: string }; state: number; css: string };
}

/** The source as the reader sees it under a chart: "Source: GACC." or "Sources: GACC; Reuters." */
export function sourceLine(source: string): string {
  return `${source.includes('; ') ? 'Sources' : 'Source'}: ${/[.!?]$/.test(source) ? source : `${source}.`}`;
}

/** The full list of who reported the values drawn, for the data disclosure: "Reported by: A; B; C (unverified)." */
export function publishersLine(publishers: Figure['publishers']): string {
  return `Reported by: ${publishers.map((p) => (p.unverified ? `${p.name} (unverified)` : p.name)).join('; ')}.`;
}

/**
 * Renders a chart at both sizes and gathers its description, table and
 * CSV. `defaultSource` stands when no drawn row names its publisher;
 * `credit` names the originator a credit line starts with and the
 * reporters it may name (provenance.ts).
 */
export function makeFigure(id: string, chart: ChartData, defaultSource: string, credit: string | Credit = defaultSource): Figure {
  const drawing = drawingKey(chart);
  return {
    id,
    title: chart.spec.title,
    caption: chart.spec.caption,
    notes: chart.notes,
    source: chart.spec.source ?? creditLine(chart, credit) ?? defaultSource,
    publishers: publisherList(chart),
    description: chart.spec.description ?? describeChart(chart),
    svg: drawPair(chart, drawing, id),
    table: chartTable(chart),
    csv: chartCsv(chart),
  };
}

/**
 * A hash of everything plotOptions reads from a chart, so that the same
 * drawing is recognised whatever section or story it is in.
 */
export function drawingKey(chart: ChartData): string {
  // A chart's notes are placed clear of the labels of the states it shares its scales with.
  return chart.sharedWith ? contentKey(ownKey(chart), chart.sharedWith.map(ownKey)) : ownKey(chart);
}

function ownKey(chart: ChartData): string {
  const { spec, type, unit, locale, xKind, x, series, highlightsSeries, data, domains } = chart;
  const points = data.map((d) => [d.x, d.x1, d.x2, d.y, d.series, d.label, d.highlight, d.period.id, isUnverifiedDatum(d)]);
  return contentKey(spec, type, unit, locale, xKind, x, series, highlightsSeries, points, domains ? [domains.x?.map((t) => t.getTime()), domains.y] : null);
}

/**
 * The chart's SVGs at both sizes, drawn once per distinct drawing; only the
 * ids are made unique to this figure. The narrow drawing shows what it
 * shares with the wide one (a map's shapes, marks that are the same
 * stretched) through `<use>` of the wide drawing's ids.
 */
function drawPair(chart: ChartData, drawing: string, id: string): Figure['svg'] {
  const pair = memo(`svg:${drawing}`, () =>
    cachedJson(`svg-${drawing}`, () =>
      chart.kind.places
        ? { wide: plotSvg(plotOptions(chart, SIZES.wide)), narrow: plotSvg(plotOptions(chart, SIZES.narrow, SIZES.wide)) }
        : plotPair(plotOptions(chart, SIZES.wide), plotOptions(chart, SIZES.narrow)),
    ),
  );
  return { wide: cleanSvg(pair.wide, `${id}-w`), narrow: cleanSvg(pair.narrow, `${id}-n`, `${id}-w`) };
}

/**
 * The narrow drawing on its own (for a share card): each `<use>` of the
 * wide drawing's shapes replaced by a copy of them.
 */
export function standaloneNarrow(figure: Pick<Figure, 'svg'>): string {
  return figure.svg.narrow.replace(/<use\b([^>]*?)\s*\/?>(?:<\/use>)?/g, (use, attributes: string) => {
    const id = / href="#([^"]+)"/.exec(attributes)?.[1];
    const transform = / transform="([^"]+)"/.exec(attributes)?.[1];
    const group = id && new RegExp(`<g\\b[^>]*\\bid="${id}"[^>]*>[\\s\\S]*?</g>`).exec(figure.svg.wide)?.[0];
    if (!group) return use;
    return `<g transform="${transform ?? ''}">${group.replace(` id="${id}"`, '')}</g>`;
  });
}
