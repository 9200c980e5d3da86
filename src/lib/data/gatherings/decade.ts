import { decade as decadePeriod, endTime, startTime } from '../../period.ts';
import type { Gathering } from './gathering.ts';

/**
 * Into decades: 1994 → the 1990s (1990 to 1999), for "the deadliest
 * decade". A decade is covered only by all ten of its years, so the
 * decade a table starts or ends in part-way has no total.
 */
export const decade: Gathering = {
  grain: 'decade',
  noun: 'decades',
  period: (p) => decadePeriod(Math.floor(p.year / 10) * 10),
  span: (period) => [startTime(period), endTime(period)],
};
