import type { ChartKind } from './kind.ts';

/** One line per category from one period to another. */
export const slope = {
  type: 'slope',
  name: 'Slope chart',
  honours: ['zero', 'sort'],
} as const satisfies ChartKind;
