import type { ChartKind } from './kind.ts';

/** A line filled down to zero; with series, stacked (layout: stack). */
export const area = {
  type: 'area',
  name: 'Area chart',
  honours: ['zero', 'sort', 'facet', 'layout'],
} as const satisfies ChartKind;
