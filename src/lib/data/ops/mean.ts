import { isSpan } from '../../period.ts';
import { over, total } from './gather.ts';
import type { DerivedOp } from './op.ts';

/** mean: the average over each period of the coarser grain; none where a span of months stands, whose one figure covers several. */
export const mean: DerivedOp = {
  name: 'mean',
  needs: ['to'],
  compute: { kind: 'gather', value: (rows, of, _end, covered, count) => (rows.some((row) => isSpan(row.period)) ? null : total(rows, of, covered, count)) },
  words: (d) => `the average of ${d.ofLabel} over ${over(d.to)}`,
};
