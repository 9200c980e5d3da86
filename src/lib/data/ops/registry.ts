import type { DerivedOp, OpField } from './op.ts';
import { yoy } from './yoy.ts';
import { mom } from './mom.ts';
import { change } from './change.ts';
import { changeYoy } from './changeYoy.ts';
import { ytd } from './ytd.ts';
import { rolling12 } from './rolling12.ts';
import { diff } from './diff.ts';
import { share } from './share.ts';
import { index } from './indexOp.ts';
import { rank } from './rank.ts';
import { sum } from './sum.ts';
import { mean } from './mean.ts';
import { last } from './last.ts';

/**
 * Every derived op, one line each, in the order the guide and the schema
 * list them. A new op is one module beside these and one line here.
 */
export const OPS = [yoy, mom, change, changeYoy, ytd, rolling12, diff, share, index, rank, sum, mean, last] as const satisfies readonly DerivedOp[];

export type OpName = (typeof OPS)[number]['name'];

const BY_NAME: ReadonlyMap<string, DerivedOp> = new Map(OPS.map((op) => [op.name, op]));

/** The op an editor named; undefined for a name the schema has already refused. */
export function derivedOp(name: string | undefined): DerivedOp | undefined {
  return name === undefined ? undefined : BY_NAME.get(name);
}

/** Whether op `name` needs or allows `field`. */
export function takes(name: string, field: OpField): boolean {
  const op = BY_NAME.get(name);
  return op !== undefined && (op.needs?.includes(field) === true || op.allows?.includes(field) === true);
}

/** The ops that take `field`, in registry order. */
export function takers(field: OpField): string[] {
  return OPS.filter((op) => takes(op.name, field)).map((op) => op.name);
}

/** Whether op `name` gathers values into a coarser grain (sum, mean, last). */
export function isAggregation(name: string): boolean {
  return BY_NAME.get(name)?.compute.kind === 'gather';
}
