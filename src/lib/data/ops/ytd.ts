import type { DerivedOp } from './op.ts';

/** ytd: the running sum since the start of the year. */
export const ytd: DerivedOp = {
  name: 'ytd',
  compute: { kind: 'window', start: (p) => Date.UTC(p.year, 0, 1) },
  addsUp: 'rates and percentages are not added up: drop the measure, or take the running total of the amounts the rate is computed from',
  note: (label) => `${label}: the figures added up from the start of each year.`,
  words: (d) => `the running sum of ${d.ofLabel} since January`,
};
