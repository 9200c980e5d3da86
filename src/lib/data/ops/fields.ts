import { either } from '../../catalogue.ts';
import { GATHERINGS } from '../gatherings/registry.ts';
import { derivedOp, takers, takes } from './registry.ts';
import type { OpField } from './op.ts';

/** For each field an op may take: how to add it when it is missing, and what the ops that take it do with it. */
const FIELDS: Record<OpField, { add: string; purpose: string }> = {
  base: { add: 'add base: <period> (the period whose value is 100), e.g. base: 2000', purpose: '' },
  across: { add: 'add across: <category column>', purpose: '' },
  minus: { add: 'add minus: <measure> (balance: of exports, minus imports)', purpose: ' to subtract it' },
  to: { add: `add to: ${Object.keys(GATHERINGS).join(', ')}: the grain the values are gathered into (all: over the whole table)`, purpose: ' to gather the values into a coarser grain' },
};

/** A field problem of one derived measure: where it lies (the measure, or its field) and what to say. */
export interface FieldProblem {
  field?: OpField;
  message: string;
  hint: string;
}

/**
 * Whether derived measure `name` gives `field` as its op asks: a field the
 * op needs and lacks, or one it does not take, is a problem.
 */
export function fieldProblem(table: string, name: string, op: string, field: OpField, given: boolean): FieldProblem | undefined {
  const declared = derivedOp(op);
  if (!declared) return undefined;
  if (!given && declared.needs?.includes(field)) {
    return { message: `table ${table}: derived "${name}" uses op ${op} without "${field}"`, hint: FIELDS[field].add };
  }
  if (given && !takes(op, field)) {
    return { field, message: `table ${table}: derived "${name}" has "${field}" but op ${op} takes none`, hint: `delete ${field}:, or use op: ${either(takers(field))}${FIELDS[field].purpose}` };
  }
  return undefined;
}
