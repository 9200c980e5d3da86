import { UNITS } from '../../format.ts';
import { yearEarlierId } from '../../period.ts';
import { percentChange, type DerivedOp } from './op.ts';

/** yoy: the % change on the same period a year earlier. */
export const yoy: DerivedOp = {
  name: 'yoy',
  compute: { kind: 'row', value: (r) => percentChange(r.value(r.row), r.value(r.period(yearEarlierId(r.row.period)))) },
  unit: () => UNITS.pct,
  percentChange: 'a change of a percentage is told in percentage points: use op: change_yoy',
  direction: true,
  words: (d) => `the change in ${d.ofLabel} on a year earlier`,
};
