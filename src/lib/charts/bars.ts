/**
 * Vertical bars: over time each bar spans its period (several series share
 * it side by side); over categories or months, a band each (grouped bars
 * by series, stack.ts).
 */
import * as Plot from '@observablehq/plot';
import { periodEnd, periodStart } from '../period.ts';
import type { ChartData, Datum } from './model.ts';
import type { MarkContext } from './markContext.ts';
import { groupedBandBars, isGrouped } from './stack.ts';
import { withHollow } from './provenance.ts';
import { maxOf, minOf } from '../extent.ts';

/** Bars over time span their period; several series share it side by side. */
export function barMarks({ chart, drawn, colour, plotWidth }: MarkContext): Plot.Markish[] {
  if ((chart.xKind === 'category' || chart.xKind === 'month') && isGrouped(chart)) return groupedBandBars(drawn, colour, plotWidth);
  if (chart.xKind === 'category' || chart.xKind === 'month') {
    return withHollow(Plot.barY, drawn, { x: 'x', y: 'y', fill: colour, ...(chart.series ? { fx: undefined } : {}) }, colour);
  }
  const slot = barSlot(chart);
  // A gap of a fifth of the narrowest bar between bars, as a share of the
  // width so that the phone drawing stays the desktop one stretched.
  const starts = drawn.map((d) => slot(d, 0).getTime());
  const ends = drawn.map((d) => slot(d, 1).getTime());
  const [from, to] = chart.domains?.x?.map((t) => t.getTime()) ?? [minOf(starts), maxOf(ends)];
  const narrowest = minOf(ends.map((end, i) => end - starts[i]));
  const inset = Math.max(0.5, ((0.1 * narrowest) / Math.max(1, to - from)) * plotWidth);
  return withHollow(Plot.rectY, drawn, { x1: (d: Datum) => slot(d, 0), x2: (d: Datum) => slot(d, 1), y: 'y', fill: colour, insetLeft: inset, insetRight: inset }, colour);
}

/** Where a bar over time starts (edge 0) or ends (edge 1): several series share the period side by side. */
function barSlot(chart: ChartData): (d: Datum, edge: 0 | 0.5 | 1) => Date {
  const series = [...new Set(chart.data.filter((d) => d.y !== null).map((d) => d.series))];
  return (d, edge) => {
    // A running total (placed at its end) is a bar over its last period: Jan–Jun over June.
    const monthly = d.period.grain === 'month' || d.period.grain === undefined;
    const last = d.x1 === undefined ? (monthly ? { ...d.period, from: d.period.to } : d.period) : undefined;
    const start = (d.x1 ?? (last ? periodStart(last) : (d.x as Date))).getTime();
    const end = (d.x2 ?? (last ? periodEnd(last) : (d.x as Date))).getTime();
    const width = (end - start) / series.length;
    const i = series.indexOf(d.series);
    return new Date(start + width * (i + edge));
  };
}

/** The x a value label over a bar is drawn at (undefined: the datum's own x). */
export function barCentre(chart: ChartData): ((d: Datum) => Date) | undefined {
  if (chart.kind.bars !== 'vertical' || chart.xKind !== 'time') return undefined;
  const slot = barSlot(chart);
  return (d) => slot(d, 0.5);
}
