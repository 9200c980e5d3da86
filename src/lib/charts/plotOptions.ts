import type * as Plot from '@observablehq/plot';
import type { ChartData } from './model.ts';
import type { Size } from './frame.ts';
import { kindOf } from './kinds/registry.ts';

// The frame helpers live in frame.ts, below every kind; re-exported for callers outside src/lib/charts.
export { highlightLabel, monthsSpanned, niceDomain, PHONE_FIT, SIZES, spreadSpans, type Projector, type Size } from './frame.ts';

/**
 * A chart's data → Plot options, drawn by its kind (kinds/). Pure: no DOM,
 * no I/O. With `shapesFrom`, a map shows the shapes of its drawing at that
 * size (which must be on the same page) rather than drawing them again.
 */
export function plotOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  return kindOf(chart.type).options(chart, size, shapesFrom);
}
