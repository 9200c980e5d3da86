import { UNITS } from '../../format.ts';
import { percentChange, type DerivedOp } from './op.ts';

/** mom: the % change on the period just before. */
export const mom: DerivedOp = {
  name: 'mom',
  compute: { kind: 'row', value: (r) => (r.previous ? percentChange(r.value(r.row), r.value(r.previous)) : null) },
  unit: () => UNITS.pct,
  percentChange: 'a change of a percentage is told in percentage points: use op: change',
  direction: true,
  words: (d) => `the change in ${d.ofLabel} on the previous period`,
};
