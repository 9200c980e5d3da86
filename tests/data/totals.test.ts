import { describe, expect, test } from 'vitest';
import { checkChart, fixtureChart } from '../fixtures/charts.ts';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Problems, formatProblem } from '../../src/lib/problems.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { CHART_FIXTURES } from '../fixtures/charts.ts';
import { tempProject } from '../helpers.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';

// The disasters fixture carries "All natural disasters" beside its ten types, undeclared.
const COLUMN = '      type: { type: category, label: Type }';
const SHARE = '      deaths: { type: number, unit: deaths, label: Deaths }\n    derived:\n      share: { op: share, of: deaths, across: type }\n      rank: { op: rank, of: deaths, across: type }';
const withShare = (text: string) => text.replace('      deaths: { type: number, unit: deaths, label: Deaths }', SHARE);
const declared = (text: string, total = 'All natural disasters') => withShare(text).replace(COLUMN, `      type: { type: category, label: Type, total: ${total} }`);

/** The disasters dataset with dataset.yaml edited, loaded; its problems formatted. */
function load(edit: (text: string) => string) {
  const root = tempProject();
  cpSync(join(CHART_FIXTURES, 'data/disasters'), join(root, 'data/disasters'), { recursive: true });
  const file = join(root, 'data/disasters/dataset.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const problems = new Problems();
  const dataset = loadDataset(root, 'disasters', problems);
  return { dataset, problems: problems.sorted().map(formatProblem) };
}

describe('a total row among its parts', () => {
  test('a share or a rank across a column whose one value is the sum of the others is refused at its op, with how to declare it', () => {
    const { problems } = load(withShare);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^data\/disasters\/dataset\.yaml:28:\d+ {2}table deaths: derived "share" takes a share of "deaths" across type, and "All natural disasters" is the sum of the other type values in each of 115 periods: it would count every figure twice — declare it in dataset\.yaml, type: \{ type: category, total: All natural disasters \}/);
    expect(problems[1]).toContain('derived "rank" takes a rank');
  });

  test('declared, the total has no share and no rank, and the parts share their own sum', () => {
    const { dataset, problems } = load((t) => declared(t));
    expect(problems).toEqual([]);
    const rows = dataset!.tables.get('deaths')!.rows.filter((r) => r.period.id === '2010');
    const of = (type: string) => rows.find((r) => r.categories.type === type)!.values;
    // 226,733 of the 2010 parts' 329,900: 68.7%, not the 34.4% the total row halved it to.
    expect(of('Earthquake').share).toBeCloseTo(68.73, 2);
    expect(of('Earthquake').rank).toBe(1);
    expect(of('All natural disasters').share).toBeNull();
    expect(of('All natural disasters').rank).toBeNull();
    expect(rows.reduce((sum, r) => sum + (r.values.share ?? 0), 0)).toBeCloseTo(100, 6);
  });

  test('a declared total the column never holds is refused with the nearest value', () => {
    const { problems } = load((t) => declared(t, 'All natural disaster'));
    expect(problems).toEqual([expect.stringMatching(/dataset\.yaml:\d+:\d+ {2}table deaths: total of column "type" is "All natural disaster", which data\/disasters\/deaths\.csv never holds — did you mean "All natural disasters"\?/)]);
  });

  test('total: on a column that is not a category is refused', () => {
    const { problems } = load((t) => t.replace('deaths: { type: number, unit: deaths, label: Deaths }', 'deaths: { type: number, unit: deaths, label: Deaths, total: 5 }'));
    expect(problems).toEqual([expect.stringContaining('column "deaths" has a total but is not a category column — delete total:')]);
  });

  test('a stack over an undeclared total is refused at layout:', () => {
    const problems = checkChart('disasters', '  data: deaths.deaths\n  type: area\n  series: type\n  layout: stack\n');
    expect(problems).toEqual([expect.stringMatching(/^content\/fixture\/01-chart\.md:6:11 {2}layout: stack piles each type on the others, and "All natural disasters" is the sum of the other type values in each of 115 periods: the stack would count every figure twice — declare it/)]);
  });

  test('a stack over a declared total leaves it out and says what the layers add up to', () => {
    expect(checkChart('disasters', '  data: deaths.deaths\n  type: area\n  series: type\n  layout: stack\n', { 'dataset.yaml': (t) => declared(t) })).toEqual([]);
    const { dataset } = load((t) => declared(t));
    const result = chartData(dataset!, chartSchema.parse({ data: 'deaths.deaths', type: 'area', series: 'type', layout: 'stack', title: 'Deaths' }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.chart.data.some((d) => d.series === 'All natural disasters')).toBe(false);
    expect(result.chart.data.filter((d) => d.period.id === '2010').reduce((sum, d) => sum + (d.y ?? 0), 0)).toBe(329900);
    expect(result.chart.notes).toContain('The layers add up to All natural disasters, which is not drawn as a layer of its own.');
  });

  test('lines per type, total included, are no stack and pass', () => {
    expect(checkChart('disasters', '  data: deaths.deaths\n  type: line\n  series: type\n  where: { type: [All natural disasters, Earthquake] }\n')).toEqual([]);
    const chart = fixtureChart('disasters', { data: 'deaths.deaths', type: 'line', series: 'type', where: { type: ['All natural disasters', 'Earthquake'] } });
    expect(new Set(chart.data.map((d) => d.series))).toEqual(new Set(['All natural disasters', 'Earthquake']));
  });
});
