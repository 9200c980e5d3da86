import { endTime, isSpan } from '../../period.ts';
import { over } from './gather.ts';
import type { DerivedOp } from './op.ts';

/**
 * last: the value of the period that closes each coarser one (December, the
 * 31st). When that period has no row: zero if the rows cover the coarser
 * one (a table whose absent periods count as none), else none.
 */
export const last: DerivedOp = {
  name: 'last',
  needs: ['to'],
  compute: {
    kind: 'gather',
    value: (rows, of, end, covered) => {
      const final = rows.at(-1)!;
      const closes = endTime(final.period) === end && !isSpan(final.period) && rows.every((row) => row.unit === final.unit);
      if (closes) return final.values[of] ?? null;
      return covered && !rows.some((row) => isSpan(row.period)) ? 0 : null;
    },
  },
  words: (d) => `${d.ofLabel} at the end of ${over(d.to)}`,
};
