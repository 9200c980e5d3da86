import type { ChartKind } from './kind.ts';
import { describeChange, dumbbellOptions } from '../change.ts';

/** Each category's change between two periods, as an arrow. */
export const arrow = {
  type: 'arrow',
  name: 'Arrow chart',
  honours: ['zero', 'sort'],
  zero: false,
  categorical: true,
  pairs: true,
  options: (chart, size) => dumbbellOptions(chart, size, { arrows: true }),
  describe: describeChange,
} as const satisfies ChartKind;
