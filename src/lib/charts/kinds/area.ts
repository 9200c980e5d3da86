import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';

/** A line filled down to zero; with series, stacked (layout: stack). */
export const area = {
  type: 'area',
  name: 'Area chart',
  honours: ['zero', 'sort', 'facet', 'layout'],
  zero: true,
  family: 'a line',
  options: cartesianOptions,
} as const satisfies ChartKind;
