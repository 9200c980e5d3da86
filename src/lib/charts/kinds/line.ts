import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';

/** Values joined by a line, over time or across the months of a year. */
export const line = {
  type: 'line',
  name: 'Line chart',
  honours: ['zero', 'sort', 'facet'],
  zero: false,
  family: 'a line',
  options: cartesianOptions,
} as const satisfies ChartKind;
