import type { ChartKind } from './kind.ts';
import { describeChange, dumbbellOptions } from '../change.ts';

/** Each category's value at two periods, joined by a bar. */
export const dumbbell = {
  type: 'dumbbell',
  name: 'Dumbbell chart',
  honours: ['zero', 'sort'],
  zero: false,
  categorical: true,
  pairs: true,
  options: (chart, size) => dumbbellOptions(chart, size),
  describe: describeChange,
} as const satisfies ChartKind;
