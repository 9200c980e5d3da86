import type { ChartKind } from './kind.ts';

/** A dot per value, over time or categories. */
export const dot = {
  type: 'dot',
  name: 'Dot chart',
  honours: ['zero', 'sort', 'facet'],
} as const satisfies ChartKind;
