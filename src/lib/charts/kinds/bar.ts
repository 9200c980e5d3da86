import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';

/** Vertical bars over periods or categories; with series, side by side, stacked or grouped. */
export const bar = {
  type: 'bar',
  name: 'Bar chart',
  honours: ['zero', 'sort', 'facet', 'layout'],
  zero: true,
  family: 'bars',
  options: cartesianOptions,
} as const satisfies ChartKind;
