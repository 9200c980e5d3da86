import type { ChartKind } from './kind.ts';
import { describeChange, slopeOptions } from '../change.ts';

/** One line per category from one period to another. */
export const slope = {
  type: 'slope',
  name: 'Slope chart',
  honours: ['zero', 'sort'],
  zero: false,
  categorical: true,
  pairs: true,
  options: slopeOptions,
  describe: describeChange,
} as const satisfies ChartKind;
