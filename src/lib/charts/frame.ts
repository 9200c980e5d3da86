/**
 * What every chart kind draws within: the two sizes, margins, and the
 * helpers that place values in a frame (Plot's nice domain, an approximate
 * projection, a span spread over its months, a highlighted value's label).
 * Stands below every kind: imports no chart module but the shared types.
 */
import { formatShort } from '../format.ts';
import { periodMiddle } from '../period.ts';
import { shownDigits, type ChartData, type Datum, type Size } from './model.ts';
import { maxOf, minOf } from '../extent.ts';

/** Whether a chart's value axis starts at zero (or below it): its shared domain's, else its own. */
export function startsAtZero(chart: ChartData): boolean {
  if (chart.domains?.y) return Math.min(...chart.domains.y) <= 0;
  if (chart.zero) return true;
  let low = Number.POSITIVE_INFINITY;
  for (const d of chart.data) if (d.y !== null && d.y < low) low = d.y;
  return low <= 0;
}

export type { Size } from './model.ts';

/** The value axis's margin: room for its tick labels. */
export const LEFT_MARGIN = 48;

/** Sizes every chart is drawn at: the phone layout and the wide one. */
export const SIZES = {
  narrow: { width: 360, height: 180 },
  wide: { width: 640, height: 380 },
} as const satisfies Record<string, Size>;

/**
 * The tallest narrow drawing a phone pins: the whole pinned figure (title,
 * drawing, caption, notes, credit) keeps within 55% of a 360×640 screen
 * (site.css), and the drawing is never scaled down, so a chart that grows
 * with its rows is drawn to this height.
 */
export const PHONE_FIT = SIZES.narrow.height;

/**
 * A highlighted value as the prose quotes it, so chart and text agree (111.68,
 * not 112); a span's average per month says so.
 */
export function highlightLabel(d: Datum, chart: ChartData): string {
  const text = formatShort(d.y!, chart.unit, shownDigits(d), chart.locale);
  return d.span ? `${text} a month` : text;
}

/**
 * The data with each averaged span (January–February) as one point per
 * month it covers, all at its average: a line then runs flat across them
 * instead of peaking at a two-month total.
 */
export function spreadSpans(chart: ChartData): Datum[] {
  return chart.data.flatMap((d) => {
    if (!d.span || chart.xKind === 'category') return [d];
    const months = Array.from({ length: d.period.to - d.period.from + 1 }, (_, i) => d.period.from + i);
    return months.map((m) => ({ ...d, x: chart.xKind === 'month' ? m : periodMiddle({ id: '', year: d.period.year, from: m, to: m }) }));
  });
}

/** How many months the drawn time axis covers, from the first start to the last end. */
export function monthsSpanned(data: readonly Datum[]): number {
  const times = data.flatMap((d) => [d.x1 ?? d.x, d.x2 ?? d.x]).filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
  if (times.length === 0) return 0;
  const first = new Date(minOf(times));
  const last = new Date(maxOf(times));
  return (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
}

/** Approximate pixel positions (of a datum, an x, a y): enough to keep labels apart. */
export interface Projector {
  (d: Datum): { x: number; y: number };
  x: (x: Date | number) => number;
  y: (y: number) => number;
}

/** The y domain Plot's `nice: true` makes (d3's nice with ten ticks). */
export function niceDomain(low: number, high: number, count = 10): [number, number] {
  for (let pass = 0; pass < 2; pass++) {
    const raw = Math.abs(high - low) / count;
    if (!(raw > 0)) break;
    let step = 10 ** Math.floor(Math.log10(raw));
    const error = raw / step;
    step *= error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
    [low, high] = [Math.floor(low / step) * step, Math.ceil(high / step) * step];
  }
  return [low, high];
}
