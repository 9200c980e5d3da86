import { describe, expect, test } from 'vitest';
import { OPS, derivedOp, isAggregation, takers, takes } from '../../src/lib/data/ops/registry.ts';
import { fieldProblem } from '../../src/lib/data/ops/fields.ts';
import { DERIVATIONS, derivedSchema } from '../../src/lib/data/schema.ts';

describe('the derived-op registry', () => {
  test('names each op once, and the schema accepts exactly those names', () => {
    const names = OPS.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    expect(DERIVATIONS).toEqual(names);
    for (const name of names) expect(derivedSchema.safeParse({ op: name, of: 'x' }).success, name).toBe(true);
    expect(derivedSchema.safeParse({ op: 'median', of: 'x' }).success).toBe(false);
  });

  test('every field an op needs or allows is a field of a derived measure', () => {
    const fields = Object.keys(derivedSchema.shape);
    for (const op of OPS) for (const field of [...(op.needs ?? []), ...(op.allows ?? [])]) expect(fields, `${op.name} takes ${field}`).toContain(field);
  });

  test('an op gathers into a coarser grain exactly when it needs to:', () => {
    for (const op of OPS) expect(isAggregation(op.name), op.name).toBe(takes(op.name, 'to'));
  });

  test('a field no op of that name takes is refused, with a hint naming the ops that take it', () => {
    const problem = fieldProblem('monthly', 'growth', 'yoy', 'across', true);
    expect(problem?.field).toBe('across');
    expect(problem?.hint).toBe(`delete across:, or use op: ${takers('across').join(' or ')}`);
    expect(takers('across').length).toBeGreaterThan(0);
    expect(fieldProblem('monthly', 'growth', 'yoy', 'across', false)).toBeUndefined();
  });

  test('a field an op needs is asked for at the measure when it is missing', () => {
    const needing = OPS.find((op) => op.needs?.length)!;
    const field = needing.needs![0];
    const problem = fieldProblem('monthly', 'm', needing.name, field, false);
    expect(problem).toMatchObject({ message: `table monthly: derived "m" uses op ${needing.name} without "${field}"` });
    expect(problem?.field).toBeUndefined();
  });

  test('each op says in words what it computed, naming the measure', () => {
    for (const op of OPS) expect(op.words({ op: op.name, ofLabel: 'Exports', minus: 'imports', minusLabel: 'Imports', to: 'year' }), op.name).toContain('Exports');
    expect(derivedOp('no-such-op')).toBeUndefined();
  });
});

describe('the ops compute', () => {
  const across = (name: string, values: (number | null)[]) => {
    const compute = derivedOp(name)!.compute;
    if (compute.kind !== 'across') throw new Error(`${name} is not computed across`);
    return compute.values(values);
  };

  test('a share needs every part; a rank shares places between equal values', () => {
    expect(across('share', [1, 3])).toEqual([25, 75]);
    expect(across('share', [1, null])).toEqual([null, null]);
    expect(across('rank', [5, 9, 5, null, 1])).toEqual([2, 1, 2, null, 4]);
  });
});
