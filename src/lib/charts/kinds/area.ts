import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';
import { pathMarks } from '../pathMarks.ts';

/** A line filled down to zero; with series, stacked (layout: stack). */
export const area = {
  type: 'area',
  name: 'Area chart',
  honours: ['zero', 'sort', 'facet', 'layout'],
  zero: true,
  family: 'a line',
  joined: true,
  filled: true,
  endLabels: true,
  hollow: true,
  layouts: ['stack'],
  morphs: true,
  options: (chart, size) => cartesianOptions(chart, size, (context) => pathMarks(context, { fill: true })),
} as const satisfies ChartKind;
