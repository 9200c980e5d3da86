import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';
import { pathMarks } from '../pathMarks.ts';

/** Values joined by a line, over time or across the months of a year. */
export const line = {
  type: 'line',
  name: 'Line chart',
  honours: ['zero', 'sort', 'facet', 'log'],
  zero: false,
  family: 'a line',
  joined: true,
  endLabels: true,
  hollow: true,
  morphs: true,
  options: (chart, size) => cartesianOptions(chart, size, (context) => pathMarks(context, { thin: true })),
} as const satisfies ChartKind;
