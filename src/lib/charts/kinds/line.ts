import type { ChartKind } from './kind.ts';

/** Values joined by a line, over time or across the months of a year. */
export const line = {
  type: 'line',
  name: 'Line chart',
  honours: ['zero', 'sort', 'facet'],
} as const satisfies ChartKind;
