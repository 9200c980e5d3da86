import { endTime, formatPeriodId, startTime, type Period } from '../../period.ts';
import type { Gathering } from './gathering.ts';

/** The period's own bounds: a coarser period of the calendar is covered when its rows fill it. */
const own = (period: Period): [number, number] => [startTime(period), endTime(period)];

/** Into years: 2024-03-15 → 2024. */
export const year: Gathering = {
  grain: 'year',
  noun: 'years',
  period: (p) => ({ id: String(p.year), year: p.year, from: 1, to: 12, grain: 'year' }),
  span: own,
};

/** Into quarters: 2024-03 → 2024-Q1. */
export const quarter: Gathering = {
  grain: 'quarter',
  noun: 'quarters',
  period: (p) => {
    const q = Math.ceil(p.from / 3);
    return { id: `${p.year}-Q${q}`, year: p.year, from: q * 3 - 2, to: q * 3, grain: 'quarter' };
  },
  span: own,
};

/** Into months: 2024-03-15 → 2024-03. */
export const month: Gathering = {
  grain: 'month',
  noun: 'months',
  period: (p) => ({ id: formatPeriodId(p.year, p.from, p.from), year: p.year, from: p.from, to: p.from, grain: 'month' }),
  span: own,
};
