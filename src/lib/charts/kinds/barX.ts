import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import type { Datum } from '../model.ts';
import { cartesianOptions } from '../cartesian.ts';
import type { MarkContext } from '../markContext.ts';
import { formatShort } from '../../format.ts';
import { withHollow } from '../provenance.ts';

/** Horizontal bars, one per category, ranked. */
export const barX = {
  type: 'barX',
  name: 'Bar chart',
  honours: ['zero', 'sort'],
  zero: true,
  family: 'bars',
  bars: 'horizontal',
  categorical: true,
  hollow: true,
  options: (chart, size) => cartesianOptions(chart, size, barXMarks),
} as const satisfies ChartKind;

/** A bar per category, its value written just right of its end. */
function barXMarks({ chart, drawn, colour }: MarkContext): Plot.Markish[] {
  const label = (d: Datum) => formatShort(d.y!, chart.unit, undefined, chart.locale);
  // Values sit just right of the bar's end, or right of zero for a
  // negative bar, so they never collide with the category labels.
  const labelled = chart.spec.values === 'none' ? [] : chart.spec.values === 'highlighted' ? drawn.filter((d) => d.highlight) : drawn;
  return [
    ...withHollow(Plot.barX, drawn, { y: 'label', x: 'y', fill: colour }, colour),
    Plot.text(labelled.filter((d) => d.y! >= 0), { y: 'label', x: 'y', text: label, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
    Plot.text(labelled.filter((d) => d.y! < 0), { y: 'label', x: 0, text: label, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
  ];
}
