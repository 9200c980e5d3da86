/**
 * Periods as customs reports them: one month (`2025-03`) or a span of months
 * within one year (`2025-01/02` for the combined January–February release,
 * `2025-01/11` for a year-to-date total).
 */
export interface Period {
  /** The text as written in the data, e.g. `2025-01/02`. */
  id: string;
  year: number;
  /** First month of the period, 1–12. */
  from: number;
  /** Last month of the period, 1–12 (equal to `from` for a single month). */
  to: number;
}

const PERIOD = /^(\d{4})-(\d{2})(?:\/(\d{2}))?$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Parses `YYYY-MM` or `YYYY-MM/MM`; undefined when malformed. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const from = Number(match[2]);
  const to = match[3] === undefined ? from : Number(match[3]);
  if (from < 1 || from > 12 || to < from || to > 12) return undefined;
  return { id: formatPeriodId(year, from, to), year, from, to };
}

export function formatPeriodId(year: number, from: number, to: number): string {
  const pad = (m: number) => String(m).padStart(2, '0');
  return from === to ? `${year}-${pad(from)}` : `${year}-${pad(from)}/${pad(to)}`;
}

/** The id of a period's last month: 2025-01/11 → 2025-11. */
export function lastMonthId(p: Period): string {
  return formatPeriodId(p.year, p.to, p.to);
}

export function isSpan(p: Period): boolean {
  return p.to > p.from;
}

/** Sort key: by year, then last month, then longer spans first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.to - b.to || a.from - b.from;
}

/** True when `inner` lies within `outer` and is not the same period. */
export function within(inner: Period, outer: Period): boolean {
  return (
    inner.year === outer.year &&
    inner.from >= outer.from &&
    inner.to <= outer.to &&
    (inner.from !== outer.from || inner.to !== outer.to)
  );
}

/** UTC start of the period's first month. */
export function periodStart(p: Period): Date {
  return new Date(Date.UTC(p.year, p.from - 1, 1));
}

/** UTC start of the month after the period's last month. */
export function periodEnd(p: Period): Date {
  return new Date(Date.UTC(p.year, p.to, 1));
}

/** Midpoint of the period, where a point for it belongs on a time axis. */
export function periodMiddle(p: Period): Date {
  return new Date((periodStart(p).getTime() + periodEnd(p).getTime()) / 2);
}

/** `Nov 2025`, `Jan–Feb 2025`. */
export function periodLabel(p: Period): string {
  const name = isSpan(p) ? `${MONTHS[p.from - 1]}–${MONTHS[p.to - 1]}` : MONTHS[p.from - 1];
  return `${name} ${p.year}`;
}

/** `November 2025`, `January–February 2025`. */
export function periodLabelLong(p: Period): string {
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
