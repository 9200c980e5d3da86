import * as Plot from '@observablehq/plot';
import { formatTick, unitHeading } from '../format.ts';
import { monthName } from '../period.ts';
import type { ChartData, Datum } from './model.ts';
import { LEFT_MARGIN, logAxes, niceDomain, logAxis, monthsSpanned, type Projector, type Size } from './frame.ts';
import { ACCENT, PRIMARY } from './palette.ts';
import { seriesColours } from './seriesColours.ts';
import { labelLines, labelWidth, layoutEndLabels, leaderLines, stackHeight, type EndLabel } from './lineLabels.ts';
import { plotArea, textWidth, type Box, type Placement } from './notePlacement.ts';
import { noteMarks, placeNote, type NoteAnchor } from './noteMarks.ts';
import { monthTicks } from './timeTicks.ts';
import { deskMarks, type MarkFrame as Frame } from './annotationMarks.ts';
import { placeValueLabels, valueMarks, type PlacedValue } from './valueLabels.ts';
import { keyedBy } from './markKeys.ts';
import { groupKey, groupShift, isGrouped, isStacked, stackOptions } from './stack.ts';
import { barCentre } from './bars.ts';
import type { KindMarks } from './markContext.ts';
import { facetOptions } from './facets.ts';
import { maxOf, minOf } from '../extent.ts';
import { fittedTicks } from './valueTicks.ts';

/**
 * Plot options for the kinds drawn on a value axis against time, months or
 * categories (line, area, bar, barX, dot). Pure: no DOM, no I/O. Series
 * are labelled directly at their last point (no legend: Plot wraps a
 * legend in a <figure>, and labels read better on a phone). Small
 * multiples (facets.ts) and stacks (stack.ts) are drawn by their layouts.
 * The kind gives its own marks (`kindMarks`) and traits (`chart.kind`).
 */
export function cartesianOptions(chart: ChartData, size: Size, kindMarks: KindMarks): Plot.PlotOptions {
  if (chart.spec.facet !== undefined) return facetOptions(chart, size);
  if (isStacked(chart)) return stackOptions(chart, size);
  const layout = layoutOf(chart, size);
  const { narrow, horizontal, drawn, frame, desk, key, values, ends, shift } = layout;
  const { colour: colours, context } = seriesColours(chart);
  const colour = (d: Datum) => (chart.series ? colours.get(d.series)! : d.highlight ? ACCENT : PRIMARY);
  // A line keeps one colour along its length; its highlighted points get their own dot.
  const lineColour = (d: Datum) => (chart.series ? colours.get(d.series)! : PRIMARY);
  const marks: Plot.Markish[] = [];
  // A log axis (log: y, checked to hold values above zero) has no zero to draw.
  if (!layout.log && (chart.zero || drawn.some((d) => d.y! < 0))) marks.push(horizontal ? Plot.ruleX([0]) : Plot.ruleY([0]));
  const xValue = (d: Datum) => d.x;
  marks.push(...kindMarks({ chart, drawn, colour, lineColour, context, narrow, plotWidth: size.width - LEFT_MARGIN - layout.rightMargin, xValue }));
  if (!chart.kind.bars) {
    // Highlighted points get a dot.
    const highlighted = drawn.filter((d) => d.highlight && !chart.highlightsSeries);
    marks.push(Plot.dot(highlighted, { x: xValue, y: 'y', fill: colour, r: 4.5}));
  }
  if (chart.series && !horizontal && !ends && !key) {
    // Each series named at its last point: one label per series, which moves with it from state to state.
    marks.push(
      keyedBy(
        Plot.text(
          drawn,
          Plot.selectLast({ x: xValue, y: 'y', z: 'series', text: 'series', textAnchor: 'start', dx: 8, fill: 'currentColor', fontWeight: 'bold' } as Plot.TextOptions),
        ),
        seriesName,
      ),
    );
  }
  if (key?.mark) marks.push(key.mark);
  marks.unshift(...desk.under);
  marks.push(...desk.over);
  marks.push(...valueMarks(chart, values, { centre: barCentre(chart), shift }));
  if (ends) marks.push(...endLabelMarks(ends, context));
  marks.push(...annotationMarks(chart, layout, sharedNotes(chart, size, layout)));

  return {
    ...frame,
    style: undefined,
    x: withDomain({ ...xScale(chart, narrow), ...(horizontal ? valueAxisTicks(chart, frame.width - frame.marginLeft - frame.marginRight, chart.zero, narrow ? 4 : 6) : {}), ...(layout.extraLines ? { tickFormat: (c: string) => layout.tickLines!.get(c)?.join('\n') ?? c } : {}) }, horizontal ? chart.domains?.y : chart.domains?.x),
    y:
      horizontal
        ? { label: null, domain: chart.order?.filter((label) => drawn.some((d) => d.label === label)) ?? [...drawn].sort((a, b) => b.y! - a.y!).map((d) => d.label) }
        : layout.log ? logScale(chart, narrow) : withDomain({ label: unitHeading(chart.unit), grid: true, nice: true, zero: chart.zero || undefined, tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale), ticks: narrow ? 5 : 7 }, chart.domains?.y),
    marks,
  } as Plot.PlotOptions;
}

/** The key of a series' name wherever it stands: the same label in every state of a chart. */
const seriesName = (d: unknown) => `name:${(d as Datum).series}`;

/** Where a chart's frame, marks and labels go at a size, before its marks are made: what its notes keep clear of. */
interface Layout {
  narrow: boolean;
  horizontal: boolean;
  log: boolean;
  drawn: Datum[];
  rightMargin: number;
  frame: Frame;
  tickLines?: Map<string, string[]>;
  extraLines: number;
  key?: ReturnType<typeof groupKey>;
  desk: ReturnType<typeof deskMarks>;
  project: Projector;
  shift?: (d: Datum) => number;
  ends?: EndLabels;
  /** The boxes of the marks, which labels keep off where they can. */
  markBoxes: Box[];
  /** The text placed before the notes: labels above the plot, series names, values. */
  labels: Box[];
  values: PlacedValue[];
}

function layoutOf(chart: ChartData, size: Size): Layout {
  const narrow = size.width < 480;
  const horizontal = chart.kind.bars === 'horizontal';
  const drawn = chart.data.filter((d) => d.y !== null);
  // Series are named at their ends: the margin is as wide as the widest name, up to a share of the chart.
  const endLabelled = chart.series !== undefined && chart.kind.endLabels === true;
  const seriesNames = [...new Set(drawn.map((d) => d.series))];
  const maxLabel = Math.round(size.width * (narrow ? 0.3 : 0.25));
  const endLines = new Map(seriesNames.map((name) => [name, labelLines(name, maxLabel)]));
  const widest = Math.max(0, ...[...endLines.values()].map(labelWidth));
  const rightMargin = endLabelled ? Math.ceil(widest) + 14 : chart.series && !horizontal && !isGrouped(chart) ? Math.min(narrow ? 90 : 130, 14 + Math.max(0, ...seriesNames.map((s) => s.length)) * 6.5) : 24;
  // Grouped bars are told apart by a key above the plot instead.
  const key = isGrouped(chart) ? groupKey(chart, size.width, LEFT_MARGIN) : undefined;
  const longestLabel = drawn.reduce((n, d) => Math.max(n, d.label.length), 0);
  const frame = {
    width: size.width,
    height: horizontal ? Math.max(size.height * 0.6, 40 + drawn.length * (narrow ? 30 : 34)) : endLabelled ? Math.max(size.height, 28 + 32 + stackHeight([...endLines.values()].map((lines) => ({ lines })))) : size.height,
    marginTop: 28,
    marginRight: horizontal ? 48 : rightMargin,
    marginLeft: horizontal ? Math.min(150, 12 + longestLabel * 6.5) : LEFT_MARGIN,
    marginBottom: 32,
  };
  // Category names under vertical bars wrap to their band's width, so that
  // on a phone neighbours never run into each other.
  const tickLines = chart.xKind === 'category' && !horizontal ? categoryTickLines(drawn, frame.width - frame.marginLeft - frame.marginRight) : undefined;
  const extraLines = tickLines ? Math.max(1, ...[...tickLines.values()].map((l) => l.length)) - 1 : 0;
  frame.marginBottom += extraLines * 12;
  frame.height += extraLines * 12;
  if (key?.mark) {
    frame.marginTop += key.rows * 14 + 4;
    frame.height += key.rows * 14 + 4;
  }
  const first = projector(chart, frame, chart.zero);
  const desk = deskMarks(chart, frame, first.x, first.y, horizontal);
  frame.marginTop += desk.extraTop;
  frame.height += desk.extraTop;
  const project = projector(chart, frame, chart.zero);
  // Labels are placed in order of what they name, each clear of those before it:
  // series at their ends, values beside marks (highlighted ones by default, see valueLabels.ts), then notes.
  const grouped = isGrouped(chart) && (chart.xKind === 'category' || chart.xKind === 'month');
  const shift = grouped ? groupShift(chart, frame.width - frame.marginLeft - frame.marginRight) : undefined;
  const ends = endLabelled ? endLabelLayout(chart, frame, project, endLines) : undefined;
  const labels: Box[] = [...desk.labels.map((b) => ({ ...b, y: b.y + frame.marginTop })), ...(ends?.boxes ?? [])];
  const markBoxes = obstaclesOf(chart, project, shift);
  const values = horizontal ? [] : placeValueLabels(chart, project, { centre: barCentre(chart), shift, avoid: labels, marks: markBoxes, halfWidth: halfWidthOf(chart, frame), frame });
  return { narrow, horizontal, log: logAxes(chart.spec).has('y'), drawn, rightMargin, frame, tickLines, extraLines, key, desk, project, shift, ends, markBoxes, labels: [...labels, ...values.map((v) => v.box)], values };
}

/** Each category's name in lines that fit its band (the plot's width shared out, less the band's padding). */
function categoryTickLines(drawn: readonly Datum[], plotWidth: number): Map<string, string[]> {
  const names = [...new Set(drawn.map((d) => String(d.x)))];
  const band = (plotWidth / Math.max(1, names.length)) * 0.9;
  const lines = new Map(names.map((name) => [name, labelLines(name, band)]));
  // A word wider than its band cannot wrap: every other name drops a row, so neighbours never touch.
  if (!names.some((name) => labelWidth(name.split(/\s+/)) > band)) return lines;
  const rows = maxOf([...lines.values()].map((l) => l.length));
  return new Map([...lines].map(([name, l], i) => [name, i % 2 ? [...Array<string>(rows).fill(''), ...l] : l]));
}

/**
 * A log value axis over the chart's values (or the extent its states
 * share), ticked at 1, 2 and 5 times powers of ten as room allows and
 * printed in the unit's own way; its heading says the scale, since equal
 * steps up it are equal ratios.
 */
function logScale(chart: ChartData, narrow: boolean): Plot.ScaleOptions {
  const { domain, ticks } = logExtent(chart, narrow);
  return { type: 'log', label: `${unitHeading(chart.unit)}, log scale`, grid: true, domain, ticks, tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale) };
}

/** The log axis of a chart at a width: the same for its drawing and for what places notes on it. */
function logExtent(chart: ChartData, narrow: boolean): { domain: [number, number]; ticks: number[] } {
  const ys = chart.domains?.y?.map(Number) ?? [
    ...chart.data.flatMap((d) => (d.y !== null && d.y > 0 ? [d.y] : [])),
    ...chart.annotations.flatMap((a) => (a.kind === 'reference' && a.value > 0 ? [a.value] : [])),
  ];
  return logAxis(minOf(ys), maxOf(ys), narrow ? 4 : 6);
}

/** A scale held to the domain shared by a chart's states, when it has one. */
function withDomain(scale: Plot.ScaleOptions, domain: readonly (number | Date)[] | undefined): Plot.ScaleOptions {
  return domain ? { ...scale, domain: [...domain] } : scale;
}

/**
 * The value axis of horizontal bars, with as many ticks as fit side by side
 * (long labels such as "10,000,000" get fewer): over the shared domain of
 * the chart's states, else the nice domain of its values.
 */
function valueAxisTicks(chart: ChartData, width: number, zero: boolean, most: number): Plot.ScaleOptions {
  const ys = chart.data.flatMap((d) => (d.y === null ? [] : [d.y]));
  if (ys.length === 0) return {};
  const shared = chart.domains?.y;
  const [low, high] = shared ? [Number(shared[0]), Number(shared[1])] : niceDomain(minOf(zero ? [...ys, 0] : ys), maxOf(zero ? [...ys, 0] : ys));
  if (!(high > low)) return {};
  return { domain: [low, high], nice: false, ticks: fittedTicks(low, high, width, (v) => formatTick(v, chart.unit, chart.locale), most) };
}

function xScale(chart: ChartData, narrow: boolean): Plot.ScaleOptions {
  if (chart.kind.bars === 'horizontal') {
    return { label: unitHeading(chart.unit), grid: true, nice: true, tickFormat: (v: number) => formatTick(v, chart.unit, chart.locale), ticks: narrow ? 4 : 6 };
  }
  switch (chart.xKind) {
    case 'time': {
      // Monthly data never gets day or week ticks: a short span is labelled
      // period by period, under each bar or point ("Oct 2025", "Nov 2025").
      const target = narrow ? 4 : 8;
      const labels = new Map(chart.data.map((d) => [(d.x as Date).getTime(), d.label]));
      // Decades are each labelled under their bar or point ("1920s"): every other one when they are many.
      if (chart.table.grain === 'decade') {
        const times = [...labels.keys()].sort((a, b) => a - b);
        const step = Math.ceil(times.length / target);
        return { type: 'utc', label: null, ticks: times.filter((_, i) => i % step === 0).map((t) => new Date(t)), tickFormat: (t: Date) => labels.get(t.getTime()) ?? '' };
      }
      // Years, quarters and days are labelled one by one only when they are few.
      const many = chart.table.grain === 'month' || chart.table.grain === undefined ? monthsSpanned(chart.data) > target : labels.size > target;
      if (many) {
        const months = chart.table.grain === 'month' || chart.table.grain === undefined ? monthTicks(chart.data, target) : undefined;
        return months ? { type: 'utc', label: null, ticks: months.ticks, tickFormat: months.format } : { type: 'utc', label: null, ticks: target };
      }
      return { type: 'utc', label: null, ticks: [...labels.keys()].sort((a, b) => a - b).map((t) => new Date(t)), tickFormat: (t: Date) => labels.get(t.getTime()) ?? '' };
    }
    case 'month':
      return { type: 'linear', label: null, domain: [1, 12], ticks: narrow ? [1, 4, 7, 10, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], tickFormat: (m: number) => monthName(m) };
    case 'category':
      return { type: 'band', label: null, padding: 0.25, ...(chart.order ? { domain: chart.order } : {}) };
    case 'number': {
      // A number column along x is named by its label and unit.
      const measure = chart.table.measures.get(chart.x);
      const unit = measure?.unit;
      const label = measure ? `${measure.label}${unit ? ` (${unitHeading(unit)})` : ''}` : chart.x;
      return { type: 'linear', label, grid: true, nice: true, ticks: narrow ? 4 : 6, ...(unit ? { tickFormat: (v: number) => formatTick(v, unit, chart.locale) } : {}) };
    }
  }
}

/** A chart's notes at a size: the text, what it points at in data and in pixels, and the plot it stays in. */
function noteAnchors(chart: ChartData, layout: Layout): NoteAnchor[] {
  const shift = layout.shift ?? (() => 0);
  // Bars of several series over time share their period side by side: a note points at its own.
  const centre = chart.series ? barCentre(chart) : undefined;
  const anchor = (d: Datum) => (centre ? { ...d, x: centre(d) } : d);
  const area = plotArea(layout.frame);
  return chart.annotations.flatMap((a) => (a.kind === 'note' ? [{ text: a.text, x: anchor(a.datum).x, y: a.datum.y!, at: layout.project(anchor(a.datum)), dx: shift(a.datum), area }] : []));
}

/**
 * Each note goes where it covers the fewest points and labels (noteMarks.ts);
 * `places`: where each is put already (the same in every state of the chart).
 */
function annotationMarks(chart: ChartData, layout: Layout, places?: (Placement | undefined)[]): Plot.Markish[] {
  const anchors = noteAnchors(chart, layout);
  if (anchors.length === 0) return [];
  if (layout.horizontal) {
    return [Plot.text(chart.annotations.flatMap((a) => (a.kind === 'note' ? [{ ...a.datum, note: a.text }] : [])), { y: 'label', x: 'y', text: 'note', textAnchor: 'start', dx: 44, fontStyle: 'italic', fill: 'currentColor', className: 'halo' } as Plot.TextOptions)];
  }
  return noteMarks(anchors.map((a, i) => ({ ...a, place: places?.[i] })), layout.markBoxes, layout.narrow, false, [...layout.labels]);
}

/**
 * Where the notes of a chart with states go, chosen once for all its
 * states, so that a note kept from one state to the next keeps its place:
 * each note, in the order the states bring them, clear of the marks and
 * labels of every state that shows it and of the notes placed before it
 * there. Undefined for a chart without states on shared scales, or whose
 * states are not all drawn on one value axis here.
 */
function sharedNotes(chart: ChartData, size: Size, own: Layout): Placement[] | undefined {
  const states = chart.sharedWith;
  if (!states || own.horizontal || !states.every((c) => c.kind.morphs === true && c.spec.facet === undefined && !isStacked(c) && c.kind.bars !== 'horizontal')) return undefined;
  const layouts = states.map((c) => (c === chart ? own : layoutOf(c, size)));
  // Every state's boxes in this state's frame (states differ at most in their margins).
  const moved = (boxes: readonly Box[], from: Frame) => boxes.map((b) => ({ ...b, x: b.x + own.frame.marginLeft - from.marginLeft, y: b.y + own.frame.marginTop - from.marginTop }));
  const anchors = states.map((c, s) => noteAnchors(c, layouts[s]));
  const id = (a: NoteAnchor) => `${a.text}|${String(a.x instanceof Date ? a.x.getTime() : a.x)}|${a.y}`;
  const notes = [...new Set(anchors.flatMap((list) => list.map(id)))];
  const placedIn = states.map((): Box[] => []);
  const places = new Map<string, Placement>();
  const mine = anchors[states.indexOf(chart)];
  for (const note of notes) {
    const shown = states.flatMap((_, s) => (anchors[s].some((a) => id(a) === note) ? [s] : []));
    const anchor = (mine.find((a) => id(a) === note) ?? anchors[shown[0]].find((a) => id(a) === note))!;
    const obstacles = shown.flatMap((s) => moved(layouts[s].markBoxes, layouts[s].frame));
    const labels = shown.flatMap((s) => [...moved(layouts[s].labels, layouts[s].frame), ...placedIn[s]]);
    const { place, box } = placeNote(anchor, obstacles, own.narrow, false, labels);
    places.set(note, place);
    for (const s of shown) placedIn[s].push(box);
  }
  return mine.map((a) => places.get(id(a))!);
}

function projector(chart: ChartData, frame: Frame, zero: boolean): Projector {
  const drawn = chart.data.filter((d) => d.y !== null);
  // Reference lines are part of the value axis, as Plot draws it; the states of one chart share their scales' domains.
  const ys = chart.domains?.y ? [...chart.domains.y] : [...drawn.map((d) => d.y!), ...chart.annotations.flatMap((a) => (a.kind === 'reference' ? [a.value] : []))];
  const log = logAxes(chart.spec).has('y');
  const scale = log ? Math.log10 : (v: number) => v;
  const [low, high] = (log ? logExtent(chart, frame.width < 480).domain : niceDomain(minOf(zero ? [...ys, 0] : ys), maxOf(zero ? [...ys, 0] : ys))).map(scale);
  const left = frame.marginLeft;
  const right = frame.width - frame.marginRight;
  const top = frame.marginTop;
  const bottom = frame.height - frame.marginBottom;
  const categories = [...new Set(chart.data.map((d) => String(d.x)))];
  // Bars stretch the time axis from the first bar's start to the last bar's end, as Plot does.
  // A number column as x (xKind number) runs along the axis as the times do.
  const position = (x: Datum['x']) => (x instanceof Date ? x.getTime() : Number(x));
  const times = chart.domains?.x ? chart.domains.x.map((t) => t.getTime()) : chart.data.flatMap((d) => (d.x1 && d.x2 ? [d.x1.getTime(), d.x2.getTime()] : d.x instanceof Date || typeof d.x === 'number' ? [position(d.x)] : [0]));
  const [t0, t1] = [minOf(times), maxOf(times)];
  const along = (d: Datum): number => {
    if (chart.xKind === 'month') return ((Number(d.x) - 1) / 11) * (right - left) + left;
    if (chart.xKind === 'category') return left + ((categories.indexOf(String(d.x)) + 0.5) / categories.length) * (right - left);
    return left + ((position(d.x) - t0) / Math.max(Number.EPSILON, t1 - t0)) * (right - left);
  };
  const yPixel = (y: number) => bottom - ((scale(y) - low) / Math.max(1e-9, high - low)) * (bottom - top);
  const project = ((d: Datum) => ({ x: along(d), y: yPixel(d.y!) })) as Projector;
  if (chart.kind.bars === 'horizontal') {
    // Values run along x.
    project.x = (v) => left + ((Number(v) - low) / Math.max(1e-9, high - low)) * (right - left);
  } else project.x = (x) => along({ ...drawn[0], x } as Datum);
  project.y = yPixel;
  return project;
}

/** What a label must not cover: points and bars, and series named at their last point but not at the end of the plot (grouped bars name theirs in a key). */
function obstaclesOf(chart: ChartData, project: Projector, shift: (d: Datum) => number = () => 0): Box[] {
  const drawn = chart.data.filter((d) => d.y !== null);
  const boxes: Box[] = [];
  const zeroY = project({ ...drawn[0], y: 0 }).y;
  for (const d of drawn) {
    const p = project(d);
    p.x += shift(d);
    if (chart.kind.bars === 'vertical') {
      // A bar over time covers its whole span (two months for January–February).
      const [x1, x2] = d.x1 && d.x2 ? [project({ ...d, x: d.x1 }).x, project({ ...d, x: d.x2 }).x] : [p.x - 6, p.x + 6];
      boxes.push({ x: x1, y: Math.min(p.y, zeroY), width: x2 - x1, height: Math.abs(zeroY - p.y) });
    }
    else boxes.push({ x: p.x - 6, y: p.y - 6, width: 12, height: 12 });
  }
  if (chart.series && chart.kind.endLabels !== true && !isGrouped(chart)) {
    for (const name of new Set(drawn.map((d) => d.series))) {
      const last = drawn.filter((d) => d.series === name).at(-1)!;
      const p = project(last);
      boxes.push({ x: p.x + 6, y: p.y - 7, width: textWidth(name), height: 14 });
    }
  }
  return boxes;
}


/** Half the width of a chart's marks in pixels: a bar's, shared by its series over time, or a dot's. */
function halfWidthOf(chart: ChartData, frame: Frame): (d: Datum) => number {
  if (chart.kind.bars !== 'vertical') return () => 5;
  const slots = new Set(chart.data.map((d) => String(d.x instanceof Date ? d.x.getTime() : d.x))).size;
  const series = new Set(chart.data.map((d) => d.series)).size;
  const band = (frame.width - frame.marginLeft - frame.marginRight) / Math.max(1, slots);
  return () => (chart.xKind === 'time' ? band / 2 / series : (band * 0.75) / 2);
}

interface EndLabels {
  placed: EndLabel[];
  ends: Map<string, Datum>;
  /** Each label's box, in pixels. */
  boxes: Box[];
}

/** Each series' name at its last drawn point, dodged so that none overlaps (see lineLabels.ts). */
function endLabelLayout(chart: ChartData, frame: Frame, project: Projector, lines: Map<string, string[]>): EndLabels {
  const ends = new Map<string, Datum>();
  for (const d of chart.data) if (d.y !== null) ends.set(d.series, d);
  const wanted = [...ends].map(([series, d]) => ({ series, lines: lines.get(series)!, want: project(d).y }));
  // A label may rise a little into the top margin, whose axis title stands at the left.
  const placed = layoutEndLabels(wanted, frame.marginTop - 8, frame.height - frame.marginBottom);
  const boxes = placed.map((label) => ({ x: project(ends.get(label.series)!).x + 9, y: label.y - label.height / 2, width: label.width, height: label.height }));
  return { placed, ends, boxes };
}

function endLabelMarks({ placed, ends }: EndLabels, context: Set<string>): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const label of placed) {
    const d = ends.get(label.series)!;
    const shift = label.y - label.want;
    const muted = context.has(label.series);
    marks.push(
      keyedBy(Plot.text([d], {
        x: 'x',
        y: 'y',
        text: () => label.lines.join('\n'),
        textAnchor: 'start',
        lineAnchor: 'middle',
        lineHeight: 1.2,
        dx: 9,
        dy: shift,
        fill: 'currentColor',
        fillOpacity: muted ? 0.8 : undefined,
        fontWeight: muted ? undefined : 'bold',
        className: 'halo',
      } as Plot.TextOptions), seriesName),
    );
  }
  marks.push(...leaderLines(placed.map((label) => ({ x: ends.get(label.series)!.x, y: ends.get(label.series)!.y, shift: label.y - label.want, side: 1 }))));
  return marks;
}
