/**
 * Values written beside marks: `values: highlighted` (the default) writes
 * each highlighted bar's or point's value in bold; `values: all` writes
 * every one that has room, highlighted first, then left to right, leaving
 * out a label that would touch one already placed; `values: none` writes none.
 * A value sits above its mark (below a bar that goes down). A highlighted
 * one that would touch another label there (a series' name at its end, a
 * label above the plot) or lie on a neighbouring mark moves beside its
 * mark, to the first side clear of labels and marks, or else rises
 * straight above its mark until it is clear, with a thin leader down to
 * it; every one is kept inside the drawing.
 * Stacks pass their totals, at the top of each stack; small multiples
 * pass each datum's panel; grouped bars how far each bar sits off its
 * category's centre.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './model.ts';
import type { Box } from './notePlacement.ts';
import { highlightLabel } from './frame.ts';
import { textWidth } from '../share/textWidth.ts';

interface Projected {
  (d: Datum): { x: number; y: number };
  x: (x: Date | number) => number;
}

export interface ValueLabelOptions {
  /** The marks to label (default: the chart's data); a datum's `y` is where its label sits. */
  data?: readonly Datum[];
  /** The x a label is drawn at, when not the datum's own (bars of several series over time). */
  centre?: (d: Datum) => Date;
  /** What a label says (default: the datum's value). */
  text?: (d: Datum) => string;
  /** Pixels a datum's mark sits right of its x (a grouped bar in its category). */
  shift?: (d: Datum) => number;
  /** The panel a datum is drawn in (small multiples): column and row. */
  facet?: (d: Datum) => { fx: number; fy: number };
  /** Boxes (pixels) of other labels: a value keeps off them, a highlighted one by moving beside its mark. */
  avoid?: readonly Box[];
  /** Boxes (pixels) of the drawn marks, which a value moved beside its mark keeps off. */
  marks?: readonly Box[];
  /** Half a mark's width in pixels (a bar's), so that a value beside it clears it (default: a dot's). */
  halfWidth?: (d: Datum) => number;
  /** The drawing's size in pixels: every value is kept inside it. */
  frame?: { width: number; height: number };
  /** Pixels a datum's mark reaches above its value (a highlighted bar's dot), which its label clears. */
  cap?: (d: Datum) => number;
}

/** A value label laid out: where its text is anchored off its mark, and the box it takes. */
export interface PlacedValue {
  d: Datum;
  dx: number;
  dy: number;
  textAnchor: 'start' | 'middle' | 'end';
  box: Box;
  /** Whether it was moved beside its mark, off its place above (or below) it. */
  moved: boolean;
  /** Pixels it was raised above its place to clear the marks (0: at its place); past a few, a leader ties it to its mark. */
  raised: number;
}

/** Chart text as set (chart.css: 11 px), with a tenth to spare for a reader's bold system font. */
const SIZE = 11;
const SLACK = 1.1;
const HEIGHT = 14;
/** Pixels a value may rise above its place without a leader. */
const LEADER_FROM = 6;

function touches(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Where each chosen value's label goes (in the order they are chosen), and its box in pixels. */
export function placeValueLabels(chart: ChartData, project: Projected, options: ValueLabelOptions = {}): PlacedValue[] {
  const which = chart.spec.values ?? 'highlighted';
  if (which === 'none') return [];
  const { centre, frame } = options;
  const text = options.text ?? ((d: Datum) => highlightLabel(d, chart));
  const shift = options.shift ?? (() => 0);
  const half = options.halfWidth ?? (() => 5);
  const drawn = (options.data ?? chart.data).filter((d) => d.y !== null);
  const marked = (d: Datum) => d.highlight && !chart.highlightsSeries;
  const chosen = which === 'all' ? [...drawn.filter(marked), ...drawn.filter((d) => !marked(d))] : drawn.filter(marked);
  const bars = chart.kind.bars === 'vertical';
  const cap = options.cap ?? (() => 0);
  // A line's highlighted points are drawn as dots (4.5 px across its centre).
  const dots = bars ? [] : chosen.filter(marked).map((d) => {
    const p = project(d);
    return { d, box: { x: p.x + shift(d) - 4.5, y: p.y - 4.5, width: 9, height: 9 } };
  });
  const placed: PlacedValue[] = [];
  const avoid = options.avoid ?? [];
  const marks = options.marks ?? [];
  // Highlighted values that fit above their marks go first, so that one which must move or rise goes round them.
  const deferred = new Set<Datum>();
  const place = (d: Datum, pass: 'above' | 'any'): void => {
    const p = project(d);
    const x = (centre ? project.x(centre(d)) : p.x) + shift(d);
    const width = textWidth(text(d), SIZE) * SLACK;
    const below = bars && d.y! < 0;
    // Above the mark (below a bar that goes down), then beside it: left, right, and under a point.
    const side = half(d) + 3;
    const spots: Omit<PlacedValue, 'd' | 'box' | 'moved' | 'raised'>[] = [
      { dx: 0, dy: below ? 9 + cap(d) : (bars ? -7 : -12) - cap(d), textAnchor: 'middle' },
      ...(below || !marked(d) ? [] : bars ? [
        { dx: -side, dy: 7, textAnchor: 'end' as const },
        { dx: side, dy: 7, textAnchor: 'start' as const },
      ] : [
        { dx: -side - 2, dy: 0, textAnchor: 'end' as const },
        { dx: side + 2, dy: 0, textAnchor: 'start' as const },
        { dx: 0, dy: 12, textAnchor: 'middle' as const },
      ]),
    ];
    const boxOf = (s: (typeof spots)[number]): Box => {
      const left = s.textAnchor === 'middle' ? x - width / 2 : s.textAnchor === 'end' ? x + s.dx - width : x + s.dx;
      return { x: left - 1, y: p.y + s.dy - HEIGHT / 2, width: width + 2, height: HEIGHT };
    };
    const inside = (b: Box) => !frame || (b.x >= 0 && b.x + b.width <= frame.width && b.y >= 0 && b.y + b.height <= frame.height);
    // Its own mark (the one its value's point lies on) is not in its way.
    const others = marks.filter((o) => !(x >= o.x && x <= o.x + o.width && p.y >= o.y && p.y <= o.y + o.height));
    // Kept inside the drawing: a value at its edge moves in.
    const inward = (b: Box) => (frame ? Math.max(0, -b.x) - Math.max(0, b.x + b.width - frame.width) : 0);
    const shifted = (b: Box) => ({ ...b, x: b.x + inward(b) });
    // Above a line's point its value may lie on the line (its halo keeps it read), not on another highlighted point's dot; a bar or a dot it must clear.
    const clearOfMarks = (b: Box, i: number) => (i === 0 && chart.kind.joined === true ? !dots.some((o) => o.d !== d && touches(o.box, b)) : !others.some((o) => touches(o, b)));
    const clear = (b: Box, i: number) => !placed.some((o) => touches(o.box, b)) && !avoid.some((o) => touches(o, b)) && clearOfMarks(b, i) && (i === 0 || inside(b));
    // Above its mark (below one that goes down), or raised a little, with no leader; else beside it; else raised until clear, within the drawing.
    const up = below ? 1 : -1;
    const lifted = (r: number) => {
      const b = shifted(boxOf(spots[0]));
      return { ...b, y: b.y + up * r };
    };
    const fits = (r: number) => (r === 0 || inside(lifted(r))) && clear(lifted(r), 0);
    const steps = Array.from({ length: 40 }, (_, k) => (k + 1) * 3);
    let rise = [0, ...(marked(d) ? steps.filter((r) => r <= LEADER_FROM) : [])].find(fits) ?? -1;
    let index = rise >= 0 ? 0 : spots.findIndex((s, i) => i > 0 && clear(boxOf(s), i));
    if (pass === 'above' && index !== 0) {
      deferred.add(d);
      return;
    }
    if (index < 0 && marked(d)) {
      rise = steps.find((r) => r > LEADER_FROM && fits(r)) ?? -1;
      if (rise > 0) index = 0;
    }
    rise = Math.max(0, rise);
    // A highlighted value with nowhere clear is written above its mark, but never over another value; the others only where they touch nothing.
    if (index < 0 && (!marked(d) || placed.some((o) => touches(o.box, boxOf(spots[0]))))) return;
    const spot = spots[Math.max(0, index)];
    const box = boxOf(spot);
    const dx = inward(box);
    placed.push({ d, ...spot, dx: spot.dx + dx, dy: spot.dy + up * rise, box: { ...box, x: box.x + dx, y: box.y + up * rise }, moved: index > 0, raised: rise });
  };
  for (const d of chosen.filter(marked)) place(d, 'above');
  for (const d of chosen) if (!marked(d) || deferred.has(d)) place(d, 'any');
  return placed;
}

export function valueLabelMarks(chart: ChartData, project: Projected, options: ValueLabelOptions = {}): Plot.Markish[] {
  return valueMarks(chart, placeValueLabels(chart, project, options), options);
}

/** The Plot marks of values placed by `placeValueLabels`. */
export function valueMarks(chart: ChartData, placed: readonly PlacedValue[], options: ValueLabelOptions = {}): Plot.Markish[] {
  const { centre, facet } = options;
  const text = options.text ?? ((d: Datum) => highlightLabel(d, chart));
  const shift = options.shift ?? (() => 0);
  const marked = (d: Datum) => d.highlight && !chart.highlightsSeries;
  const x = centre ?? ((d: Datum) => d.x);
  const panel = facet ? { fx: (d: Datum) => facet(d).fx, fy: (d: Datum) => facet(d).fy } : {};
  // Plot shifts a whole mark: one mark per offset and weight (a grouped chart's series, a value moved beside its mark).
  type Group = { placed: PlacedValue[]; dx: number; dy: number; textAnchor: PlacedValue['textAnchor']; bold: boolean };
  const groups = new Map<string, Group>();
  for (const p of placed) {
    const dx = p.dx + shift(p.d);
    const key = `${p.dy}|${dx}|${p.textAnchor}|${!marked(p.d)}|${p.moved}`;
    const group = groups.get(key) ?? { placed: [], dx, dy: p.dy, textAnchor: p.textAnchor, bold: marked(p.d) };
    group.placed.push(p);
    groups.set(key, group);
  }
  // As Plot layers them: values above their marks, then below, then those moved beside; by offset, bold first.
  const shifts = [...new Set(placed.map((p) => shift(p.d)))];
  const rank = (g: Group) => ((g.placed[0].moved ? 2 : g.dy > 0 ? 1 : 0) * shifts.length + shifts.indexOf(shift(g.placed[0].d))) * 2 + (g.bold ? 0 : 1);
  const order = [...groups.values()].sort((a, b) => rank(a) - rank(b));
  // A leader starts just off its mark: a bar's end, or a point's dot.
  const off = (d: Datum) => (options.cap?.(d) ?? 0) + (chart.kind.bars ? 2 : 6);
  return [...leaders(placed, x, shift, panel, off), ...order.map((g) => {
    const options = { x, y: 'y', ...panel, text, dx: g.dx || undefined, dy: g.dy, textAnchor: g.textAnchor === 'middle' ? undefined : g.textAnchor, fontWeight: g.bold ? 'bold' : undefined, fill: 'currentColor', className: 'halo' };
    return Plot.text(
      g.placed.map((p) => p.d),
      options as Plot.TextOptions,
    );
  })];
}

/**
 * A thin line from each raised value down to its mark (up to one that
 * goes down), drawn from Plot's zero-length rule at the value, so that it
 * lands in the value's panel and at its bar's offset.
 */
function leaders(placed: readonly PlacedValue[], x: (d: Datum) => Datum['x'] | Date, shift: (d: Datum) => number, panel: object, off: (d: Datum) => number): Plot.Markish[] {
  // A value raised a few pixels still sits at its mark; one raised further is tied to it.
  const raised = placed.filter((p) => p.raised > LEADER_FROM);
  if (raised.length === 0) return [];
  return raised.map((p) =>
    Plot.ruleX([p.d], {
      x,
      y1: 'y',
      y2: 'y',
      ...panel,
      dx: shift(p.d) || undefined,
      stroke: 'currentColor',
      strokeWidth: 0.75,
      render(index, scales, values, dimensions, context, next) {
        const g = next!(index, scales, values, dimensions, context)!;
        const up = Math.sign(p.dy);
        for (const line of g.querySelectorAll('line')) {
          const y = Number(line.getAttribute('y1'));
          line.setAttribute('y1', String(y + up * off(p.d)));
          line.setAttribute('y2', String(y + p.dy - up * (HEIGHT / 2 - 1)));
        }
        return g;
      },
    } as Plot.RuleXOptions),
  );
}
