import { describe, expect, test } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { resolveKey, valueAt } from '../../src/lib/data/keys.ts';
import { chartTable } from '../../src/lib/charts/table.ts';
import { CHART_FIXTURES } from '../fixtures/charts.ts';
import { tempProject } from '../helpers.ts';

// The disasters fixture (EM-DAT via vega-datasets, see its dataset.yaml): yearly deaths by type, 1900–2017,
// with a row only for the years a type killed anyone; "All natural disasters" has none for 1904.
const CSV = readFileSync(join(CHART_FIXTURES, 'data/disasters/deaths.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [type, year, deaths] = line.split(',');
  return { type, year: Number(year), deaths: Number(deaths) };
});
const sum = (type: string, from: number, to: number) => CSV.filter((r) => r.type === type && r.year >= from && r.year <= to).reduce((a, r) => a + r.deaths, 0);

const COLUMN = '      type: { type: category, label: Type }';
const DERIVED = '    derived:\n      per_decade: { op: sum, of: deaths, to: decade, label: Deaths in the decade }\n      mean_decade: { op: mean, of: deaths, to: decade, label: Yearly deaths (decade average) }\n      since_1900: { op: sum, of: deaths, to: all, label: Deaths 1900–2017 }\n';

/** The disasters project with the gathered measures, a story whose one section is `section` (frontmatter and text); `absent` adds absent: zero. */
function project(section: string, absent = false) {
  const root = tempProject({
    'content/decades/index.md': '---\ntitle: Decades\npublished: 2025-01-01\ndataset: disasters\n---\n',
    'content/decades/01-toll.md': section,
  });
  cpSync(join(CHART_FIXTURES, 'data/disasters'), join(root, 'data/disasters'), { recursive: true });
  const file = join(root, 'data/disasters/dataset.yaml');
  let yaml = readFileSync(file, 'utf8').replace(COLUMN, '      type: { type: category, label: Type, total: All natural disasters }').trimEnd() + '\n' + DERIVED;
  if (absent) yaml = yaml.replace('    file: deaths.csv\n', '    file: deaths.csv\n    absent: zero\n');
  writeFileSync(file, yaml);
  return checkProject(root);
}

const CHART = '---\nchart:\n  data: deaths.per_decade\n  type: bar\n  where: { type: All natural disasters }\n  title: Deaths by decade\n---\n\n';

function lookup(absent: boolean, key: string, at: string | undefined, type: string): number | null {
  const { stories, problems } = project(`${CHART}Text.\n`, absent);
  expect(problems.map(formatProblem)).toEqual([]);
  const resolved = resolveKey(stories[0].dataset, key);
  if (!resolved.ok) throw new Error(resolved.message);
  const found = valueAt(resolved.value, at, { type: [type] });
  return found.ok ? found.value.value : null;
}

describe('gathering years into decades (to: decade)', () => {
  test('a decade\'s total is the sum of its ten years', () => {
    expect(CSV.filter((r) => r.type === 'All natural disasters' && r.year >= 1920 && r.year <= 1929)).toHaveLength(10);
    expect(lookup(false, 'deaths.per_decade', '1920s', 'All natural disasters')).toBe(sum('All natural disasters', 1920, 1929));
    expect(lookup(false, 'deaths.mean_decade', '1920s', 'All natural disasters')).toBeCloseTo(sum('All natural disasters', 1920, 1929) / 10, 6);
  });

  test('a decade missing a year, or the one the table ends in part-way, has no total', () => {
    expect(CSV.some((r) => r.type === 'All natural disasters' && r.year === 1904)).toBe(false);
    expect(lookup(false, 'deaths.per_decade', '1900s', 'All natural disasters')).toBeNull();
    expect(lookup(false, 'deaths.per_decade', '2010s', 'All natural disasters')).toBeNull();
    // absent: zero counts 1904 as none, but 2018 and 2019 lie past the table's end.
    expect(lookup(true, 'deaths.per_decade', '1900s', 'All natural disasters')).toBe(sum('All natural disasters', 1900, 1909));
    expect(lookup(true, 'deaths.mean_decade', '1900s', 'All natural disasters')).toBeCloseTo(sum('All natural disasters', 1900, 1909) / 10, 6);
    expect(lookup(true, 'deaths.per_decade', '2010s', 'All natural disasters')).toBeNull();
  });

  test('"the deadliest decade" is a checked claim, and a wrong one is refused', () => {
    // The 1920s: 3.2 million deaths, more than any other whole decade the table holds.
    const decades = [1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000].map((d) => [d, sum('All natural disasters', d, d + 9)] as const);
    const [top] = [...decades].sort((a, b) => b[1] - a[1]);
    expect(top[0]).toBe(1920);
    const fact = (at: string, value: number) => `${CHART}The deadliest decade was the ${at}: :fact[${value.toLocaleString('en-US')} deaths]{key=deaths.per_decade at=${at} type="All natural disasters" claim=highest}.\n`;
    expect(project(fact('1920s', top[1])).problems.map(formatProblem)).toEqual([]);
    const second = decades.find(([d]) => d === 1930)!;
    const problems = project(fact('1930s', second[1])).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/claim=highest/);
    expect(problems[0]).toMatch(/1920s/);
  });

  test('a chart of decades draws one bar per decade, labelled as decades', () => {
    const { stories, problems } = project(`${CHART}Text.\n`);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(chartTable(stories[0].sections[0].chart!).rows.map((r) => r.label)).toEqual(['1900s', '1910s', '1920s', '1930s', '1940s', '1950s', '1960s', '1970s', '1980s', '1990s', '2000s', '2010s']);
  });
});

describe('a total over the whole table (to: all)', () => {
  test('without absent: zero, a type with a year missing has no total; with it, the total is the sum of its rows', () => {
    expect(lookup(false, 'deaths.since_1900', undefined, 'Drought')).toBeNull();
    expect(lookup(true, 'deaths.since_1900', undefined, 'Drought')).toBe(sum('Drought', 1900, 2017));
    expect(lookup(true, 'deaths.since_1900', undefined, 'Earthquake')).toBe(sum('Earthquake', 1900, 2017));
  });

  test('types ranked by their total since 1900: a barX and a checked "deadliest type"', () => {
    const totals = [...new Set(CSV.map((r) => r.type))].filter((t) => t !== 'All natural disasters').map((t) => [t, sum(t, 1900, 2017)] as const).sort((a, b) => b[1] - a[1]);
    expect(totals[0][0]).toBe('Drought');
    const ranking = `---\nchart:\n  data: deaths.since_1900\n  type: barX\n  x: type\n  title: Deaths by type of disaster, 1900–2017\n---\n\n`;
    const text = (type: string, value: number) => `${ranking}${type}s killed the most: :fact[${value.toLocaleString('en-US')} deaths]{key=deaths.since_1900 type="${type}" claim=highest}.\n`;
    const { stories, problems } = project(text(totals[0][0], totals[0][1]), true);
    expect(problems.map(formatProblem)).toEqual([]);
    // Largest first: the declared total is a category of its own, drawn unless filtered out.
    expect(chartTable(stories[0].sections[0].chart!).rows.slice(0, 2).map((r) => r.label)).toEqual(['All natural disasters', 'Drought']);
    const wrong = project(text(totals[1][0], totals[1][1]), true).problems.map(formatProblem);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/claim=highest/);
  });
});
