import type { ChartKind } from './kind.ts';
import { describeChange, dumbbellOptions } from '../change.ts';

/** Each category's change between two periods, as an arrow. */
export const arrow = {
  type: 'arrow',
  name: 'Arrow chart',
  honours: ['zero', 'sort'],
  zero: false,
  options: dumbbellOptions,
  describe: describeChange,
} as const satisfies ChartKind;
