/**
 * Small multiples (`facet:`): one small chart per value of a category
 * column (or per series), all on the same scales, wrapping into a grid of
 * up to two or three columns on a phone and three or four on a wide screen,
 * balanced so that the last row is as full as it can be (facetColumns); the
 * chart grows taller with the rows. Notes and values are placed in panels. The faceted column is the chart's series, so
 * the data table and CSV have one column per panel and `highlight` names
 * panels: a highlighted panel's marks take the accent, the others the
 * primary colour. Each panel is titled at its top left.
 */
import * as Plot from '@observablehq/plot';
import { formatTick, unitHeading } from '../format.ts';
import { monthName } from '../period.ts';
import type { Table } from '../data/model.ts';
import type { ChartSpec } from './spec.ts';
import { suggestion } from '../suggest.ts';
import { CATALOGUE, say } from '../catalogue.ts';
import type { ChartData, ChartKind, ChartProblem, Datum } from './model.ts';
import { ACCENT, PRIMARY } from './palette.ts';
import { niceDomain, PHONE_FIT, spreadSpans, type Size } from './frame.ts';
import { noteMarks } from './noteMarks.ts';
import { valueLabelMarks } from './valueLabels.ts';
import type { Box } from './notePlacement.ts';
import { textWidth } from './notePlacement.ts';
import { thinLine } from './thin.ts';
import { maxOf, minOf } from '../extent.ts';

/** More panels than this are too small to read on a phone. */
export const MAX_PANELS = 24;

/**
 * The series column a facet implies: `facet: industry` splits series by
 * industry when `series:` is not given. Undefined for `facet: series`.
 */
export function facetSeries(spec: ChartSpec, table: Table): string | undefined {
  return spec.facet !== undefined && table.categories.includes(spec.facet) && spec.series === undefined ? spec.facet : undefined;
}

/** Refuses a facet the chart cannot draw. `series` is the chart's series column after facetSeries. */
export function checkFacet(spec: ChartSpec, kind: ChartKind, table: Table, series: string | undefined, problems: ChartProblem[]): void {
  const facet = spec.facet;
  if (facet === undefined) return;
  const columns = ['series', ...table.categories];
  if (!columns.includes(facet)) {
    problems.push({ field: 'facet', message: `table ${table.name} has no category column "${facet}" to draw panels by`, hint: suggestion(facet, columns) });
    return;
  }
  if (!kind.honours.includes('facet')) {
    problems.push({ field: 'facet', ...say(CATALOGUE.facetNotDrawn, spec.type) });
  }
  if (facet === 'series' && !series) {
    problems.push({ field: 'facet', message: 'facet: series draws one panel per series, and this chart has none', hint: table.categories.length ? `use facet: ${table.categories[0]}, or add series:` : 'add series: year, or list several keys in data:' });
  } else if (facet !== 'series' && series !== facet) {
    problems.push({ field: 'facet', message: `facet: ${facet} draws one panel per ${facet}, and series: ${series} would split each panel again`, hint: `leave series: out, or write facet: series for one panel per ${series}` });
  }
}

/** Too many panels, and notes that do not say their panel, once the data is known. */
export function checkPanelCount(chart: Pick<ChartData, 'spec' | 'data' | 'series'>, problems: ChartProblem[]): void {
  if (chart.spec.facet === undefined) return;
  const panels = [...new Set(chart.data.map((d) => d.series))];
  if (panels.length > MAX_PANELS) problems.push({ field: 'facet', message: `facet: would draw ${panels.length} panels, more than ${MAX_PANELS} legible on a phone`, hint: `pick some with where: { ${chart.series}: [...] }` });
  // Every panel has the same periods: a note names the one it is in.
  const i = (chart.spec.annotations ?? []).findIndex((a) => a.at !== undefined && a.series === undefined);
  if (i >= 0 && panels.length > 1) {
    const note = chart.spec.annotations![i];
    problems.push({ field: `annotations.${i}.at`, message: `note "${note.text}" at ${note.at} could be in any of the ${panels.length} panels`, hint: `name its panel with series:, e.g. series: ${JSON.stringify(panels[0])}` });
  }
}

/**
 * Columns of the grid at a width, for a number of panels: as few rows as
 * the width's most columns allow, then the panels spread evenly over
 * them, so that the last row is as full as it can be (4 panels make 2×2,
 * not 3 and 1; 5 make 3 and 2; 9 make 3×3).
 */
export function facetColumns(count: number, width: number): number {
  // On a phone the pinned chart gets under half the screen's height: more than six panels go three abreast.
  const most = width < 480 ? (count <= 6 ? 2 : 3) : count <= 6 ? 3 : 4;
  const rows = Math.ceil(Math.max(1, count) / most);
  return Math.ceil(Math.max(1, count) / rows);
}

/** The panels in order, with their place in the grid. */
export function facetPanels(chart: ChartData, width: number): { name: string; col: number; row: number; highlight: boolean }[] {
  const names = [...new Set(chart.data.map((d) => d.series))];
  const cols = facetColumns(names.length, width);
  return names.map((name, i) => ({ name, col: i % cols, row: Math.floor(i / cols), highlight: chart.highlightsSeries && chart.data.some((d) => d.series === name && d.highlight) }));
}

const TITLE_SIZE = 10;
const LINE = 12;

export function facetOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const panels = facetPanels(chart, size.width);
  const cols = Math.max(1, ...panels.map((p) => p.col + 1));
  const rows = Math.max(1, ...panels.map((p) => p.row + 1));
  const place = new Map(panels.map((p) => [p.name, p]));
  const fx = (d: Datum) => place.get(d.series)!.col;
  const fy = (d: Datum) => place.get(d.series)!.row;
  const colour = (d: Datum) => (place.get(d.series)!.highlight ? ACCENT : PRIMARY);
  const margin = { marginLeft: 40, marginRight: narrow ? 10 : 14, marginBottom: 24 };
  const gap = narrow ? 10 : 16;
  const panelWidth = (size.width - margin.marginLeft - margin.marginRight - gap * (cols - 1)) / cols;
  // A title too wide for its panel wraps onto a second line; every row leaves room for the tallest.
  const titleLines = Math.max(1, ...panels.map((p) => (textWidth(p.name, TITLE_SIZE) > panelWidth ? 2 : 1)));
  const title = titleLines * LINE + 6;
  const marginTop = 20 + title;
  // On a phone the grid is held to about the height of other charts, so that it shows whole when pinned.
  const panelHeight = narrow ? Math.max(44, Math.min(84, Math.floor((PHONE_FIT - marginTop - margin.marginBottom - (rows - 1) * title) / rows))) : 96;
  const height = marginTop + rows * panelHeight + (rows - 1) * title + margin.marginBottom;
  const data = spreadSpans(chart);
  const drawn = data.filter((d) => d.y !== null);
  const zero = chart.zero;
  const marks: Plot.Markish[] = [];
  // Spans, events and reference lines run through every panel; their labels go in the first, at its top.
  const first = { fx: () => 0, fy: () => 0 };
  for (const a of chart.annotations) {
    if (a.kind === 'span') {
      marks.push(Plot.rect([a], { x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.09 }));
      marks.push(Plot.text([a], { ...first, x: 'x1', text: 'text', frameAnchor: 'top', lineAnchor: 'top', textAnchor: 'start', dx: 3, dy: 2, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
    } else if (a.kind === 'event') {
      marks.push(Plot.ruleX([a], { x: 'x', stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '3 3' }));
      marks.push(Plot.text([a], { ...first, x: 'x', text: 'text', frameAnchor: 'top', lineAnchor: 'top', textAnchor: 'start', dx: 3, dy: 2, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
    } else if (a.kind === 'reference') {
      marks.push(Plot.ruleY([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }));
      // Under the line at the right, clear of span and event labels along the top.
      marks.push(Plot.text([a], { ...first, y: 'value', text: 'text', frameAnchor: 'right', textAnchor: 'end', dx: -2, dy: 8, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
    }
  }
  if (zero || drawn.some((d) => d.y! < 0)) marks.push(Plot.ruleY([0]));
  const channels = { x: 'x', y: 'y', fx, fy };
  // Each panel draws the kind's marks small, by its traits: bars, a line (with its area when filled), or dots.
  if (chart.kind.joined) {
    if (chart.kind.filled) marks.push(Plot.areaY(data, { ...channels, z: 'series', fill: colour, fillOpacity: 0.18, curve: 'linear' } as Plot.AreaYOptions));
    marks.push(Plot.lineY(thinLine(data, Math.max(20, Math.round(panelWidth))), { ...channels, z: 'series', stroke: colour, strokeWidth: 1.75, curve: 'linear' } as Plot.LineYOptions));
  } else if (chart.kind.bars === 'vertical') {
    if (chart.xKind === 'time') marks.push(Plot.rectY(drawn, { x1: 'x1', x2: 'x2', y: 'y', fx, fy, fill: colour, insetLeft: 0.25, insetRight: 0.25 } as Plot.RectYOptions));
    // The months of a year run along a linear scale (1–12): each bar takes most of its month.
    else if (chart.xKind === 'month') marks.push(Plot.rectY(drawn, { x1: (d: Datum) => (d.x as number) - 0.4, x2: (d: Datum) => (d.x as number) + 0.4, y: 'y', fx, fy, fill: colour } as Plot.RectYOptions));
    else marks.push(Plot.barY(drawn, { ...channels, fill: colour } as Plot.BarYOptions));
  } else marks.push(Plot.dot(drawn, { ...channels, fill: colour, r: 2 } as Plot.DotOptions));
  // Highlighted periods get a dot in each panel.
  const points = drawn.filter((d) => d.highlight && !chart.highlightsSeries);
  if (points.length) marks.push(Plot.dot(points, { ...channels, fill: ACCENT, r: 3 } as Plot.DotOptions));
  const grid = { left: margin.marginLeft, top: marginTop, width: panelWidth, height: panelHeight, gap, title };
  const project = panelProjector(chart, drawn, place, grid, zero);
  // Values in each panel: the highlighted periods' (the default), or every one that has room.
  const titles = panels.map((p) => ({ x: grid.left + p.col * (panelWidth + gap), y: marginTop + p.row * (panelHeight + title) - title, width: Math.min(panelWidth, textWidth(p.name, TITLE_SIZE + 1)), height: title }));
  // A value keeps off the other bars of its panel, and clears the dot on a highlighted bar.
  const slots = new Set(drawn.map((d) => String(d.x instanceof Date ? d.x.getTime() : d.x))).size;
  const half = (panelWidth / Math.max(1, slots)) * 0.4;
  const bars = chart.kind.bars === 'vertical' ? drawn.map((d) => {
    const [top, foot] = [project(d), project({ ...d, y: 0 })];
    return { x: top.x - half, y: Math.min(top.y, foot.y), width: half * 2, height: Math.abs(foot.y - top.y) };
  }) : [];
  const cap = (d: Datum) => (bars.length && d.highlight && !chart.highlightsSeries ? 3 : 0);
  marks.push(...valueLabelMarks(chart, project, { data: drawn, facet: (d) => ({ fx: place.get(d.series)!.col, fy: place.get(d.series)!.row }), avoid: titles, marks: bars, halfWidth: bars.length ? () => half : undefined, cap, frame: { width: size.width, height } }));
  marks.push(...panelNotes(chart, drawn, grid, project, narrow));
  // Panel titles; a highlighted panel's in bold.
  for (const bold of [false, true]) {
    const titled = panels.filter((p) => p.highlight === bold);
    if (titled.length === 0) continue;
    marks.push(
      Plot.text(titled, {
        fx: 'col',
        fy: 'row',
        text: 'name',
        frameAnchor: 'top-left',
        lineAnchor: 'bottom',
        lineWidth: panelWidth / (TITLE_SIZE + 1),
        lineHeight: LINE / (TITLE_SIZE + 1),
        dy: -5,
        fontSize: TITLE_SIZE + 1,
        fontWeight: bold ? 'bold' : undefined,
        fill: 'currentColor',
      } as Plot.TextOptions),
    );
  }
  const time = chart.xKind === 'time';
  return {
    width: size.width,
    height,
    marginTop,
    ...margin,
    style: undefined,
    fx: { axis: null, domain: [...Array(cols).keys()], paddingInner: gap / (panelWidth + gap), paddingOuter: 0 },
    fy: { axis: null, domain: [...Array(rows).keys()], paddingInner: title / (panelHeight + title), paddingOuter: 0 },
    x: time
      ? { type: 'utc', label: null, ticks: narrow ? 2 : 3, ...(chart.domains?.x ? { domain: [...chart.domains.x] } : {}) }
      : chart.xKind === 'month'
        ? { type: 'linear', label: null, domain: chart.kind.bars === 'vertical' ? [0.5, 12.5] : [1, 12], ticks: [1, 7], tickFormat: (m: number) => monthName(m) }
        : { type: 'band', label: null, padding: 0.2 },
    y: { label: unitHeading(chart.unit), grid: true, nice: true, zero: zero || undefined, ticks: 3, tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale), ...(chart.domains?.y ? { domain: [...chart.domains.y] } : {}) },
    marks,
  } as Plot.PlotOptions;
}

/** The grid in pixels: where panel (0, 0) starts, each panel's size, and the gaps between them. */
interface Grid {
  left: number;
  top: number;
  width: number;
  height: number;
  gap: number;
  title: number;
}

/**
 * Pixel positions in the grid, as Plot lays the panels out: the shared
 * time, month or category axis and the nice value axis of every panel,
 * offset to the datum's panel.
 */
function panelProjector(chart: ChartData, drawn: Datum[], place: Map<string, { col: number; row: number }>, grid: Grid, zero: boolean) {
  const along = panelX(chart, drawn, grid.width);
  const references = chart.annotations.flatMap((a) => (a.kind === 'reference' ? [a.value] : []));
  const ys = [...drawn.map((d) => d.y!), ...references, ...(zero ? [0] : [])];
  const [y0, y1] = chart.domains?.y ? [Number(chart.domains.y[0]), Number(chart.domains.y[1])] : niceDomain(minOf(ys), maxOf(ys));
  const origin = (d: Datum) => {
    const p = place.get(d.series)!;
    return { col: p.col, row: p.row, x: grid.left + p.col * (grid.width + grid.gap), y: grid.top + p.row * (grid.height + grid.title) };
  };
  const project = (d: Datum) => {
    const panel = origin(d);
    return { x: panel.x + along(d.x), y: panel.y + grid.height - ((d.y! - y0) / Math.max(1e-9, y1 - y0)) * grid.height };
  };
  return Object.assign(project, { x: (x: Date | number) => along(x), origin });
}

/**
 * Notes in panels: each at its value in the panel its series names, beside
 * it (a panel has no room for a connecting line), keeping off that panel's
 * marks.
 */
function panelNotes(chart: ChartData, drawn: Datum[], grid: Grid, project: ReturnType<typeof panelProjector>, narrow: boolean): Plot.Markish[] {
  const notes = chart.annotations.flatMap((a) => (a.kind === 'note' ? [a] : []));
  if (notes.length === 0) return [];
  const obstacles: Box[] = drawn.map((d) => {
    const p = project(d);
    return { x: p.x - 6, y: p.y - 6, width: 12, height: 12 };
  });
  const anchors = notes.map((note) => {
    const panel = project.origin(note.datum);
    return { text: note.text, x: note.datum.x, y: note.datum.y!, at: project(note.datum), fx: panel.col, fy: panel.row, area: { x: panel.x, y: panel.y, width: grid.width, height: grid.height } };
  });
  return noteMarks(anchors, obstacles, narrow, true);
}

/** A panel's x position of a value, in pixels from the panel's left edge, as facetOptions' x scale lays it out. */
function panelX(chart: ChartData, drawn: Datum[], width: number): (x: Datum['x']) => number {
  if (chart.xKind === 'month') {
    const [a, b] = chart.kind.bars === 'vertical' ? [0.5, 12.5] : [1, 12];
    return (x) => ((Number(x) - a) / (b - a)) * width;
  }
  if (chart.xKind === 'time') {
    const times = chart.domains?.x ? chart.domains.x.map(Number) : drawn.flatMap((d) => (chart.kind.bars === 'vertical' && d.x1 && d.x2 ? [d.x1.getTime(), d.x2.getTime()] : [(d.x as Date).getTime()]));
    const [t0, t1] = [minOf(times), maxOf(times)];
    return (x) => (((x as Date).getTime() - t0) / Math.max(1, t1 - t0)) * width;
  }
  // A band scale with padding 0.2 (d3): bands a step apart, centred.
  const categories = [...new Set(drawn.map((d) => String(d.x)))];
  const step = width / (categories.length + 0.2);
  return (x) => step * (categories.indexOf(String(x)) + 0.6);
}
