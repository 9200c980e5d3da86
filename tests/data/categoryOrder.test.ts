import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { chartTable } from '../../src/lib/charts/table.ts';
import { plotOptions } from '../../src/lib/charts/plotOptions.ts';
import { SIZES } from '../../src/lib/charts/plotOptions.ts';
import type { Dataset } from '../../src/lib/data/model.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { SEASONS, SEASONS_YAML, seasonsProject } from '../fixtures/seasons.ts';

function dataset(): Dataset {
  const { stories, problems } = checkProject(seasonsProject());
  expect(problems.map(formatProblem)).toEqual([]);
  return stories[0].dataset;
}

function chart(fields: Record<string, unknown>) {
  const result = chartData(dataset(), chartSchema.parse({ data: 'bands.homes', title: 'Homes', ...fields }));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.chart;
}

describe('category order', () => {
  test('rows follow the declared order, not the alphabet', () => {
    const table = dataset().tables.get('bands')!;
    expect(table.rows.map((r) => `${r.categories.band} ${r.categories.region}`)).toEqual(['low north', 'low south', 'middle north', 'middle south', 'high north', 'high south']);
  });

  test('a bar chart and its data table keep the declared order', () => {
    const bars = chart({ type: 'bar', x: 'band', where: { region: 'north' } });
    expect(bars.order).toEqual(['low', 'middle', 'high']);
    expect(chartTable(bars).rows.map((r) => r.label)).toEqual(['low', 'middle', 'high']);
    expect((plotOptions(bars, SIZES.wide).x as { domain: string[] }).domain).toEqual(['low', 'middle', 'high']);
  });

  test('barX keeps the declared order too, and series come in it', () => {
    const bars = chart({ type: 'barX', x: 'band', where: { region: 'south' } });
    expect((plotOptions(bars, SIZES.wide).y as { domain: string[] }).domain).toEqual(['low', 'middle', 'high']);
    const lines = chart({ type: 'bar', x: 'region', series: 'band' });
    expect([...new Set(lines.data.map((d) => d.series))]).toEqual(['low', 'middle', 'high']);
  });

  test('sort: value and -value order by the values, summed over series', () => {
    expect(chart({ type: 'bar', x: 'band', where: { region: 'north' }, sort: 'value' }).order).toEqual(['middle', 'high', 'low']);
    const largest = chart({ type: 'barX', x: 'band', where: { region: 'north' }, sort: '-value' });
    expect((plotOptions(largest, SIZES.wide).y as { domain: string[] }).domain).toEqual(['low', 'high', 'middle']);
    expect(chartTable(largest).rows.map((r) => r.label)).toEqual(['low', 'high', 'middle']);
    // north + south: low 65, middle 60, high 40.
    expect(chart({ type: 'bar', x: 'band', series: 'region', sort: '-value' }).order).toEqual(['low', 'middle', 'high']);
    expect(chart({ type: 'bar', x: 'band', series: 'region', sort: 'value' }).order).toEqual(['high', 'middle', 'low']);
  });

  test('without a declared order, barX is largest first as before', () => {
    const bars = chart({ type: 'barX', x: 'region', where: { band: 'middle' } });
    expect(bars.order).toBeUndefined();
    expect((plotOptions(bars, SIZES.wide).y as { domain: string[] }).domain).toEqual(['south', 'north']);
    expect(chart({ type: 'barX', x: 'region', where: { band: 'middle' }, sort: 'declared' }).order).toEqual(['north', 'south']);
  });

  test('sort on a chart over time is refused', () => {
    const result = chartData(dataset(), chartSchema.parse({ data: 'monthly.rain', title: 'Rain', where: { region: 'north' }, sort: 'value' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ field: 'sort', message: 'sort orders categories, but this chart has period along x' });
  });
});

describe('category order faults, at dataset.yaml', () => {
  const check = (from: string, to: string) => {
    const yaml = SEASONS[SEASONS_YAML];
    if (!yaml.includes(from)) throw new Error(`no ${from}`);
    return checkProject(seasonsProject({ [SEASONS_YAML]: yaml.replace(from, to) })).problems.map(formatProblem);
  };
  const line = SEASONS[SEASONS_YAML].split('\n').findIndex((l) => l.includes('order: [low')) + 1;

  test('a misspelt value, with did-you-mean', () => {
    expect(check('order: [low, middle, high]', 'order: [low, midle, high]')).toEqual([
      `${SEASONS_YAML}:${line}:44  table bands: order of column "band" lists "midle", which data/wet/bands.csv never holds — did you mean "middle"?`,
    ]);
  });

  test('a value left out', () => {
    expect(check('order: [low, middle, high]', 'order: [low, high]')).toEqual([
      `${SEASONS_YAML}:${line}:38  table bands: order of column "band" leaves out "middle" — list every value of the column in data/wet/bands.csv: add middle where they belong`,
    ]);
  });

  test('a value twice, and an order on a number column', () => {
    expect(check('order: [low, middle, high]', 'order: [low, middle, high, low]')).toEqual([
      `${SEASONS_YAML}:${line}:58  table bands: order of column "band" lists "low" twice — name each value once`,
    ]);
    expect(check('homes: { type: number, unit: homes }', 'homes: { type: number, unit: homes, order: [a] }')).toEqual([
      `${SEASONS_YAML}:${line + 2}:50  table bands: column "homes" has an order but is not a category column — delete order:, or declare the column type: category`,
    ]);
  });
});
