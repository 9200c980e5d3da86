/**
 * Periods of any grain, as the data writes them: a year (`2007`), a quarter
 * (`2024-Q3`), a month (`2025-03`), a day (`2015-06-30`), or a span of
 * months within one year (`2025-01/02` for a combined January–February
 * release, `2025-01/11` for a year-to-date total). A table without a
 * period (a ranking, a cross-section) has rows at `NO_PERIOD`.
 *
 * A decade (`1990s`, 1990 to 1999) is only ever gathered from finer
 * periods (`to: decade`, data/gatherings/) or named in `at=`.
 *
 * Every period is also described in months (`year`, `from`, `to`), so that
 * code written for months works on any grain: a year runs from month 1 to
 * 12, a quarter over its three months, a day lies in one month, and a
 * decade runs from month 1 of its first year to month 120 (counted on from
 * that year, as Date.UTC counts months past December).
 */
export type Grain = 'decade' | 'year' | 'quarter' | 'month' | 'day' | 'none';

export interface Period {
  /** The text as written in the data, e.g. `2025-01/02`. */
  id: string;
  year: number;
  /** First month of the period, 1–12. */
  from: number;
  /** Last month of the period, 1–12 (equal to `from` for a single month or a day; 120 for a decade). */
  to: number;
  /** The grain of the column the period belongs to; a span of months is of grain `month`. Months when absent. */
  grain?: Grain;
  /** Day of the month, 1–31, for a day. */
  day?: number;
}

/** A row of a table without periods. */
export const NO_PERIOD: Period = Object.freeze({ id: '', year: 0, from: 1, to: 12, grain: 'none' as Grain });

const MONTH = /^(\d{4})-(\d{2})(?:\/(\d{2}))?$/;
const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECADE = /^(\d{3}0)s$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** How an editor writes each grain, for hints. */
export const PERIOD_HINT = 'write 2007 for a year, 2024-Q3 for a quarter, 2025-03 for a month, 2025-01/02 for a span of months or 2015-06-30 for a day';

/** Parses a period of any grain; undefined when malformed or not in the calendar. */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim();
  let match = MONTH.exec(t);
  if (match) {
    const year = Number(match[1]);
    const from = Number(match[2]);
    const to = match[3] === undefined ? from : Number(match[3]);
    if (from < 1 || from > 12 || to < from || to > 12) return undefined;
    return { id: formatPeriodId(year, from, to), year, from, to, grain: 'month' };
  }
  match = YEAR.exec(t);
  if (match) return { id: match[1], year: Number(match[1]), from: 1, to: 12, grain: 'year' };
  match = QUARTER.exec(t);
  if (match) {
    const q = Number(match[2]);
    return { id: t, year: Number(match[1]), from: q * 3 - 2, to: q * 3, grain: 'quarter' };
  }
  match = DECADE.exec(t);
  if (match) return decade(Number(match[1]));
  match = DAY.exec(t);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { id: t, year, from: month, to: month, grain: 'day', day };
  }
  return undefined;
}

/** The decade that starts in `year` (a multiple of ten): 1990 → the 1990s. */
export function decade(year: number): Period {
  return { id: `${year}s`, year, from: 1, to: 120, grain: 'decade' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The grain of a period: months unless it says otherwise. */
export function grainOf(p: Period): Grain {
  return p.grain ?? 'month';
}

/** `years`, `quarters`, `months`, `days`: what a column of that grain holds. */
export function grainNoun(grain: Grain, count = 2): string {
  const one = grain === 'none' ? 'row' : grain;
  return count === 1 ? one : `${one}s`;
}

export function formatPeriodId(year: number, from: number, to: number): string {
  const pad = (m: number) => String(m).padStart(2, '0');
  return from === to ? `${year}-${pad(from)}` : `${year}-${pad(from)}/${pad(to)}`;
}

/** The id of a period's last month: 2025-01/11 → 2025-11. Other grains keep their own id. */
export function lastMonthId(p: Period): string {
  return grainOf(p) === 'month' ? formatPeriodId(p.year, p.to, p.to) : p.id;
}

/** A span of months (`2025-01/02`): not a year or quarter, which are periods of their own grain. */
export function isSpan(p: Period): boolean {
  return grainOf(p) === 'month' && p.to > p.from;
}

/** Sort key: by year, then last month, then longer spans first, then day. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.to - b.to || a.from - b.from || (a.day ?? 0) - (b.day ?? 0);
}

/** True when `inner` lies within `outer` and is not the same period (months and spans only). */
export function within(inner: Period, outer: Period): boolean {
  return (
    grainOf(inner) === 'month' &&
    grainOf(outer) === 'month' &&
    inner.year === outer.year &&
    inner.from >= outer.from &&
    inner.to <= outer.to &&
    (inner.from !== outer.from || inner.to !== outer.to)
  );
}

/** UTC start of the period (its first day). */
export function periodStart(p: Period): Date {
  return new Date(Date.UTC(p.year, p.from - 1, p.day ?? 1));
}

/** UTC start of what follows the period: the next day, or the month after its last month. */
export function periodEnd(p: Period): Date {
  return p.day === undefined ? new Date(Date.UTC(p.year, p.to, 1)) : new Date(Date.UTC(p.year, p.from - 1, p.day + 1));
}

/** Midpoint of the period, where a point for it belongs on a time axis. */
export function periodMiddle(p: Period): Date {
  return new Date((periodStart(p).getTime() + periodEnd(p).getTime()) / 2);
}

/** Start of the period in milliseconds since 1970 (periodStart without a Date). */
export function startTime(p: Period): number {
  return Date.UTC(p.year, p.from - 1, p.day ?? 1);
}

/** End of the period in milliseconds since 1970 (periodEnd without a Date). */
export function endTime(p: Period): number {
  return p.day === undefined ? Date.UTC(p.year, p.to, 1) : Date.UTC(p.year, p.from - 1, p.day + 1);
}

/** Whether `b` starts where `a` ends: no period missing between them. */
export function follows(a: Period, b: Period): boolean {
  if (a.day === undefined && b.day === undefined) return a.year * 12 + a.to === b.year * 12 + b.from - 1;
  return endTime(a) === startTime(b);
}

/** The period of the same grain after `p` (the month after a span's last month). */
export function nextPeriod(p: Period): Period {
  const end = periodEnd(p);
  const year = end.getUTCFullYear();
  const month = end.getUTCMonth() + 1;
  switch (grainOf(p)) {
    case 'decade':
      return decade(year);
    case 'year':
      return parsePeriod(String(year))!;
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.ceil(month / 3)}`)!;
    case 'day':
      return parsePeriod(`${year}-${String(month).padStart(2, '0')}-${String(end.getUTCDate()).padStart(2, '0')}`)!;
    default:
      return parsePeriod(formatPeriodId(year, month, month))!;
  }
}

/** The id of the same period a year earlier: 2025-03 → 2024-03, 2024-Q3 → 2023-Q3. */
export function yearEarlierId(p: Period): string {
  if (p.grain === 'none') return p.id;
  // A decade has no same period a year earlier.
  if (p.grain === 'decade') return '';
  // Every other id starts with its four-digit year.
  return `${p.year - 1}${p.id.slice(4)}`;
}

/** `1990s`, `2007`, `Q3 2024`, `Nov 2025`, `Jan–Feb 2025`, `30 June 2015`. */
export function periodLabel(p: Period): string {
  switch (grainOf(p)) {
    case 'none':
      return '';
    case 'decade':
      return p.id;
    case 'year':
      return String(p.year);
    case 'quarter':
      return `Q${Math.ceil(p.to / 3)} ${p.year}`;
    case 'day':
      return `${p.day} ${MONTHS_LONG[p.from - 1]} ${p.year}`;
    default: {
      const name = isSpan(p) ? `${MONTHS[p.from - 1]}–${MONTHS[p.to - 1]}` : MONTHS[p.from - 1];
      return `${name} ${p.year}`;
    }
  }
}

/** `November 2025`, `January–February 2025`; other grains as `periodLabel`. */
export function periodLabelLong(p: Period): string {
  if (grainOf(p) !== 'month') return periodLabel(p);
  const name = isSpan(p)
    ? `${MONTHS_LONG[p.from - 1]}–${MONTHS_LONG[p.to - 1]}`
    : MONTHS_LONG[p.from - 1];
  return `${name} ${p.year}`;
}

export function monthName(month: number): string {
  return MONTHS[month - 1];
}

export function monthNameLong(month: number): string {
  return MONTHS_LONG[month - 1];
}
