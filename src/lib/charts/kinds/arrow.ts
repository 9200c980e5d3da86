import type { ChartKind } from './kind.ts';

/** Each category's change between two periods, as an arrow. */
export const arrow = {
  type: 'arrow',
  name: 'Arrow chart',
  honours: ['zero', 'sort'],
} as const satisfies ChartKind;
