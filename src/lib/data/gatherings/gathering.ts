import type { Grain, Period } from '../../period.ts';

/**
 * One `to:` that a derived `sum`, `mean` or `last` gathers a table's rows
 * into: the grain of the table it makes, the coarser period each row falls
 * in, and the time that period must cover for a total to stand.
 */
export interface Gathering {
  grain: Grain;
  /** What the values are gathered into, in a message: `years`, `one total per series`. */
  noun: string;
  period(p: Period): Period;
  /** Start and end (ms) of `period`; `first` and `last` are the table's first and last periods. */
  span(period: Period, first: Period, last: Period): [number, number];
}
