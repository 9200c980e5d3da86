/**
 * Stacked bars and areas, and grouped bars (`layout: stack | group`).
 * Stacks are computed here rather than by Plot's implicit stackY, so that
 * the tests, the labels and the shared scales of a chart's states all see
 * the same layer edges: positive values pile up from zero, negative ones
 * down from it, the highlighted series first (on the baseline, where it
 * reads best), in the colours of seriesColours.ts. Each layer is named at
 * its last value in the right margin; grouped bars get a row of swatches
 * above the plot, as scatter keys do.
 */
import * as Plot from '@observablehq/plot';
import { formatTick, unitHeading } from '../format.ts';
import type { Table } from '../data/model.ts';
import type { ChartSpec } from './spec.ts';
import { shownDigits, type ChartData, type ChartKind, type ChartProblem, type Datum } from './model.ts';
import { seriesColours } from './seriesColours.ts';
import { labelLines, labelWidth, layoutEndLabels, stackHeight } from './lineLabels.ts';
import { deskMarks } from './annotationMarks.ts';
import { colourKey, keyRowsFor } from './scatter.ts';
import { highlightLabel, niceDomain, spreadSpans, type Size } from './frame.ts';
import { valueLabelMarks } from './valueLabels.ts';
import { noteMarks } from './noteMarks.ts';
import { plotArea, type Box } from './notePlacement.ts';
import { maxOf, minOf } from '../extent.ts';
import { CATALOGUE, say } from '../catalogue.ts';

/** A datum with the edges of its layer in the stack (NaN when it has no value). */
export interface Layer extends Datum {
  y1: number;
  y2: number;
}

/** Refuses a layout the chart cannot draw; `series` is the chart's series column, if any. */
export function checkLayout(spec: ChartSpec, kind: ChartKind, table: Table, series: string | undefined, problems: ChartProblem[]): void {
  if (spec.layout === undefined) return;
  const { layout, type } = spec;
  const layouts: readonly string[] = kind.layouts ?? [];
  if (layout === 'group' && !layouts.includes('group')) {
    problems.push({ field: 'layout', ...say(CATALOGUE.layoutGroupNotBars, type, layouts.includes('stack')) });
    return;
  }
  if (layout === 'stack' && !layouts.includes('stack')) {
    problems.push({ field: 'layout', ...say(CATALOGUE.layoutStackNotPiled, type) });
    return;
  }
  if (!series) {
    const column = table.categories[0];
    problems.push({ field: 'layout', ...say(CATALOGUE.layoutNeedsSeries, layout, kind.bars ? 'bars' : 'area', column) });
  }
  if (spec.facet !== undefined) problems.push({ field: 'facet', message: `facet: draws small multiples, which cannot also be layout: ${layout}`, hint: 'keep one of facet: and layout:' });
  // A note on grouped bars points at one bar of its category: which series' must be said.
  const unplaced = layout === 'group' ? (spec.annotations ?? []).findIndex((a) => a.at !== undefined && a.series === undefined) : -1;
  if (unplaced >= 0 && series) problems.push({ field: `annotations.${unplaced}.at`, message: `note "${spec.annotations![unplaced].text}" at ${spec.annotations![unplaced].at} names no series, and grouped bars have a bar per series there`, hint: `add series: with the ${series} of the bar it points at` });
}

/** True when the chart is drawn by stackOptions. */
export function isStacked(chart: Pick<ChartData, 'spec' | 'series'>): boolean {
  return chart.spec.layout === 'stack' && chart.series !== undefined;
}

/** Series from the bottom of the stack up: highlighted ones first, then the rest in order. */
export function stackOrder(chart: ChartData): string[] {
  const names = [...new Set(chart.data.map((d) => d.series))];
  const { context } = seriesColours(chart);
  return [...names.filter((n) => !context.has(n)), ...names.filter((n) => context.has(n))];
}

const slotOf = (d: Datum) => (d.x instanceof Date ? d.x.getTime() : String(d.x));

/** Every datum with its layer's edges: each x's values piled up from zero (negatives downward), in stackOrder. */
export function stackLayers(chart: ChartData, data: readonly Datum[] = chart.data): Layer[] {
  const order = stackOrder(chart);
  const rank = new Map(order.map((name, i) => [name, i]));
  const sorted = [...data].sort((a, b) => rank.get(a.series)! - rank.get(b.series)!);
  const up = new Map<string | number, number>();
  const down = new Map<string | number, number>();
  return sorted.map((d) => {
    if (d.y === null) return { ...d, y1: Number.NaN, y2: Number.NaN };
    const slot = slotOf(d);
    const pile = d.y >= 0 ? up : down;
    const base = pile.get(slot) ?? 0;
    pile.set(slot, base + d.y);
    return { ...d, y1: base, y2: base + d.y };
  });
}

/** The lowest and highest edge of the stack, with zero. */
export function stackExtent(chart: ChartData): [number, number] {
  const edges = stackLayers(chart).flatMap((l) => (Number.isNaN(l.y1) ? [] : [l.y1, l.y2]));
  return [Math.min(0, ...edges), Math.max(0, ...edges)];
}

/** Each x's total over the series, in x order: what a stack's top reads. */
export function stackTotals(chart: ChartData): { d: Datum; total: number }[] {
  const totals = new Map<string | number, { d: Datum; total: number }>();
  for (const d of chart.data) {
    if (d.y === null) continue;
    const slot = slotOf(d);
    const entry = totals.get(slot);
    if (entry) entry.total += d.y;
    else totals.set(slot, { d, total: d.y });
  }
  return [...totals.values()];
}

/** The stack's totals in words, for the description. */
export function describeTotals(chart: ChartData, value: (y: number, d: Datum) => string): string | undefined {
  const totals = stackTotals(chart);
  if (totals.length === 0) return undefined;
  const at = (t: { d: Datum; total: number }) => `${value(t.total, t.d)} ${chart.xKind === 'category' ? 'for' : 'in'} ${t.d.label}`;
  if (totals.length === 1) return `Together ${at(totals[0])}.`;
  if (chart.xKind === 'category') {
    const high = totals.reduce((a, b) => (b.total > a.total ? b : a));
    const low = totals.reduce((a, b) => (b.total < a.total ? b : a));
    return `Largest total ${at(high)}; smallest ${at(low)}.`;
  }
  const [first, last] = [totals[0], totals.at(-1)!];
  const high = totals.reduce((a, b) => (b.total > a.total ? b : a));
  const verb = last.total > first.total ? 'rises' : last.total < first.total ? 'falls' : 'stays';
  return `The total ${verb} from ${at(first)} to ${at(last)}${high !== first && high !== last ? `; highest ${at(high)}` : ''}.`;
}

/** Stacked bars or areas: layers, zero line, shaded spans and events, reference lines, names at the right. */
export function stackOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const { colour, context } = seriesColours(chart);
  const fill = (d: Datum) => colour.get(d.series)!;
  // Only bars and areas stack (their kinds' layouts:): a kind without bars stacks areas.
  const area = chart.kind.bars === undefined;
  const layers = stackLayers(chart, area ? spreadSpans(chart) : chart.data);
  const names = stackOrder(chart).filter((name) => layers.some((l) => l.series === name && !Number.isNaN(l.y1)));
  const maxLabel = Math.round(size.width * (narrow ? 0.3 : 0.25));
  const lines = new Map(names.map((name) => [name, labelLines(name, maxLabel)]));
  const widest = Math.max(0, ...[...lines.values()].map(labelWidth));
  const frame = {
    width: size.width,
    height: Math.max(size.height, 60 + stackHeight([...lines.values()].map((l) => ({ lines: l })))),
    marginTop: 28,
    marginRight: Math.ceil(widest) + 14,
    marginLeft: 48,
    marginBottom: 32,
  };
  const [low, high] = chart.domains?.y ? [minOf(chart.domains.y.map(Number)), maxOf(chart.domains.y.map(Number))] : stackExtent(chart);
  const references = chart.annotations.flatMap((a) => (a.kind === 'reference' ? [a.value] : []));
  const [y0, y1] = niceDomain(Math.min(low, ...references), Math.max(high, ...references));
  const band = chart.xKind === 'category' || chart.xKind === 'month';
  const slots = [...new Set(layers.map((l) => (l.x instanceof Date ? l.x.getTime() : l.x)))];
  const times = layers.flatMap((l) => (l.x1 && l.x2 && !area ? [l.x1.getTime(), l.x2.getTime()] : l.x instanceof Date ? [l.x.getTime()] : []));
  const [t0, t1] = [minOf(times), maxOf(times)];
  const px = (x: Date | number) => frame.marginLeft + ((Number(x) - t0) / Math.max(1, t1 - t0)) * (frame.width - frame.marginLeft - frame.marginRight);
  const py = (y: number) => frame.height - frame.marginBottom - ((y - y0) / Math.max(1e-9, y1 - y0)) * (frame.height - frame.marginTop - frame.marginBottom);
  const desk = deskMarks(chart, frame, px, py, false);
  frame.marginTop += desk.extraTop;
  frame.height += desk.extraTop;
  const pyFinal = (y: number) => frame.height - frame.marginBottom - ((y - y0) / Math.max(1e-9, y1 - y0)) * (frame.height - frame.marginTop - frame.marginBottom);

  const marks: Plot.Markish[] = [...desk.under];
  // A thin line of the page's colour between layers keeps grey ones apart.
  if (area) marks.push(Plot.areaY(layers, { x: 'x', y1: 'y1', y2: 'y2', z: 'series', fill, curve: 'linear', className: 'stacked' } as Plot.AreaYOptions));
  else if (band) marks.push(Plot.barY(layers, { x: 'x', y1: 'y1', y2: 'y2', fill, className: 'stacked' } as Plot.BarYOptions));
  else marks.push(Plot.rectY(layers, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill, insetLeft: 0.5, insetRight: 0.5, className: 'stacked' } as Plot.RectYOptions));
  marks.push(Plot.ruleY([0]), ...desk.over);

  // Each layer is named level with its middle at the last x where it has a value.
  const bandwidth = band ? ((frame.width - frame.marginLeft - frame.marginRight) / (slots.length + 0.25)) * 0.75 : 0;
  const ends = new Map<string, Layer>();
  for (const l of layers) if (!Number.isNaN(l.y1) && l.y2 !== l.y1) ends.set(l.series, l);
  const wanted = names.filter((n) => ends.has(n)).map((series) => {
    const l = ends.get(series)!;
    return { series, lines: lines.get(series)!, want: pyFinal((l.y1 + l.y2) / 2) };
  });
  for (const label of layoutEndLabels(wanted, frame.marginTop, frame.height - frame.marginBottom)) {
    const l = ends.get(label.series)!;
    const muted = context.has(label.series);
    marks.push(
      Plot.text([{ ...l, mid: (l.y1 + l.y2) / 2, x: area || band ? l.x : l.x2 }], {
        x: 'x',
        y: 'mid',
        text: () => label.lines.join('\n'),
        textAnchor: 'start',
        lineAnchor: 'middle',
        lineHeight: 1.2,
        dx: (band ? bandwidth / 2 : 0) + 5,
        dy: label.y - label.want,
        fill: 'currentColor',
        fillOpacity: muted ? 0.8 : undefined,
        fontWeight: muted ? undefined : 'bold',
        className: 'halo',
      } as Plot.TextOptions),
    );
  }
  // Where a slot's bars or points are, in pixels: a band's middle (d3's band, padding 0.25), or the time.
  const xPixel = band ? (l: Datum) => frame.marginLeft + ((slots.findIndex((x) => String(x) === String(slotOf(l))) + 0.625) * bandwidth) / 0.75 : (l: Datum) => px(l.x as Date);
  marks.push(...totalLabels(chart, Object.assign((d: Datum) => ({ x: xPixel(d), y: pyFinal(d.y!) }), { x: px }), frame));
  marks.push(...stackNotes(chart, layers, frame, xPixel, bandwidth, pyFinal, narrow));
  return {
    ...frame,
    style: undefined,
    x: band ? { type: 'band', label: null, padding: 0.25, ...(chart.xKind === 'month' ? { tickFormat: (m: number) => monthShort(m) } : {}) } : { type: 'utc', label: null, ticks: narrow ? 4 : 8 },
    y: { label: unitHeading(chart.unit), grid: true, domain: [y0, y1], tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale), ticks: narrow ? 5 : 7 },
    marks,
  } as Plot.PlotOptions;
}

/**
 * `values:` on a stack writes totals: each stack's (`all`) or the
 * highlighted periods' or categories' (the default), above the top of the
 * stack, or below it when it only goes down.
 */
function totalLabels(chart: ChartData, project: Parameters<typeof valueLabelMarks>[1], frame: { width: number; height: number }): Plot.Markish[] {
  const texts = new Map<Datum, string>();
  const tops = stackTotals(chart).map(({ d, total }) => {
    const here = chart.data.filter((o) => o.y !== null && slotOf(o) === slotOf(d));
    const up = here.reduce((sum, o) => sum + Math.max(0, o.y!), 0);
    const down = here.reduce((sum, o) => sum + Math.min(0, o.y!), 0);
    // A total as precise as its parts, without the sum's binary noise.
    const digits = maxOf(here.map(shownDigits));
    const top: Datum = { ...d, y: up > 0 || down === 0 ? up : down, highlight: here.some((o) => o.highlight) };
    texts.set(top, highlightLabel({ ...d, y: Number(total.toFixed(digits)) }, chart));
    return top;
  });
  return valueLabelMarks(chart, project, { data: tops, text: (d) => texts.get(d)!, frame });
}

/**
 * Notes on a stack: one naming a series points at the middle of its layer,
 * one without at the top of the whole stack (its total). They keep off
 * the stacks' bars (or the layers' edges of an area) and one another.
 */
function stackNotes(chart: ChartData, layers: Layer[], frame: { width: number; height: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number }, px: (l: Datum) => number, bandwidth: number, py: (y: number) => number, narrow: boolean): Plot.Markish[] {
  const notes = chart.annotations.flatMap((a) => (a.kind === 'note' ? [a] : []));
  if (notes.length === 0) return [];
  const area = plotArea(frame);
  const drawn = layers.filter((l) => !Number.isNaN(l.y1));
  const bySlot = Map.groupBy(drawn, slotOf);
  const top = (here: Layer[]) => (here.some((l) => l.y2 > 0) ? maxOf(here.map((l) => l.y2)) : minOf(here.map((l) => l.y2)));
  const obstacles: Box[] = [];
  for (const here of bySlot.values()) {
    const l = here[0];
    const [low, high] = [Math.min(0, ...here.map((h) => h.y2)), Math.max(0, ...here.map((h) => h.y2))];
    if (chart.kind.bars === undefined) for (const h of here) obstacles.push({ x: px(h) - 6, y: py(h.y2) - 6, width: 12, height: 12 });
    else {
      const [x1, x2] = bandwidth ? [px(l) - bandwidth / 2, px(l) + bandwidth / 2] : [px({ ...l, x: l.x1! }), px({ ...l, x: l.x2! })];
      obstacles.push({ x: x1, y: py(high), width: x2 - x1, height: py(low) - py(high) });
    }
  }
  const anchors = notes.map((note) => {
    const here = bySlot.get(slotOf(note.datum)) ?? [];
    const layer = note.series === undefined ? undefined : here.find((l) => l.series === note.datum.series);
    const y = layer ? (layer.y1 + layer.y2) / 2 : here.length ? top(here) : note.datum.y!;
    return { text: note.text, x: note.datum.x, y, at: { x: px(note.datum), y: py(y) }, area };
  });
  return noteMarks(anchors, obstacles, narrow);
}

function monthShort(m: number): string {
  return new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
}

/** True when the chart's bars are set side by side by series, with a swatch key. */
export function isGrouped(chart: Pick<ChartData, 'spec' | 'series' | 'kind'>): boolean {
  return chart.spec.layout === 'group' && chart.kind.layouts?.includes('group') === true && chart.series !== undefined;
}

/**
 * Bars by category (or month of the year) side by side, one band per x
 * split among the series: each series is its own mark, inset within the
 * band by its rank. `plotWidth` is the width between the margins.
 */
export function groupedBandBars(drawn: Datum[], colour: (d: Datum) => string, plotWidth: number): Plot.Markish[] {
  const series = [...new Set(drawn.map((d) => d.series))];
  const slots = new Set(drawn.map((d) => String(d.x))).size;
  // d3's band scale with Plot's padding of 0.25 inside and out.
  const bandwidth = (plotWidth / (slots + 0.25)) * 0.75;
  const share = bandwidth / series.length;
  return series.map((name, i) =>
    Plot.barY(drawn.filter((d) => d.series === name), { x: 'x', y: 'y', fill: colour, insetLeft: i * share + 0.5, insetRight: (series.length - 1 - i) * share + 0.5 } as Plot.BarYOptions),
  );
}

/**
 * How far each grouped bar's centre sits from its category's centre, in
 * pixels (see groupedBandBars): where a note at it points.
 */
export function groupShift(chart: ChartData, plotWidth: number): (d: Datum) => number {
  const drawn = chart.data.filter((d) => d.y !== null);
  const series = [...new Set(drawn.map((d) => d.series))];
  const slots = new Set(drawn.map((d) => String(d.x))).size;
  const bandwidth = (plotWidth / (slots + 0.25)) * 0.75;
  const share = bandwidth / series.length;
  return (d) => (series.indexOf(d.series) + 0.5) * share - bandwidth / 2;
}

/**
 * The key above a grouped chart, and the rows it takes: every series with
 * its colour, grey ones too, in the order of the bars in each group (so
 * that two grey series are told apart by their place).
 */
export function groupKey(chart: ChartData, width: number, marginLeft: number): { mark?: Plot.RenderFunction; rows: number } {
  const { colour } = seriesColours(chart);
  const order = [...new Set(chart.data.filter((d) => d.y !== null).map((d) => d.series))];
  const shown = new Map(order.map((name) => [name, colour.get(name)!]));
  if (shown.size === 0) return { rows: 0 };
  return { mark: colourKey(shown, { width, marginLeft }), rows: keyRowsFor(shown.keys(), width, marginLeft) };
}
