import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';

/** A dot per value, over time or categories. */
export const dot = {
  type: 'dot',
  name: 'Dot chart',
  honours: ['zero', 'sort', 'facet'],
  zero: false,
  options: cartesianOptions,
} as const satisfies ChartKind;
