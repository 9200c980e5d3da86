import { endTime, NO_PERIOD, startTime } from '../../period.ts';
import type { Gathering } from './gathering.ts';

/**
 * Over the whole table: one row per series and no period, a table without
 * dates (each type of disaster's deaths since 1900, for a ranking). It
 * covers the table's span, from its first period to its last.
 */
export const all: Gathering = {
  grain: 'none',
  noun: 'one total per series over the whole table',
  period: () => NO_PERIOD,
  span: (_, first, last) => [startTime(first), endTime(last)],
};
