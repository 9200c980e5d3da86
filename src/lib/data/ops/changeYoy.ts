import { yearEarlierId } from '../../period.ts';
import { pointsOf } from './change.ts';
import { difference, type DerivedOp } from './op.ts';

/** change_yoy: the difference from the same period a year earlier. */
export const changeYoy: DerivedOp = {
  name: 'change_yoy',
  compute: { kind: 'row', value: (r) => difference(r.value(r.row), r.value(r.period(yearEarlierId(r.row.period)))) },
  unit: pointsOf,
  direction: true,
  words: (d) => `the difference in ${d.ofLabel} from a year earlier`,
};
