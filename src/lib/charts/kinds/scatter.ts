import type { ChartKind } from './kind.ts';
import { checkScatter, describeScatter, scatterOptions } from '../scatter.ts';

/** Dots on two number axes, optionally sized by a third column. */
export const scatter = {
  type: 'scatter',
  name: 'Scatter plot',
  honours: ['size', 'log'],
  zero: false,
  options: scatterOptions,
  describe: describeScatter,
  check: checkScatter,
} as const satisfies ChartKind;
