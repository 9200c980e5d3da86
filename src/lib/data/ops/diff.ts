import { pointsOf } from './change.ts';
import { difference, type DerivedOp } from './op.ts';

/** diff: of minus another measure of the same row (a balance: exports minus imports). */
export const diff: DerivedOp = {
  name: 'diff',
  needs: ['minus'],
  compute: { kind: 'row', value: (r) => difference(r.value(r.row), r.value(r.row, r.spec.minus)) },
  unit: pointsOf,
  amount: true,
  words: (d) => `${d.ofLabel} minus ${d.minusLabel ?? d.minus}`,
};
