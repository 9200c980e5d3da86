import type { ChartKind } from './kind.ts';

/** Horizontal bars, one per category, ranked. */
export const barX = {
  type: 'barX',
  name: 'Bar chart',
  honours: ['zero', 'sort'],
} as const satisfies ChartKind;
