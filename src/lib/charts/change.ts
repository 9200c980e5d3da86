/**
 * Change charts: how each category moved between two periods. `dumbbell`
 * and `arrow` give each category a row, with its value at `from:` (grey)
 * and at `to:` (the primary colour, or the accent when highlighted) joined
 * by a rule or an arrow; `slope` draws one line per category between two
 * columns, named with its values at both ends. A category missing either
 * end is drawn with what it has and no change, and the description says so:
 * a missing value is never made up.
 */
import * as Plot from '@observablehq/plot';
import type { Row, Table } from '../data/model.ts';
import { formatShort, formatTick, formatValue, unitHeading } from '../format.ts';
import { comparePeriods, endTime, periodLabel, startTime, type Period } from '../period.ts';
import type { ChartSpec } from './spec.ts';
import { shownDigits, type ChartData, type ChartProblem, type Datum } from './model.ts';
import { labelLines, labelWidth, layoutEndLabels, leaderLines, stackHeight, type EndLabel } from './lineLabels.ts';
import { ACCENT, MUTED, PRIMARY } from './palette.ts';
import { seriesColours } from './seriesColours.ts';
import { PHONE_FIT, type Size } from './frame.ts';
import { textWidth } from '../share/textWidth.ts';
import { maxOf, minOf } from '../extent.ts';

/** The two periods a change chart compares, and the rows at them. */
export interface Ends {
  from: Period;
  to: Period;
  rows: Row[];
}

/**
 * Picks the rows at the two periods compared: `from` and `to` when given,
 * otherwise the first and last periods of `rows` (already filtered by
 * `where:` and the story's `through`). Reports what a change chart cannot
 * draw: no categories, a period missing from the data (with the nearest
 * ones it has), two rows for one category in one period.
 */
export function changeEnds(spec: ChartSpec, table: Table, x: string, rows: Row[], from: Period | undefined, to: Period | undefined, through: Period | undefined, problems: ChartProblem[]): Ends | undefined {
  const kind = spec.type;
  const a = /^[aeiou]/.test(kind) ? 'an' : 'a';
  const before = problems.length;
  if (table.grain === 'none') problems.push({ field: 'type', message: `${a} ${kind} chart compares two periods, and table ${table.name} has none`, hint: 'use type: barX to compare categories' });
  if (table.categories.length === 0) problems.push({ field: 'type', message: `${a} ${kind} chart compares categories, and table ${table.name} has none`, hint: 'use type: line to show the change over time' });
  else if (!table.categories.includes(x)) problems.push({ field: 'x', message: `${a} ${kind} chart needs a category column as x, and "${x}" is not one`, hint: `use x: ${table.categories[0]}` });
  if (Array.isArray(spec.data) && spec.data.length > 1) problems.push({ field: 'data', message: `${a} ${kind} chart draws one key, and this chart has ${spec.data.length}`, hint: 'draw each key in its own chart' });
  if (spec.series !== undefined) problems.push({ field: 'series', onKey: true, message: `${a} ${kind} chart has one ${kind === 'slope' ? 'line' : 'row'} per category of x, and no series`, hint: `leave series out; pick the categories with where: { ${x}: [...] }` });
  if (spec.log !== undefined) problems.push({ field: 'log', onKey: true, message: `${a} ${kind} chart has no log scale`, hint: 'leave log out' });
  if (kind === 'slope' && spec.values !== undefined) problems.push({ field: 'values', onKey: true, message: 'a slope chart writes every value at its ends, beside the names', hint: 'leave values out' });
  for (const [i, note] of (spec.annotations ?? []).entries()) {
    if (note.value === undefined) problems.push({ field: `annotations.${i}`, message: `${a} ${kind} chart takes reference lines (value:) only, and annotation "${note.text}" is not one`, hint: 'say it in the caption or the text' });
  }
  if (problems.length > before) return undefined;

  const periods = [...new Map(rows.map((r) => [r.period.id, r.period])).values()].sort(comparePeriods);
  if (periods.length === 0) return undefined; // chartData reports the empty chart
  const first = from ?? periods[0];
  const last = to ?? periods.at(-1)!;
  for (const [field, p] of [['from', first], ['to', last]] as const) {
    if (through && endTime(p) > endTime(through)) problems.push({ field, message: `${field}: ${p.id} is after the story's through: ${through.id}`, hint: `compare periods up to ${through.id}, or move the story's through: on` });
    else if (!periods.some((q) => q.id === p.id)) problems.push({ field, message: `${table.name} has no rows for ${p.id}${Object.keys(spec.where ?? {}).length ? ' (with this where:)' : ''}`, hint: nearest(periods, p) });
  }
  if (problems.length > before) return undefined;
  if (first.id === last.id || comparePeriods(first, last) > 0) {
    problems.push({ field: from ? 'from' : 'to', message: `${a} ${kind} chart compares two periods, and ${first.id === last.id ? `from and to are both ${first.id}` : `from (${first.id}) comes after to (${last.id})`}`, hint: 'give from: the earlier period and to: the later one' });
    return undefined;
  }
  const picked = rows.filter((r) => r.period.id === first.id || r.period.id === last.id);
  const seen = new Map<string, Row>();
  for (const row of picked) {
    const slot = `${row.period.id}\u0000${row.categories[x]}`;
    const other = seen.get(slot);
    if (!other) {
      seen.set(slot, row);
      continue;
    }
    const column = table.categories.find((c) => c !== x && row.categories[c] !== other.categories[c]) ?? x;
    problems.push({ field: 'data', message: `${table.name} has several rows for ${row.categories[x]} in ${row.period.id}${column === x ? '' : `, one per ${column}`}`, hint: column === x ? 'a category may have one row per period' : `pick one with where: { ${column}: ${JSON.stringify(row.categories[column])} }` });
    return undefined;
  }
  return { from: first, to: last, rows: picked };
}

/** The periods of the data nearest to `p`, one each side, as a hint. */
function nearest(periods: Period[], p: Period): string {
  const t = startTime(p);
  const earlier = periods.filter((q) => startTime(q) < t).at(-1);
  const later = periods.find((q) => startTime(q) >= t && q.id !== p.id);
  const near = [earlier, later].filter((q) => q !== undefined).map((q) => q.id);
  return `the nearest ${near.length === 1 ? 'period' : 'periods'} in the data: ${near.join(' and ')}`;
}

/**
 * The data of a change chart as the table and CSV show it: each category's
 * two ends in a row, named by their periods (the table's columns); an end
 * the data lacks is a value-less datum, so the table shows a dash.
 * Categories come sorted by their value at the end, largest first.
 */
export function pairUp(data: Datum[], ends: Ends): Datum[] {
  const byCategory = new Map<string, { start?: Datum; end?: Datum }>();
  for (const d of data) {
    d.series = periodLabel(d.period);
    const pair = byCategory.get(String(d.x)) ?? {};
    if (d.period.id === ends.from.id) pair.start = d;
    else pair.end = d;
    byCategory.set(String(d.x), pair);
  }
  const blank = (d: Datum, p: Period): Datum => ({ ...d, y: null, period: p, series: periodLabel(p), source: '', row: undefined, span: undefined });
  const pairs = [...byCategory.values()].map((pair) => ({ start: pair.start ?? blank(pair.end!, ends.from), end: pair.end ?? blank(pair.start!, ends.to) }));
  const rank = (d: Datum) => (d.y === null ? Number.NEGATIVE_INFINITY : d.y);
  pairs.sort((a, b) => rank(b.end) - rank(a.end) || rank(b.start) - rank(a.start));
  return pairs.flatMap((pair) => [pair.start, pair.end]);
}

/** One category's two ends. */
export interface Pair {
  name: string;
  start: Datum;
  end: Datum;
  highlight: boolean;
  /** End minus start; null when either end has no value. */
  change: number | null;
}

/** The categories of a change chart, in drawing order (see pairUp). */
export function changePairs(chart: ChartData): Pair[] {
  const [fromLabel] = periodsOf(chart);
  const pairs: Pair[] = [];
  for (let i = 0; i + 1 < chart.data.length; i += 2) {
    const [a, b] = [chart.data[i], chart.data[i + 1]];
    const [start, end] = a.series === fromLabel ? [a, b] : [b, a];
    pairs.push({ name: String(start.x), start, end, highlight: start.highlight || end.highlight, change: start.y !== null && end.y !== null ? end.y - start.y : null });
  }
  return pairs;
}

/** The two periods' labels, from then to. */
function periodsOf(chart: ChartData): [string, string] {
  const sorted = [...new Map(chart.data.map((d) => [d.period.id, d.period])).values()].sort(comparePeriods);
  return [periodLabel(sorted[0]), periodLabel(sorted.at(-1)!)];
}

const value = (chart: ChartData, d: Datum) => formatShort(d.y!, chart.unit, shownDigits(d), chart.locale);

function valueDomain(chart: ChartData): [number, number] {
  if (chart.domains?.y) return chart.domains.y;
  const values = chart.data.filter((d) => d.y !== null).map((d) => d.y!);
  values.push(...chart.annotations.flatMap((a) => (a.kind === 'reference' ? [a.value] : [])));
  if (chart.zero) values.push(0);
  return [minOf(values), maxOf(values)];
}

/** Where the key of periods sits, px from the top. */
const KEY_Y = { narrow: 14, wide: 34 };
/** Row heights of a narrow dumbbell or arrow chart, px: rows shrink to fit, down to `min`. */
const NARROW_ROW = { min: 20, max: 24 };

/** A row per category, its two values joined by a rule, or by an arrow from the first to the second (`arrows`). */
export function dumbbellOptions(chart: ChartData, size: Size, { arrows = false } = {}): Plot.PlotOptions {
  const narrow = size.width < 480;
  const pairs = changePairs(chart);
  const [fromLabel, toLabel] = periodsOf(chart);
  const arrow = arrows;
  // On a phone names get a wider margin before they wrap: a second line costs height.
  const maxName = Math.round(size.width * (narrow ? 0.42 : 0.3));
  const names = new Map(pairs.map((p) => [p.name, labelLines(p.name, maxName)]));
  const lineCount = Math.max(1, ...[...names.values()].map((l) => l.length));
  const [marginTop, marginBottom] = narrow ? [KEY_Y.narrow + 20, 32] : [KEY_Y.wide + 16, 36];
  // On a phone up to 15 rows share what the pinned drawing shows at full size (PHONE_FIT),
  // each at least as tall as its name's lines, so that nothing is scaled down.
  const fitted = Math.floor((PHONE_FIT - marginTop - marginBottom) / Math.max(1, pairs.length));
  const rowHeight = narrow ? Math.max(NARROW_ROW.min + (lineCount - 1) * 12, Math.min(NARROW_ROW.max, fitted)) : 26 + (lineCount - 1) * 8;
  const frame = {
    width: size.width,
    height: marginTop + marginBottom + pairs.length * rowHeight,
    marginTop,
    marginRight: narrow ? 36 : 48,
    marginLeft: Math.ceil(Math.max(0, ...[...names.values()].map(labelWidth))) + 14,
    marginBottom,
  };
  const end = (p: Pair) => (p.highlight ? ACCENT : PRIMARY);
  const both = pairs.filter((p) => p.change !== null);
  const moved = both.filter((p) => p.change !== 0);
  const marks: Plot.Markish[] = [];
  for (const a of chart.annotations) {
    if (a.kind === 'reference') marks.push(Plot.ruleX([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }), Plot.text([a], { x: 'value', text: 'text', frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: -8, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
  }
  const [lo, hi] = valueDomain(chart);
  if (lo < 0 && hi > 0) marks.push(Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.6 }));
  const y = (p: Pair) => p.name;
  if (arrow) {
    marks.push(Plot.arrow(moved, { x1: (p: Pair) => p.start.y, x2: (p: Pair) => p.end.y, y1: y, y2: y, stroke: end, strokeWidth: 2, headLength: narrow ? 7 : 8, insetEnd: 1 } as Plot.ArrowOptions));
    // No arrow without a change: a category that did not move, or lacks an end, is a dot.
    const still = pairs.filter((p) => p.change === 0 || p.change === null);
    const at = (p: Pair) => (p.end.y ?? p.start.y);
    marks.push(Plot.dot(still, { x: at, y, r: 3.5, fill: (p: Pair) => (p.end.y === null ? MUTED : end(p)) }));
    // A small grey dot marks where each arrow starts, so a change too small to show an arrow still shows.
    marks.unshift(Plot.dot(moved, { x: (p: Pair) => p.start.y, y, r: 2.5, fill: MUTED }));
  } else {
    marks.push(Plot.ruleY(both, { y, x1: (p: Pair) => p.start.y, x2: (p: Pair) => p.end.y, stroke: MUTED, strokeWidth: 2.5 }));
    marks.push(Plot.dot(pairs.filter((p) => p.start.y !== null), { x: (p: Pair) => p.start.y, y, r: narrow ? 4 : 4.5, fill: MUTED }));
    marks.push(Plot.dot(pairs.filter((p) => p.end.y !== null), { x: (p: Pair) => p.end.y, y, r: narrow ? 4 : 4.5, fill: end }));
  }
  // Values at both ends, on the outer side of each, for the categories asked for.
  const shown = chart.spec.values === 'none' ? [] : chart.spec.values === 'all' ? pairs : pairs.filter((p) => p.highlight);
  const outward = (p: Pair, which: 'start' | 'end') => {
    const sign = p.change === null || p.change === 0 ? (which === 'end' ? 1 : -1) : Math.sign(p.change) * (which === 'end' ? 1 : -1);
    return sign;
  };
  // The scale leaves room for the widest value written on each side.
  const room = { [1]: 0, [-1]: 0 } as Record<number, number>;
  for (const which of ['start', 'end'] as const) {
    const labelled = shown.filter((p) => p[which].y !== null && !(which === 'start' && p.change === 0));
    for (const side of [1, -1]) {
      const here = labelled.filter((p) => outward(p, which) === side);
      for (const p of here) room[side] = Math.max(room[side], textWidth(value(chart, p[which]), 10) * (which === 'end' ? 1.12 : 1) + 10);
      if (here.length) marks.push(Plot.text(here, { x: (p: Pair) => p[which].y, y, text: (p: Pair) => value(chart, p[which]), textAnchor: side > 0 ? 'start' : 'end', dx: side * (arrow && which === 'end' ? 5 : 8), fill: 'currentColor', fontWeight: which === 'end' ? 'bold' : undefined, className: 'halo' } as Plot.TextOptions));
    }
  }
  marks.push(periodKey(arrow, fromLabel, toLabel, frame.marginLeft, narrow ? KEY_Y.narrow : KEY_Y.wide));
  return {
    ...frame,
    style: undefined,
    x: { type: 'linear', domain: valueDomain(chart), insetLeft: room[-1], insetRight: Math.max(0, room[1] - frame.marginRight + 8), nice: true, grid: true, label: unitHeading(chart.unit), labelAnchor: 'right', ticks: Math.max(2, Math.min(6, Math.floor((frame.width - frame.marginLeft - frame.marginRight) / 50))), tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale) },
    y: { type: 'point', domain: pairs.map((p) => p.name), padding: 0.6, label: null, tickSize: 0, tickFormat: (name: string) => (names.get(name) ?? [name]).join('\n') },
    marks,
  } as Plot.PlotOptions;
}

/** Above the plot: which end is which period. */
function periodKey(arrow: boolean, fromLabel: string, toLabel: string, left: number, y: number): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const text = (x: number, words: string) => {
      const t = doc.createElementNS(ns, 'text');
      t.setAttribute('x', String(x));
      t.setAttribute('y', String(y + 3.5));
      t.setAttribute('text-anchor', 'start');
      t.textContent = words;
      g.append(t);
    };
    if (arrow) {
      text(left, `${fromLabel} → ${toLabel}`);
      return g as SVGElement;
    }
    let x = left;
    for (const [label, fill] of [[fromLabel, MUTED], [toLabel, PRIMARY]]) {
      const dot = doc.createElementNS(ns, 'circle');
      dot.setAttribute('cx', String(x + 4.5));
      dot.setAttribute('cy', String(y));
      dot.setAttribute('r', '4.5');
      dot.setAttribute('fill', fill);
      g.append(dot);
      text(x + 13, label);
      x += 13 + textWidth(label, 10) + 16;
    }
    return g as SVGElement;
  };
}

/** A slope label laid out at one end: its category, lines and pixel box. */
export interface SlopeLabel extends EndLabel {
  side: 'start' | 'end';
  datum: Datum;
  muted: boolean;
}

/** Frame and labels of a slope chart at `size`: labels never overlap on either side (layoutEndLabels). */
export function slopeLayout(chart: ChartData, size: Size) {
  const narrow = size.width < 480;
  const pairs = changePairs(chart);
  const { colour, context } = categoryColours(chart);
  const maxLabel = Math.round(size.width * (narrow ? 0.36 : 0.28));
  // On a phone the left end gives values only: the names are on the right.
  const text = (p: Pair, which: 'start' | 'end') =>
    which === 'end' ? `${value(chart, p.end)} ${p.name}` : narrow ? value(chart, p.start) : `${p.name} ${value(chart, p.start)}`;
  const sides = (['start', 'end'] as const).map((which) => pairs.filter((p) => p[which].y !== null).map((p) => ({ series: p.name, lines: labelLines(text(p, which), maxLabel), pair: p })));
  // Bold labels (coloured lines) run about a tenth wider than the measured regular type.
  const widths = sides.map((labels) => Math.ceil(Math.max(0, ...labels.map((l) => labelWidth(l.lines) * (context.has(l.pair.name) ? 1 : 1.12)))) + 14);
  const marginTop = 34;
  const marginBottom = 12;
  const height = Math.max(size.height, marginTop + marginBottom + 8 + maxOf(sides.map((labels) => stackHeight(labels))));
  const domain = valueDomain(chart);
  const [lo, hi] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  const py = (v: number) => marginTop + ((hi - v) / (hi - lo)) * (height - marginTop - marginBottom);
  const labels: SlopeLabel[] = [];
  sides.forEach((side, i) => {
    const which = i === 0 ? 'start' : 'end';
    const placed = layoutEndLabels(side.map((l) => ({ series: l.series, lines: l.lines, want: py(l.pair[which].y!) })), marginTop - 6, height - marginBottom + 6);
    for (const label of placed) {
      const pair = side.find((l) => l.series === label.series)!.pair;
      labels.push({ ...label, side: which, datum: pair[which], muted: context.has(pair.name) });
    }
  });
  const frame = { width: size.width, height, marginTop, marginBottom, marginLeft: widths[0], marginRight: widths[1] };
  return { frame, labels, pairs, colour, context, domain: [lo, hi] as [number, number], py };
}

export function slopeOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const { frame, labels, pairs, colour, context, domain } = slopeLayout(chart, size);
  const [fromLabel, toLabel] = periodsOf(chart);
  const stroke = (d: Datum) => colour.get(String(d.x))!;
  const drawn = chart.data.filter((d) => d.y !== null);
  const lines = pairs.filter((p) => p.change !== null).flatMap((p) => [p.start, p.end]);
  const behind = lines.filter((d) => context.has(String(d.x)));
  const front = lines.filter((d) => !context.has(String(d.x)));
  const marks: Plot.Markish[] = [];
  for (const a of chart.annotations) {
    if (a.kind === 'reference') marks.push(Plot.ruleY([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }), Plot.text([a], { y: 'value', text: 'text', frameAnchor: 'left', textAnchor: 'start', dy: -7, fill: 'currentColor', className: 'halo' } as Plot.TextOptions));
  }
  marks.push(Plot.ruleX([fromLabel, toLabel], { stroke: 'currentColor', strokeOpacity: 0.25 }));
  if (behind.length) marks.push(Plot.line(behind, { x: 'series', y: 'y', z: 'x', stroke, strokeWidth: 1.5 }));
  if (front.length) marks.push(Plot.line(front, { x: 'series', y: 'y', z: 'x', stroke, strokeWidth: 2.5 }));
  marks.push(Plot.dot(drawn, { x: 'series', y: 'y', r: 3, fill: stroke }));
  for (const label of labels) {
    const d = label.datum;
    const dx = label.side === 'end' ? 8 : -8;
    marks.push(
      Plot.text([d], { x: 'series', y: 'y', text: () => label.lines.join('\n'), textAnchor: label.side === 'end' ? 'start' : 'end', lineAnchor: 'middle', lineHeight: 1.2, dx, dy: label.y - label.want, fill: 'currentColor', fillOpacity: label.muted ? 0.8 : undefined, fontWeight: label.muted ? undefined : 'bold', className: 'halo' } as Plot.TextOptions),
    );
  }
  // Slope dots have a radius of 3: leaders start just outside them.
  marks.push(...leaderLines(labels.map((l) => ({ x: l.datum.series, y: l.datum.y, shift: l.y - l.want, side: l.side === 'end' ? 1 : -1 })), 3));
  return {
    ...frame,
    style: undefined,
    x: { type: 'point', domain: [fromLabel, toLabel], axis: 'top', label: null, tickSize: 0, padding: 0 },
    y: { type: 'linear', domain, axis: null },
    marks,
  } as Plot.PlotOptions;
}

/** Colour and grey by category, by the rule of seriesColours.ts (a category is a series here). */
export function categoryColours(chart: ChartData) {
  const data = chart.data.map((d) => ({ ...d, series: String(d.x) }));
  return seriesColours({ ...chart, data, highlightsSeries: data.some((d) => d.highlight) });
}

/**
 * The change in words: both periods; how many categories rose and fell;
 * the biggest rise and fall (every change when there are few); the
 * highlighted ones; and which categories lack an end, so have no change.
 */
export function describeChange(chart: ChartData): string[] {
  const pairs = changePairs(chart);
  const [fromLabel, toLabel] = periodsOf(chart);
  const fv = (v: number, d: Datum) => formatValue(v, chart.unit, undefined, shownDigits(d), chart.locale);
  const noun = chart.x;
  const sentences = [`${chart.kind.name} of ${lower(chart.measures[0].label)} (${unitHeading(chart.unit)}), ${pairs.length} ${plural(noun, pairs.length)}, ${fromLabel} compared with ${toLabel}.`];
  const changed = pairs.filter((p) => p.change !== null);
  const told = (p: Pair) => `${p.name} ${p.change! > 0 ? 'rose' : p.change! < 0 ? 'fell' : 'stayed'} ${p.change === 0 ? `at ${fv(p.end.y!, p.end)}` : `from ${fv(p.start.y!, p.start)} to ${fv(p.end.y!, p.end)}`}`;
  const smallest = (p: Pair) => `${p.name} ${p.change! > 0 ? 'rose' : 'fell'} least, from ${fv(p.start.y!, p.start)} to ${fv(p.end.y!, p.end)}`;
  const byChange = [...changed].sort((a, b) => b.change! - a.change!);
  const rise = byChange[0]?.change! > 0 ? byChange[0] : undefined;
  const fall = byChange.at(-1)?.change! < 0 ? byChange.at(-1) : undefined;
  if (changed.length > 0 && changed.length <= 5) {
    const parts = byChange.map((p) => `${told(p)}${p === rise && changed.length > 1 ? ', the biggest rise' : p === fall && changed.length > 1 ? ', the biggest fall' : ''}`);
    sentences.push(`Between ${fromLabel} and ${toLabel}, ${parts.join('; ')}.`);
  } else if (changed.length > 5) {
    const up = changed.filter((p) => p.change! > 0).length;
    const down = changed.filter((p) => p.change! < 0).length;
    const extremes = [rise && `${told(rise)}, the biggest rise`, fall && `${told(fall)}, the biggest fall`].filter(Boolean);
    sentences.push(`Between ${fromLabel} and ${toLabel}, ${extremes.length ? `${extremes.join('; ')}` : `no ${noun} changed`}.`);
    const same = changed.length - up - down;
    sentences.push(up === changed.length ? `All ${up} rose; ${smallest(byChange.at(-1)!)}.` : down === changed.length ? `All ${down} fell; ${smallest(byChange[0])}.` : `${up} of ${changed.length} ${plural(noun, changed.length)} rose, ${down} fell${same ? `, ${same} did not change` : ''}.`);
    const least = up === changed.length ? byChange.at(-1) : down === changed.length ? byChange[0] : undefined;
    const named = changed.filter((p) => p.highlight && p !== rise && p !== fall && p !== least).slice(0, 6);
    if (named.length) sentences.push(`Highlighted: ${named.map(told).join('; ')}.`);
  }
  for (const p of pairs.filter((q) => q.change === null)) {
    const has = p.start.y !== null ? p.start : p.end.y !== null ? p.end : undefined;
    const lacks = [p.start, p.end].filter((d) => d.y === null).map((d) => d.series);
    sentences.push(`${p.name} has no figure for ${lacks.join(' or ')}${has ? ` (${fv(has.y!, has)} in ${has.series})` : ''}, so its change is not shown.`);
  }
  return sentences;
}

function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function plural(word: string, n: number): string {
  if (n === 1) return word;
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}
