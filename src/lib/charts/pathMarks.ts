/**
 * Lines, and areas under them: a span's monthly average runs flat across
 * its months, data denser than the pixels is thinned, grey context series
 * go beneath, a value between two gaps gets a dot, an unverified one a
 * hollow ring.
 */
import * as Plot from '@observablehq/plot';
import type { Datum } from './model.ts';
import type { MarkContext } from './markContext.ts';
import { spreadSpans } from './frame.ts';
import { thinLine } from './thin.ts';
import { hollowPoints } from './provenance.ts';

/** A line through each series' values; `fill`: with the area under it; `thin`: thinned to the plot's pixels. */
export function pathMarks({ chart, context, lineColour, plotWidth, xValue }: MarkContext, { fill = false, thin = false } = {}): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  // A span's monthly average runs flat across its months.
  const spread = spreadSpans(chart);
  if (fill) {
    marks.push(Plot.areaY(spread, { x: xValue, y: 'y', z: 'series', fill: lineColour, fillOpacity: 0.18, curve: 'linear' }));
  }
  // Data denser than the pixels is thinned, not drawn point by point.
  const lineData = thin ? thinLine(spread, plotWidth) : spread;
  // Grey context lines go beneath, thinner; coloured ones on top.
  const behind = lineData.filter((d) => context.has(d.series));
  const front = lineData.filter((d) => !context.has(d.series));
  if (behind.length) marks.push(Plot.lineY(behind, { x: xValue, y: 'y', z: 'series', stroke: lineColour, strokeWidth: 1.5, curve: 'linear' }));
  if (front.length) marks.push(Plot.lineY(front, { x: xValue, y: 'y', z: 'series', stroke: lineColour, strokeWidth: 2.5, curve: 'linear' }));
  // Isolated points (a month between two gaps) would be invisible as a line.
  const alone = isolated(spread);
  if (alone.length) marks.push(Plot.dot(alone, { x: xValue, y: 'y', fill: lineColour, r: 2.5 }));
  // Unverified values: a hollow ring where the line passes them.
  marks.push(...hollowPoints(spread, xValue, lineColour, 3.5));
  return marks;
}

/** Points with no drawn neighbour in their own series (data are in period order). */
function isolated(data: Datum[]): Datum[] {
  const bySeries = new Map<string, Datum[]>();
  for (const d of data) {
    const list = bySeries.get(d.series);
    if (list) list.push(d);
    else bySeries.set(d.series, [d]);
  }
  return [...bySeries.values()].flatMap((series) =>
    series.filter((d, i) => d.y !== null && !(series[i - 1]?.y != null) && !(series[i + 1]?.y != null)),
  );
}
