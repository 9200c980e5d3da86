import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { listKeys, resolveKey, valueAt } from '../../src/lib/data/keys.ts';
import { Problems } from '../../src/lib/problems.ts';
import { FIXTURE, tempProject, expectProblem } from '../helpers.ts';

const YAML = 'data/d/dataset.yaml';

function load(yaml: string, csv = 'period,x\n2025-01,1\n') {
  const root = tempProject({ [YAML]: yaml, 'data/d/t.csv': csv });
  const problems = new Problems();
  const dataset = loadDataset(root, 'd', problems);
  return { dataset, problems: problems.sorted() };
}

const HEAD = 'title: T\npublisher: P\nsource: S\nlicence: L\nsources: [{ name: N, url: "https://example.org" }]\n';

describe('loadDataset()', () => {
  test('loads the fixture trade dataset without a problem', () => {
    const problems = new Problems();
    const dataset = loadDataset(FIXTURE, 'trade', problems);
    expect(problems.sorted()).toEqual([]);
    expect(listKeys(dataset!)).toEqual(expect.arrayContaining(['monthly.exports', 'ytd.balance', 'destinations.exports_yoy', 'commodities.quantity']));
  });

  test('reports an unknown field with its line and a suggestion', () => {
    const { problems } = load(HEAD + 'tables:\n  t:\n    file: t.csv\n    title: T\n    colums: {}\n');
    expectProblem(problems, YAML, 10, 'unknown field "tables.t.colums"', 'did you mean "columns"?');
  });

  test('reports an unknown unit with the valid ones', () => {
    const { problems } = load(HEAD + 'tables:\n  t:\n    file: t.csv\n    title: T\n    columns:\n      period: { type: period }\n      x: { type: number, unit: dollars }\n');
    expectProblem(problems, YAML, 12, 'unknown unit "dollars" for column "x" — use one of usd_bn, pct, tonnes, mt, bn_units, pp, or declare "dollars" under units:');
  });

  test('reports a missing table file at the line that names it', () => {
    const { problems } = load(HEAD + 'tables:\n  t:\n    file: missing.csv\n    title: T\n    columns:\n      period: { type: period }\n');
    expectProblem(problems, YAML, 8, 'missing table file data/d/missing.csv');
  });

  test('reports malformed YAML with its own line', () => {
    const { problems } = load(HEAD + 'tables: [\n');
    expect(problems[0]).toMatchObject({ file: YAML, message: expect.stringMatching(/^malformed YAML/) });
  });
});

describe('valueAt()', () => {
  const dataset = loadDataset(FIXTURE, 'trade', new Problems())!;
  const key = (k: string) => {
    const r = resolveKey(dataset, k);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  test('finds a year-to-date total by its last month', () => {
    expect(valueAt(key('ytd.balance'), '2025-11', {})).toMatchObject({ ok: true, value: { value: 1076 } });
    expect(valueAt(key('ytd.balance'), '2025-01/11', {})).toMatchObject({ ok: true, value: { value: 1076 } });
  });

  test('keeps first-reported months and official totals apart', () => {
    expect(valueAt(key('monthly.balance_ytd'), '2025-11', {})).toMatchObject({ ok: true, value: { value: 1080.09 } });
  });

  test('says where the data runs when a period is outside it', () => {
    expect(valueAt(key('monthly.exports'), '2019-01', {})).toMatchObject({ ok: false, message: 'no monthly.exports for 2019-01', hint: 'monthly runs from 2023-01 to 2025-11' });
  });
});
