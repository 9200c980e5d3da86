import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import { cartesianOptions } from '../cartesian.ts';
import { withHollow } from '../provenance.ts';

/** A dot per value, over time or categories. */
export const dot = {
  type: 'dot',
  name: 'Dot chart',
  honours: ['zero', 'sort', 'facet', 'log'],
  zero: false,
  endLabels: true,
  hollow: true,
  morphs: true,
  options: (chart, size) =>
    cartesianOptions(chart, size, ({ drawn, colour, narrow, xValue }) => withHollow(Plot.dot, drawn, { x: xValue, y: 'y', fill: colour, r: narrow ? 3.5 : 4.5 }, colour)),
} as const satisfies ChartKind;
