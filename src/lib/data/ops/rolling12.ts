import type { DerivedOp } from './op.ts';

/** rolling12: the sum over the twelve months that end with each period. */
export const rolling12: DerivedOp = {
  name: 'rolling12',
  compute: {
    kind: 'window',
    start: (p, endsAt) => {
      if (p.day === undefined) return Date.UTC(p.year - 1, p.to, 1);
      const end = new Date(endsAt);
      return Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate());
    },
  },
  addsUp: 'rates and percentages are not added up: drop the measure, or take the rolling sum of the amounts the rate is computed from',
  note: (label) => `${label}: the figures of the last twelve months added up.`,
  words: (d) => `the sum of ${d.ofLabel} over the last twelve months`,
};
