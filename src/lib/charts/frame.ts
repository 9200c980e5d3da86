/**
 * What every chart kind draws within: the two sizes, margins, and the
 * helpers that place values in a frame (Plot's nice domain, an approximate
 * projection, a span spread over its months, a highlighted value's label).
 * Stands below every kind: imports no chart module but the shared types.
 */
import { formatShort } from '../format.ts';
import { periodMiddle } from '../period.ts';
import { shownDigits, type ChartData, type Datum, type Size } from './model.ts';
import type { ChartSpec } from './spec.ts';
import { maxOf, minOf } from '../extent.ts';

/** The axes a spec puts on a log scale. */
export function logAxes(spec: ChartSpec): Set<'x' | 'y'> {
  return new Set(spec.log === undefined ? [] : Array.isArray(spec.log) ? spec.log : [spec.log]);
}

/** The steps of a log axis: 1, 2 and 5 times each power of ten. */
const LOG_STEPS = [1, 2, 5];

/** `value` rounded down (`up` false) or up to the nearest 1, 2 or 5 times a power of ten. */
function logStep(value: number, up: boolean): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = [...LOG_STEPS, 10].map((m) => m * power);
  return up ? steps.find((v) => v >= value * (1 - 1e-12))! : steps.findLast((v) => v <= value * (1 + 1e-12))!;
}

/**
 * A log axis from `low` to `high` (both above zero): its domain, widened to
 * the nearest 1, 2 or 5 times a power of ten, and at most `most` ticks at
 * 1, 2 and 5 times each power (powers alone, then every other one, when
 * that is too many).
 */
export function logAxis(low: number, high: number, most: number): { domain: [number, number]; ticks: number[] } {
  const domain: [number, number] = [logStep(low, false), logStep(Math.max(high, low), true)];
  if (domain[1] <= domain[0]) domain[1] = logStep(domain[0] * 1.5, true);
  const [from, to] = [Math.floor(Math.log10(domain[0])), Math.ceil(Math.log10(domain[1]))];
  const within = (v: number) => v >= domain[0] * (1 - 1e-12) && v <= domain[1] * (1 + 1e-12);
  const powers = Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
  for (const multiples of [LOG_STEPS, [1]]) {
    const ticks = powers.flatMap((p) => multiples.map((m) => m * p)).filter(within);
    if (ticks.length <= most && ticks.length >= 2) return { domain, ticks };
  }
  const ticks = powers.filter(within);
  const every = Math.ceil(ticks.length / most);
  return { domain, ticks: ticks.filter((_, i) => i % every === 0) };
}

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
