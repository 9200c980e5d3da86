import type { ChartKind } from './kind.ts';

/** Dots on two number axes, optionally sized by a third column. */
export const scatter = {
  type: 'scatter',
  name: 'Scatter plot',
  honours: ['size', 'log'],
} as const satisfies ChartKind;
