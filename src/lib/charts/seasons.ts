import type { Datum } from './model.ts';

/** The calendar months in which a seasonal series is, on average, highest and lowest. */
export interface SeasonalPattern {
  /** 1–12 */
  peak: number;
  /** 1–12 */
  trough: number;
}

/** Share of a series' variation that its month of the year must explain for the series to be told by its seasons. */
const EXPLAINED = 0.6;

/**
 * Whether a dated series rises and falls with the time of year, and if so
 * where its peak and trough fall. A series qualifies when it has daily or
 * monthly figures over at least two years (24 distinct months, every month
 * of the year among them) and the month of the year explains most of its
 * variation (the months' own averages leave less than 40% of the spread).
 * Such a series is better told by its seasons and extremes than by its
 * first and last values, which only say where the calendar happened to cut.
 */
export function seasonalPattern(data: Datum[]): SeasonalPattern | null {
  const values = data.filter((d) => d.y !== null && !d.span && (d.period.grain === 'day' || d.period.grain === 'month' || d.period.grain === undefined));
  if (values.length < 24 || values.length !== data.filter((d) => d.y !== null).length) return null;
  const months = new Set(values.map((d) => d.period.year * 12 + d.period.from));
  if (months.size < 24) return null;

  const byMonth = new Map<number, number[]>();
  for (const d of values) byMonth.set(d.period.from, [...(byMonth.get(d.period.from) ?? []), d.y!]);
  if (byMonth.size < 12) return null;

  const mean = (ys: number[]) => ys.reduce((a, b) => a + b, 0) / ys.length;
  const overall = mean(values.map((d) => d.y!));
  const total = values.reduce((sum, d) => sum + (d.y! - overall) ** 2, 0);
  if (total === 0) return null;
  const monthMeans = new Map([...byMonth].map(([month, ys]) => [month, mean(ys)]));
  const within = values.reduce((sum, d) => sum + (d.y! - monthMeans.get(d.period.from)!) ** 2, 0);
  if (1 - within / total < EXPLAINED) return null;

  const ranked = [...monthMeans].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { peak: ranked[0][0], trough: ranked.at(-1)![0] };
}
