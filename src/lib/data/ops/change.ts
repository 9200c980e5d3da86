import { UNITS, type Unit } from '../../format.ts';
import { difference, type DerivedOp } from './op.ts';

/** A difference of percentages is in percentage points; of anything else, in its own unit. */
export const pointsOf = (of: Unit | null): Unit | null => (of?.kind === 'pct' ? UNITS.pp : of);

/** change: the difference from the period just before. */
export const change: DerivedOp = {
  name: 'change',
  compute: { kind: 'row', value: (r) => (r.previous ? difference(r.value(r.row), r.value(r.previous)) : null) },
  unit: pointsOf,
  direction: true,
  words: (d) => `the difference in ${d.ofLabel} from the previous period`,
};
