import type { Unit } from '../../format.ts';
import type { DerivedOp } from './op.ts';

/** An index number: the base period is 100. */
const INDEX_UNIT: Unit = { name: 'index', label: 'index', kind: 'index', scale: 1, prefix: '', suffix: '', words: ['points'], decimals: 1 };

/** index: each value as a multiple of the base period's, times 100. */
export const index: DerivedOp = {
  name: 'index',
  needs: ['base'],
  compute: {
    kind: 'row',
    value: (r) => {
      const base = r.value(r.period(r.spec.base ?? ''));
      const now = r.value(r.row);
      return base === null || base === 0 || now === null ? null : (now / base) * 100;
    },
  },
  unit: () => INDEX_UNIT,
  words: (d) => `${d.ofLabel} as an index`,
};
