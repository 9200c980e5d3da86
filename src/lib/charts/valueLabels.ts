/**
 * Values written beside marks: `values: highlighted` (the default) writes
 * each highlighted bar's or point's value in bold; `values: all` writes
 * every one that has room, highlighted first, then left to right, leaving
 * out a label that would touch one already placed; `values: none` writes none.
 * Stacks pass their totals, at the top of each stack; small multiples
 * pass each datum's panel; grouped bars how far each bar sits off its
 * category's centre.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './model.ts';
import { textWidth, type Box } from './notePlacement.ts';
import { highlightLabel } from './frame.ts';

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
  /** Boxes (pixels) that labels other than highlighted ones keep off, such as panel titles. */
  avoid?: readonly Box[];
}

export function valueLabelMarks(chart: ChartData, project: Projected, narrow: boolean, options: ValueLabelOptions = {}): Plot.Markish[] {
  const which = chart.spec.values ?? 'highlighted';
  if (which === 'none') return [];
  const { centre, facet } = options;
  const text = options.text ?? ((d: Datum) => highlightLabel(d, chart));
  const shift = options.shift ?? (() => 0);
  const drawn = (options.data ?? chart.data).filter((d) => d.y !== null);
  const marked = (d: Datum) => d.highlight && !chart.highlightsSeries;
  const chosen = which === 'all' ? [...drawn.filter(marked), ...drawn.filter((d) => !marked(d))] : drawn.filter(marked);
  const bars = chart.kind.bars === 'vertical';
  const kept: Datum[] = [];
  const boxes: Box[] = [];
  const avoid = options.avoid ?? [];
  for (const d of chosen) {
    const p = project(d);
    const x = (centre ? project.x(centre(d)) : p.x) + shift(d);
    const width = textWidth(text(d), narrow ? 10 : 11);
    const below = bars && d.y! < 0;
    const box = { x: x - width / 2 - 1, y: below ? p.y + 2 : p.y - 19, width: width + 2, height: 14 };
    const touches = (b: Box) => b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height;
    // A highlighted value is written whatever else is near; the others only where they touch nothing.
    if (boxes.some(touches) || (!marked(d) && avoid.some(touches))) continue;
    boxes.push(box);
    kept.push(d);
  }
  const x = centre ?? ((d: Datum) => d.x);
  const panel = facet ? { fx: (d: Datum) => facet(d).fx, fy: (d: Datum) => facet(d).fy } : {};
  const groups = [
    { data: kept.filter((d) => !bars || d.y! >= 0), dy: bars ? -7 : -12 },
    { data: kept.filter((d) => bars && d.y! < 0), dy: 9 },
  ];
  // Plot shifts a whole mark: one mark per shift (a grouped chart's series).
  const shifts = [...new Set(kept.map(shift))];
  return groups.flatMap(({ data, dy }) =>
    shifts.flatMap((dx) =>
      [true, false].flatMap((bold) => {
        const some = data.filter((d) => marked(d) === bold && shift(d) === dx);
        const options = { x, y: 'y', ...panel, text, dx: dx || undefined, dy, fontWeight: bold ? 'bold' : undefined, fill: 'currentColor', className: 'halo' };
        return some.length ? [Plot.text(some, options as Plot.TextOptions)] : [];
      }),
    ),
  );
}
