import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';

/** Horizontal bars, one per category, ranked. */
export const barX = {
  type: 'barX',
  name: 'Bar chart',
  honours: ['zero', 'sort'],
  zero: true,
  family: 'bars',
  options: cartesianOptions,
} as const satisfies ChartKind;
