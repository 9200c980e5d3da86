import { isMap, type ChartData } from './model.ts';
import { plotOptions, SIZES } from './plotOptions.ts';
import { cleanSvg, plotPair, plotSvg } from './render.ts';
import { contentKey, memo } from '../memo.ts';
import { cachedJson } from '../diskCache.ts';
import { describeChart } from './describe.ts';

import { chartTable, chartCsv, type DataTable } from './table.ts';

/** Everything a page needs to show one chart as a complete figure. */
export interface Figure {
  id: string;
  title: string;
  caption?: string;
  /** Notes the data requires: spans, running sums, gaps. */
  notes: string[];
  source: string;
  description: string;
  /**
   * The drawings at both sizes. A map's narrow drawing shows the wide one's
   * shapes (`<use>`), so it is only whole beside it: see standaloneNarrow.
   */
  svg: { narrow: string; wide: string };
  table: DataTable;
  csv: string;
}

/**
 * "A; B" (shown as "Sources: A; B"): the publishers of the rows drawn, in order of first
 * appearance, from each row's publisher column; undefined when no drawn row
 * names one (the dataset's source line then stands).
 */
export function creditLine(chart: ChartData): string | undefined {
  const named = chart.data
    .filter((d) => d.y !== null && d.row)
    .map((d) => d.row!.publishers[d.measure.name] || d.row!.publishers[''] || '');
  const publishers = [...new Set(named.filter(Boolean))];
  if (publishers.length === 0) return undefined;
  return publishers.join('; ');
}

/** Renders a chart at both sizes and gathers its description, table and CSV. */
/** The source as the reader sees it under a chart: "Source: GACC." or "Sources: GACC; Reuters." */
export function sourceLine(source: string): string {
  return `${source.includes('; ') ? 'Sources' : 'Source'}: ${/[.!?]$/.test(source) ? source : `${source}.`}`;
}

export function makeFigure(id: string, chart: ChartData, defaultSource: string): Figure {
  const drawing = drawingKey(chart);
  return {
    id,
    title: chart.spec.title,
    caption: chart.spec.caption,
    notes: chart.notes,
    source: chart.spec.source ?? creditLine(chart) ?? defaultSource,
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
function drawingKey(chart: ChartData): string {
  const { spec, type, unit, locale, xKind, x, series, highlightsSeries, data, domains } = chart;
  const points = data.map((d) => [d.x, d.x1, d.x2, d.y, d.series, d.label, d.highlight, d.period.id]);
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
      isMap(chart.type)
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
