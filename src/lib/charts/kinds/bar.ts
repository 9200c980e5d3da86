import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';
import { barMarks } from '../bars.ts';

/** Vertical bars over periods or categories; with series, side by side, stacked or grouped. */
export const bar = {
  type: 'bar',
  name: 'Bar chart',
  honours: ['zero', 'sort', 'facet', 'layout'],
  zero: true,
  family: 'bars',
  bars: 'vertical',
  hollow: true,
  layouts: ['stack', 'group'],
  morphs: true,
  options: (chart, size) => cartesianOptions(chart, size, barMarks),
} as const satisfies ChartKind;
