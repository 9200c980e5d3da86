import { monthName } from '../period.ts';
import type { Datum } from './model.ts';
import { minOf } from '../extent.ts';

/** Steps between month ticks, in months, smallest first. */
const STEPS = [1, 2, 3, 4, 6, 12];

export interface MonthTicks {
  ticks: Date[];
  format: (t: Date) => string;
}

/**
 * Ticks for a long monthly axis, counted back from the last period drawn so
 * that it always carries a label (the month a story is about is usually the
 * last, and an unlabelled last bar reads as "undated"). At most `target`
 * ticks, at the middle of their months, as the data's x is. A month is named
 * with its year under it at the first tick and wherever the year changes.
 * Undefined when even yearly steps would be too many: Plot's own year
 * ticks read better on a long series.
 */
export function monthTicks(data: readonly Datum[], target: number): MonthTicks | undefined {
  const drawn = data.filter((d) => d.y !== null && d.x instanceof Date);
  if (drawn.length === 0) return undefined;
  const firstTime = minOf(data.map((d) => (d.x1 ?? d.x) as Date).filter((t) => t instanceof Date).map((t) => t.getTime()));
  const last = drawn.reduce((a, b) => ((b.x as Date) > (a.x as Date) ? b : a));
  // The last period's last month: a span (Jan–Feb) is labelled at its end.
  const lastIndex = last.period.year * 12 + last.period.to - 1;
  const first = new Date(firstTime);
  const firstIndex = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const months = lastIndex - firstIndex + 1;
  const step = STEPS.find((s) => Math.ceil(months / s) <= target);
  if (step === undefined) return undefined;
  const ticks: Date[] = [];
  for (let i = lastIndex; i >= firstIndex; i -= step) ticks.unshift(monthMiddle(i));
  const years = new Map(ticks.map((t, i) => [t.getTime(), i === 0 || t.getUTCFullYear() !== ticks[i - 1].getUTCFullYear()]));
  const format = (t: Date) => `${monthName(t.getUTCMonth() + 1)}${years.get(t.getTime()) ? `\n${t.getUTCFullYear()}` : ''}`;
  return { ticks, format };
}

function monthMiddle(index: number): Date {
  const year = Math.floor(index / 12);
  const month = index % 12;
  return new Date((Date.UTC(year, month, 1) + Date.UTC(year, month + 1, 1)) / 2);
}
