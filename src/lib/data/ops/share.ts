import { UNITS } from '../../format.ts';
import type { DerivedOp } from './op.ts';

/** share: each category's % of the total of one period. A share needs the whole: one missing part leaves every share unknown. */
export const share: DerivedOp = {
  name: 'share',
  allows: ['across'],
  compute: {
    kind: 'across',
    values: (values) => {
      const complete = values.every((v) => v !== null);
      const total = complete ? values.reduce((a, b) => a! + b!, 0)! : 0;
      return values.map((v) => (complete && total !== 0 ? (v! / total) * 100 : null));
    },
  },
  unit: () => UNITS.pct,
  words: (d) => `the share of ${d.ofLabel} in the total`,
};
