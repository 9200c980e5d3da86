/**
 * Scatter plots: a number column along x, the key's measure up y, one dot
 * per row; optionally sized by another number column (area in proportion)
 * and coloured by `series` (the colour rule of seriesColours.ts: at most
 * five colours, with a key above the plot). Highlighted points take the
 * accent and are named beside their dot. Log scales (`log: x`, `log: y`)
 * are checked here: a log axis cannot show zero or below.
 */
import * as Plot from '@observablehq/plot';
import { formatTick, formatValue, unitHeading } from '../format.ts';
import { LEFT_MARGIN, logAxes, type Size } from './frame.ts';
import type { ChartData, ChartKind, ChartProblem, Datum, KindInput } from './model.ts';
import type { ChartSpec } from './spec.ts';
import type { Measure } from '../data/model.ts';
import { suggestion } from '../suggest.ts';
import { CATALOGUE, say } from '../catalogue.ts';
import { ACCENT, PRIMARY } from './palette.ts';
import { seriesColours } from './seriesColours.ts';
import { textWidth } from '../share/textWidth.ts';

/** A scatter's own checks: a number column along x, no values:, a size: column of amounts (read into each datum's size). */
export function checkScatter({ spec, table, xKind, data }: KindInput, problems: ChartProblem[]): void {
  const numbers = [...table.measures.keys()];
  if (xKind !== 'number') {
    problems.push({ field: 'x', ...say(CATALOGUE.scatterXNotNumber, spec.x ?? 'period', numbers, table.name) });
  }
  if (spec.values !== undefined) {
    problems.push({ field: 'values', onKey: true, message: 'a scatter names its highlighted points, and writes no values beside its dots', hint: 'leave values out; pick the points to name with highlight:, and give figures in the text or the data table' });
  }
  if (spec.size === undefined) return;
  if (!table.measures.has(spec.size)) problems.push({ field: 'size', message: `table ${table.name} has no number column "${spec.size}" to size dots by`, hint: suggestion(spec.size, numbers) });
  else {
    for (const d of data) d.size = d.row?.values[spec.size] ?? null;
    const below = data.find((d) => d.size !== undefined && d.size !== null && d.size < 0);
    if (below) problems.push({ field: 'size', message: `dots are sized by area, and ${spec.size} is below zero for ${below.label} (${below.size})`, hint: 'size by a column of amounts, which are never negative' });
  }
}

/** Checks every log axis against the drawn values, on any kind; and size: on a kind that sizes nothing. */
export function checkScales(spec: ChartSpec, kind: ChartKind, xKind: string, data: Datum[], problems: ChartProblem[]): void {
  if (spec.size !== undefined && !kind.honours.includes('size')) problems.push({ field: 'size', ...say(CATALOGUE.sizeNotScatter) });
  const axes = logAxes(spec);
  // Kinds whose value axis starts at zero cannot take a log scale, which never reaches it.
  if (axes.size && kind.zero) {
    problems.push({ field: 'log', ...say(CATALOGUE.logFromZero, kind.bars ? 'bars' : 'areas') });
    return;
  }
  // A log scale never reaches zero, and small multiples share one linear axis per panel.
  if (axes.has('y') && spec.zero === true) problems.push({ field: 'zero', ...say(CATALOGUE.logWithZero) });
  if (axes.size && spec.facet !== undefined) problems.push({ field: 'log', ...say(CATALOGUE.logOnFacets) });
  for (const axis of axes) {
    if (axis === 'x' && xKind !== 'number') {
      problems.push({ field: 'log', message: 'log: x needs numbers along x, and this chart runs along time or categories', hint: 'put log: y, or use a number column as x' });
      continue;
    }
    const value = (d: Datum) => (axis === 'x' ? (d.x as number) : d.y);
    const bad = data.filter((d) => d.y !== null && Number.isFinite(value(d) as number) && (value(d) as number) <= 0);
    if (bad.length) {
      const first = bad[0];
      problems.push({ field: 'log', message: `a log scale on ${axis} cannot show zero or below, and ${bad.length} drawn ${bad.length === 1 ? 'value is' : 'values are'} (${first.label}: ${value(first)})`, hint: 'leave log off, or leave those rows out with where:' });
    }
  }
}

/** Dots, their names and a colour key; and the scales for x and y. */
export function scatterMarks(chart: ChartData, narrow: boolean, frame: { width: number; marginLeft: number; marginTop: number }): Plot.Markish[] {
  const drawn = chart.data.filter((d) => d.y !== null && Number.isFinite(d.x as number));
  const { colour } = seriesColours(chart);
  const fill = (d: Datum) => (d.highlight ? ACCENT : chart.series ? colour.get(d.series)! : PRIMARY);
  const sized = chart.spec.size !== undefined;
  // Big dots first, so small ones stay visible on top.
  const ordered = [...drawn].sort((a, b) => (b.size ?? 0) - (a.size ?? 0) || Number(a.highlight) - Number(b.highlight));
  const marks: Plot.Markish[] = [
    Plot.dot(ordered, { x: 'x', y: 'y', r: sized ? 'size' : narrow ? 3 : 4, fill, fillOpacity: 0.75, stroke: 'currentColor', strokeOpacity: 0.35, strokeWidth: 0.5 } as Plot.DotOptions),
  ];
  const highlighted = drawn.filter((d) => d.highlight);
  if (highlighted.length) {
    marks.push(
      Plot.text(highlighted, { x: 'x', y: 'y', text: (d: Datum) => pointName(chart, d), textAnchor: 'start', dx: sized ? 0 : 7, dy: sized ? -10 : 0, fontWeight: 'bold', fill: 'currentColor', className: 'halo' } as Plot.TextOptions),
    );
  }
  // A key only when colours tell series apart (not when every series is grey context).
  if (chart.series && seriesColours(chart).context.size === 0) marks.push(colourKey(colour, frame));
  return marks;
}

/** A point's name: its first category other than the one colouring it. */
export function pointName(chart: ChartData, d: Datum): string {
  const column = chart.table.categories.find((c) => c !== chart.series);
  return (column && d.row?.categories[column]) || d.label;
}

/** Plot's x, y and r scales for a scatter. */
export function scatterScales(chart: ChartData, narrow: boolean): Record<string, unknown> {
  const axes = logAxes(chart.spec);
  const sizeMeasure = chart.spec.size ? chart.table.measures.get(chart.spec.size) : undefined;
  const xMeasure = chart.table.measures.get(chart.x);
  const named = (m: Measure | undefined, fallback: string) => (m ? `${m.label}${m.unit ? ` (${unitHeading(m.unit)})` : ''}` : fallback);
  return {
    x: { type: axes.has('x') ? 'log' : 'linear', label: `${named(xMeasure, chart.x)} →`, labelAnchor: 'right', grid: true, nice: true, ticks: narrow ? 4 : 6 },
    y: { type: axes.has('y') ? 'log' : 'linear', label: `↑ ${named(chart.measures[0], '')}`, labelAnchor: 'top', grid: true, nice: true, ticks: narrow ? 5 : 7 },
    ...(sizeMeasure ? { r: { type: 'sqrt', range: [0, narrow ? 12 : 18] } } : {}),
  };
}

/** A row of coloured dots with the series' names, above the plot. */
export function colourKey(colour: Map<string, string>, frame: { width: number; marginLeft: number }): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    let x = frame.marginLeft;
    // Under the y axis's label.
    let y = 26;
    for (const [name, fill] of colour) {
      const width = 12 + textWidth(name, 10) + 10;
      if (x + width > frame.width && x > frame.marginLeft) {
        x = frame.marginLeft;
        y += 14;
      }
      const dot = doc.createElementNS(ns, 'circle');
      dot.setAttribute('cx', String(x + 4));
      dot.setAttribute('cy', String(y));
      dot.setAttribute('r', '4');
      dot.setAttribute('fill', fill);
      const text = doc.createElementNS(ns, 'text');
      text.setAttribute('x', String(x + 11));
      text.setAttribute('y', String(y + 3.5));
      text.setAttribute('text-anchor', 'start');
      text.textContent = name;
      g.append(dot, text);
      x += width;
    }
    return g as SVGElement;
  };
}

/** Rows the colour key takes above the plot. */
export function keyRows(chart: ChartData, width: number, marginLeft: number): number {
  if (!chart.series || seriesColours(chart).context.size > 0) return 0;
  return keyRowsFor(new Set(chart.data.map((d) => d.series)), width, marginLeft);
}

/** Rows a colour key of `names` takes, wrapping at `width`. */
export function keyRowsFor(names: Iterable<string>, width: number, marginLeft: number): number {
  let rows = 1;
  let x = marginLeft;
  for (const name of names) {
    const w = 12 + textWidth(name, 10) + 10;
    if (x + w > width && x > marginLeft) {
      rows++;
      x = marginLeft;
    }
    x += w;
  }
  return rows;
}

/** The scatter in words: what against what, the spread, the direction, the named points. */
export function describeScatter(chart: ChartData): string[] {
  const drawn = chart.data.filter((d) => d.y !== null && Number.isFinite(d.x as number));
  const xMeasure = chart.table.measures.get(chart.x);
  const xUnit = xMeasure?.unit ?? undefined;
  const fx = (v: number) => (xUnit ? formatValue(v, xUnit, undefined, undefined, chart.locale) : String(v));
  const fy = (v: number) => formatValue(v, chart.unit, undefined, undefined, chart.locale);
  const logs = [...logAxes(chart.spec)];
  const sentences = [
    `Scatter plot of ${lower(chart.measures[0].label)} against ${lower(xMeasure?.label ?? chart.x)}, ${drawn.length} points${chart.spec.size ? `, sized by ${lower(chart.table.measures.get(chart.spec.size)?.label ?? chart.spec.size)}` : ''}${logs.length ? `, log scale on ${logs.join(' and ')}` : ''}.`,
  ];
  if (drawn.length >= 3) {
    // On a log axis the pattern is in the logarithms.
    const along = (v: number, axis: 'x' | 'y') => (logs.includes(axis) ? Math.log(v) : v);
    const r = correlation(drawn.map((d) => along(d.x as number, 'x')), drawn.map((d) => along(d.y!, 'y')));
    const strength = Math.abs(r) >= 0.7 ? 'strongly' : Math.abs(r) >= 0.4 ? 'moderately' : 'weakly';
    sentences.push(Math.abs(r) < 0.2 ? 'The points show no clear pattern.' : `${capitalise(lower(chart.measures[0].label))} ${r > 0 ? 'rises' : 'falls'} ${strength} as ${lower(xMeasure?.label ?? chart.x)} rises (correlation ${r.toFixed(2).replace('-', '−')}).`);
    const high = drawn.reduce((a, b) => (b.y! > a.y! ? b : a));
    const low = drawn.reduce((a, b) => (b.y! < a.y! ? b : a));
    sentences.push(`Highest: ${pointName(chart, high)}, ${fy(high.y!)}; lowest: ${pointName(chart, low)}, ${fy(low.y!)}.`);
  }
  const named = drawn.filter((d) => d.highlight).slice(0, 6);
  if (named.length) sentences.push(`Highlighted: ${named.map((d) => `${pointName(chart, d)} (${fx(d.x as number)}; ${fy(d.y!)})`).join(', ')}.`);
  return sentences;
}

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A scatter: dots on two number axes, a colour key above, annotations as on any chart. */
export function scatterOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const rows = keyRows(chart, size.width, LEFT_MARGIN);
  const frame = { width: size.width, height: size.height + rows * 14, marginTop: 28 + rows * 14 + (rows ? 8 : 0), marginRight: narrow ? 16 : 24, marginLeft: LEFT_MARGIN, marginBottom: 36 };
  const marks: Plot.Markish[] = [];
  // Reference lines on a scatter run across at a y value.
  for (const a of chart.annotations) {
    if (a.kind === 'reference') marks.push(Plot.ruleY([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }), Plot.text([a], { y: 'value', text: 'text', frameAnchor: 'left', textAnchor: 'start', dx: 2, dy: -7, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
  }
  marks.push(...scatterMarks(chart, narrow, frame));
  const scales = scatterScales(chart, narrow);
  const unit = chart.unit;
  const xUnit = chart.table.measures.get(chart.x)?.unit ?? undefined;
  const log = logAxes(chart.spec);
  const tick = (u: typeof unit | undefined) => (v: number) => (u ? formatTick(v, u, chart.locale) : String(v));
  // A log axis gets Plot's powers of ten, printed in the unit's own way.
  (scales.y as Record<string, unknown>).tickFormat = tick(unit);
  (scales.x as Record<string, unknown>).tickFormat = tick(xUnit);
  if (log.has('y')) (scales.y as Record<string, unknown>).ticks = narrow ? 3 : 5;
  if (log.has('x')) (scales.x as Record<string, unknown>).ticks = narrow ? 3 : 5;
  return { ...frame, style: undefined, ...scales, marks } as Plot.PlotOptions;
}
