import { over, total } from './gather.ts';
import type { DerivedOp } from './op.ts';

/** sum: the total over each period of the coarser grain named by to:. */
export const sum: DerivedOp = {
  name: 'sum',
  needs: ['to'],
  compute: { kind: 'gather', value: (rows, of, _end, covered) => total(rows, of, covered, undefined) },
  addsUp: 'rates and percentages are not added up: use op: mean (the average over the period) or op: last (the figure at its end)',
  words: (d) => `the total of ${d.ofLabel} over ${over(d.to)}`,
};
