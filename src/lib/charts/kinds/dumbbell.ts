import type { ChartKind } from './kind.ts';

/** Each category's value at two periods, joined by a bar. */
export const dumbbell = {
  type: 'dumbbell',
  name: 'Dumbbell chart',
  honours: ['zero', 'sort'],
} as const satisfies ChartKind;
