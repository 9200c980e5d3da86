import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { CLIMATE, climateProject, checkClimate, editClimate } from '../fixtures/climate.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { parseTable } from '../../src/lib/data/parseTable.ts';
import { tableSchema } from '../../src/lib/data/schema.ts';
import { Problems } from '../../src/lib/problems.ts';

const YAML = 'data/air/dataset.yaml';

function lifespan() {
  const { stories, problems } = checkProject(climateProject());
  expect(problems).toEqual([]);
  const table = stories[0].dataset.tables.get('lifespan')!;
  const at = (period: string, country: string) => table.rows.find((r) => r.period.id === period && r.categories.country === country)!.values;
  return { table, at };
}

describe('derived measures beyond percentages', () => {
  test('absolute change on the previous period, in the column\'s unit', () => {
    const { table, at } = lifespan();
    expect(at('2001', 'Japan').life_change).toBe(0.3);
    expect(at('2000', 'Japan').life_change).toBeNull();
    expect(table.measures.get('life_change')!.unit!.name).toBe('years');
  });

  test('index to a base period = 100', () => {
    const { at } = lifespan();
    expect(at('2000', 'Chile').life_index).toBe(100);
    expect(at('2002', 'Chile').life_index).toBeCloseTo((77.5 / 76.8) * 100, 6);
  });

  test('rank among the categories of one period, 1 the largest', () => {
    const { at } = lifespan();
    expect(at('2000', 'Japan').life_rank).toBe(1);
    expect(at('2000', 'Chile').life_rank).toBe(2);
  });

  test('share of the period\'s total in per cent; unknown when a part is missing', () => {
    const { table, at } = lifespan();
    expect(at('2000', 'Japan').people_share).toBe(25);
    expect(at('2001', 'Chile').people_share).toBe(70);
    expect(at('2002', 'Japan').people_share).toBeNull();
    expect(table.measures.get('people_share')!.unit!.name).toBe('pct');
  });

  test('the change of a percentage is in percentage points', () => {
    const spec = tableSchema.parse({
      file: 'r.csv', title: 'Rates',
      columns: { period: { type: 'period' }, rate: { type: 'number', unit: 'pct' } },
      derived: { rate_change: { op: 'change_yoy', of: 'rate' } },
    });
    const problems = new Problems();
    const table = parseTable('r', spec, 'data/t/r.csv', 'period,rate\n2024-Q1,4.5\n2024-Q2,4.1\n2025-Q1,3.9\n2025-Q2,\n', problems);
    expect(problems.list).toEqual([]);
    expect(table.measures.get('rate_change')!.unit!.name).toBe('pp');
    expect(table.rows.find((r) => r.period.id === '2025-Q1')!.values.rate_change).toBeCloseTo(-0.6, 9);
    expect(table.rows.find((r) => r.period.id === '2025-Q2')!.values.rate_change).toBeNull();
  });

  test('running totals work on days, and a missing day leaves them unknown', () => {
    const spec = tableSchema.parse({
      file: 'w.csv', title: 'Rain',
      columns: { date: { type: 'period' }, rain: { type: 'number', unit: 'tonnes' } },
      derived: { rain_ytd: { op: 'ytd', of: 'rain' } },
    });
    const problems = new Problems();
    const table = parseTable('w', spec, 'data/t/w.csv', 'date,rain\n2015-12-31,9\n2016-01-01,1\n2016-01-02,2\n2016-01-04,4\n', problems);
    expect(problems.list).toEqual([]);
    expect(table.rows.map((r) => r.values.rain_ytd)).toEqual([null, 1, 3, null]);
  });

  test('a percentage change of a percentage is refused, with a hint to the absolute change', () => {
    const yaml = CLIMATE[YAML].replace('unit: usd_m, label: Spending }', 'unit: pct, label: Employment rate }').replace('      life_rank:', '      people_yoy: { op: yoy, of: people }\n      life_rank:');
    const problems = checkProject(climateProject({ [YAML]: yaml })).problems.map(formatProblem);
    expect(problems).toEqual([
      `${YAML}:39:25  table lifespan: derived "people_yoy" takes a percentage change of "people", which is itself in % — a change of a percentage is told in percentage points: use op: change_yoy`,
    ]);
  });

  test.each([
    ['sum', 'use op: mean (the average over the period) or op: last (the figure at its end)'],
    ['ytd', 'drop the measure, or take the running total of the amounts the rate is computed from'],
    ['rolling12', 'drop the measure, or take the rolling sum of the amounts the rate is computed from'],
  ])('op: %s over a percentage is refused at its op: percentages are not added up', (op, hint) => {
    const to = op === 'sum' ? ', to: year' : '';
    const yaml = CLIMATE[YAML].replace('unit: usd_m, label: Spending }', 'unit: pct, label: Employment rate }').replace('      life_rank:', `      people_total: { op: ${op}, of: people${to} }\n      life_rank:`);
    const problems = checkProject(climateProject({ [YAML]: yaml })).problems.map(formatProblem);
    expect(problems).toEqual([
      `${YAML}:39:27  table lifespan: derived "people_total" adds up "people", which is in %: a sum of percentages means nothing — rates and percentages are not added up: ${hint}`,
    ]);
    const mean = CLIMATE[YAML].replace('unit: usd_m, label: Spending }', 'unit: pct, label: Employment rate }').replace('      life_rank:', '      people_mean: { op: mean, of: people, to: year }\n      life_rank:');
    expect(checkProject(climateProject({ [YAML]: mean })).problems.map(formatProblem).filter((p) => p.includes('adds up'))).toEqual([]);
  });

  test('op index needs a base that is a period of the table', () => {
    expect(checkClimate(editClimate(YAML, 'base: 2000', 'base: 1990'))).toEqual([
      'data/air/lifespan.csv:1:1  derived "life_index" is indexed to 1990, a period data/air/lifespan.csv does not hold — set base: in dataset.yaml to a period of the table, from 2000 to 2002',
    ]);
  });
});
