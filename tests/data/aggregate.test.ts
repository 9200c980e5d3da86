import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { resolveKey, valueAt, listKeys, type Filter } from '../../src/lib/data/keys.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import type { Dataset } from '../../src/lib/data/model.ts';
import { SEASONS, SEASONS_YAML, seasonsProject } from '../fixtures/seasons.ts';

function dataset(): Dataset {
  const { stories, problems } = checkProject(seasonsProject());
  expect(problems.map(formatProblem)).toEqual([]);
  return stories[0].dataset;
}

/** The value of `key` at `at`, or null when the lookup fails. */
function at(data: Dataset, key: string, period: string, filter: Filter = {}): number | null {
  const resolved = resolveKey(data, key);
  if (!resolved.ok) throw new Error(resolved.message);
  const found = valueAt(resolved.value, period, filter);
  return found.ok ? found.value.value : null;
}

/** The fixture CSV's cells of `column` for rows whose period starts with `prefix`. */
function cells(file: string, column: string, prefix: string, region?: string): string[] {
  const [header, ...lines] = SEASONS[file].trim().split('\n').map((line) => line.split(','));
  const c = header.indexOf(column);
  const r = header.indexOf('region');
  return lines.filter((l) => l[0].startsWith(prefix) && (region === undefined || l[r] === region)).map((l) => l[c]);
}

const total = (values: string[]) => values.reduce((sum, v) => sum + Number(v), 0);

describe('aggregation to a coarser grain', () => {
  test('a yearly sum is the sum of its twelve months', () => {
    const data = dataset();
    const months = cells('data/wet/monthly.csv', 'rain', '2023-', 'north');
    expect(months).toHaveLength(12);
    expect(at(data, 'monthly.rain_year', '2023', { region: ['north'] })).toBeCloseTo(total(months), 9);
    const south = cells('data/wet/monthly.csv', 'rain', '2023-', 'south');
    expect(at(data, 'monthly.rain_year', '2023', { region: ['south'] })).toBeCloseTo(total(south), 9);
  });

  test('a year with a missing value, a missing month or not yet over has no sum', () => {
    const data = dataset();
    expect(cells('data/wet/monthly.csv', 'rain', '2024-07', 'north')).toEqual(['']);
    expect(at(data, 'monthly.rain_year', '2024', { region: ['north'] })).toBeNull();
    expect(cells('data/wet/monthly.csv', 'rain', '2024-', 'south')).toHaveLength(11);
    expect(at(data, 'monthly.rain_year', '2024', { region: ['south'] })).toBeNull();
    expect(at(data, 'monthly.rain_mean', '2024', { region: ['south'] })).toBeNull();
    expect(at(data, 'monthly.rain_year', '2025', { region: ['north'] })).toBeNull();
  });

  test('a mean is the sum over the number of months', () => {
    const data = dataset();
    const months = cells('data/wet/monthly.csv', 'rain', '2023-', 'south');
    expect(at(data, 'monthly.rain_mean', '2023', { region: ['south'] })).toBeCloseTo(total(months) / 12, 9);
  });

  test('last is the closing month\'s value, and missing when that month is', () => {
    const data = dataset();
    const december = cells('data/wet/monthly.csv', 'level', '2023-12', 'north');
    expect(at(data, 'monthly.level_end', '2023', { region: ['north'] })).toBe(Number(december[0]));
    // North lacks July's rain, not its level: the year still closes.
    expect(at(data, 'monthly.level_end', '2024', { region: ['north'] })).toBe(Number(cells('data/wet/monthly.csv', 'level', '2024-12', 'north')[0]));
    expect(at(data, 'monthly.level_end', '2024', { region: ['south'] })).toBeNull();
    expect(at(data, 'monthly.level_end', '2025', { region: ['south'] })).toBeNull();
  });

  test('months gather into quarters', () => {
    const data = dataset();
    const q2 = ['2024-04', '2024-05', '2024-06'].flatMap((m) => cells('data/wet/monthly.csv', 'rain', m, 'north'));
    expect(at(data, 'monthly.rain_quarter', '2024-Q2', { region: ['north'] })).toBeCloseTo(total(q2), 9);
    expect(at(data, 'monthly.rain_quarter', '2024-Q3', { region: ['north'] })).toBeNull();
    expect(at(data, 'monthly.rain_quarter', '2025-Q1', { region: ['south'] })).not.toBeNull();
  });

  test('a span counts as its months in a sum; a mean over a span is missing', () => {
    const data = dataset();
    expect(at(data, 'releases.sales_year', '2024')).toBe(30 + total(cells('data/wet/releases.csv', 'sales', '2024-').slice(1)));
    expect(at(data, 'releases.sales_mean', '2024')).toBeNull();
  });

  test('days gather into months; a missing day leaves the month without a sum', () => {
    const data = dataset();
    expect(at(data, 'days.flow_month', '2024-02')).toBe((29 * 30) / 2);
    expect(at(data, 'days.flow_last', '2024-02')).toBe(29);
    expect(at(data, 'days.flow_month', '2024-03')).toBeNull();
    expect(at(data, 'days.flow_last', '2024-03')).toBe(62);
  });

  test('quarters gather into years', () => {
    const data = dataset();
    expect(at(data, 'quarters.output_year', '2023')).toBe(46);
    expect(at(data, 'quarters.output_year', '2024')).toBeNull();
  });

  test('the aggregate has its own grain: at= must name a period of it', () => {
    const data = dataset();
    const resolved = resolveKey(data, 'monthly.rain_year');
    expect(resolved.ok && resolved.value.table.grain).toBe('year');
    const found = resolved.ok ? valueAt(resolved.value, '2023-12', { region: ['north'] }) : undefined;
    expect(found?.ok).toBe(false);
    expect(found && !found.ok && found.hint).toContain('monthly holds years');
    expect(listKeys(data)).toContain('monthly.rain_year');
    expect(resolveKey(data, 'monthly.rain_yaer')).toMatchObject({ ok: false, hint: 'did you mean "monthly.rain_year"?' });
  });

  test('a chart draws the aggregate by year', () => {
    const data = dataset();
    const result = chartData(data, { data: 'monthly.rain_year', type: 'bar', series: 'region', title: 'Rain' } as never);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const north = result.chart.data.filter((d) => d.series === 'north');
    expect(north.map((d) => d.y === null ? null : Math.round(d.y))).toEqual([Math.round(total(cells('data/wet/monthly.csv', 'rain', '2023-', 'north'))), null, null]);
  });

  test('a chart cannot mix the aggregate with the table\'s own measures', () => {
    const result = chartData(dataset(), { data: ['monthly.rain', 'monthly.rain_year'], type: 'line', title: 'Rain' } as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toBe('chart keys mix months and years of table monthly');
  });

  test('a fact checks against the aggregate', () => {
    const sum = total(cells('data/wet/monthly.csv', 'rain', '2023-', 'north')).toFixed(1);
    const story = SEASONS['content/wet/01-years.md'].replace(':value{key=monthly.rain_year at=2023 region=north}', `:fact[${sum} mm]{key=monthly.rain_year at=2023 region=north}`);
    expect(checkProject(seasonsProject({ 'content/wet/01-years.md': story })).problems.map(formatProblem)).toEqual([]);
    const wrong = story.replace(`:fact[${sum} mm]`, ':fact[1.0 mm]');
    expect(checkProject(seasonsProject({ 'content/wet/01-years.md': wrong })).problems.map(formatProblem).join('\n')).toContain('content/wet/01-years.md');
  });
});

describe('aggregation faults, at dataset.yaml', () => {
  const check = (from: string, to: string) => {
    const yaml = SEASONS[SEASONS_YAML];
    if (!yaml.includes(from)) throw new Error(`no ${from}`);
    return checkProject(seasonsProject({ [SEASONS_YAML]: yaml.replace(from, to) })).problems.map(formatProblem);
  };
  const lineOf = (text: string) => SEASONS[SEASONS_YAML].split('\n').findIndex((l) => l.includes(text)) + 1;

  test('an unknown grain', () => {
    const problems = check('to: year, label: Rainfall in the year', 'to: century, label: Rainfall in the year');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${SEASONS_YAML}:${lineOf('rain_year:')}:`));
    expect(problems[0]).toContain('year');
  });

  test('a grain not coarser than the column\'s', () => {
    expect(check('output_year: { op: sum, of: output, to: year }', 'output_year: { op: sum, of: output, to: month }')).toEqual([
      `${SEASONS_YAML}:${lineOf('output_year:')}:47  table quarters: derived "output_year" gathers quarters into months, a grain that is not coarser — data/wet/quarters.csv holds quarters: write to: year or decade or all`,
    ]);
  });

  test('an op on a column that is not a number', () => {
    expect(check('op: sum, of: output', 'op: sum, of: period')).toEqual([
      `${SEASONS_YAML}:${lineOf('output_year:')}:35  table quarters: derived "output_year" takes op sum of "period", a period column, not a number column — name a number column: output`,
    ]);
  });

  test('sum without to, and to on another op', () => {
    expect(check('{ op: sum, of: output, to: year }', '{ op: sum, of: output }')).toEqual([
      `${SEASONS_YAML}:${lineOf('output_year:')}:20  table quarters: derived "output_year" uses op sum without "to" — add to: month, quarter, year, decade, all: the grain the values are gathered into (all: over the whole table)`,
    ]);
    expect(check('{ op: sum, of: output, to: year }', '{ op: change, of: output, to: year }')).toEqual([
      `${SEASONS_YAML}:${lineOf('output_year:')}:50  table quarters: derived "output_year" has "to" but op change takes none — delete to:, or use op: sum, mean or last to gather the values into a coarser grain`,
    ]);
  });
});
