import { beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE } from '../helpers.ts';
import { checkProject } from '../../src/lib/site.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { shownDigits, type ChartData, type Datum } from '../../src/lib/charts/chartData.ts';
import { formatValue } from '../../src/lib/format.ts';
import { fixtureChart } from '../fixtures/charts.ts';

/** A datum's value as descriptions print it. */
const shown = (d: Datum, chart: ChartData) => formatValue(d.y!, chart.unit, undefined, shownDigits(d));

let charts: Map<string, ChartData>;

beforeAll(() => {
  const { stories, problems } = checkProject(FIXTURE);
  expect(problems).toEqual([]);
  charts = new Map(stories.find((s) => s.slug === 'surplus')!.charts.map((c) => [c.section.id, c.chart]));
});

describe('describeChart()', () => {
  test('names the kind of chart, the measure, the unit and the span drawn', () => {
    const chart = charts.get('united-states')!;
    const text = describeChart(chart);
    const drawn = chart.data.filter((d) => d.y !== null);
    expect(text).toMatch(/^Bar chart of /);
    expect(text).toContain(chart.measures[0].label.toLowerCase());
    expect(text).toContain('(per cent)');
    expect(text).toContain(`${drawn[0].label} to ${drawn.at(-1)!.label}`);
  });

  test('gives each series its first, last, highest and lowest values, from the data', () => {
    const chart = charts.get('united-states')!;
    const text = describeChart(chart);
    const drawn = chart.data.filter((d) => d.y !== null);
    const low = drawn.reduce((a, b) => (b.y! < a.y! ? b : a));
    const high = drawn.reduce((a, b) => (b.y! > a.y! ? b : a));
    expect(text).toContain(`lowest ${shown(low, chart)} in ${low.label}`);
    expect(text).toContain(`highest ${shown(high, chart)} in ${high.label}`);
    const below = drawn.filter((d) => d.y! < 0).length;
    expect(text).toContain(`Below zero in ${below} of ${drawn.length} periods.`);
  });

  test('states the highlighted values, and every series of a chart split by year', () => {
    const trillion = charts.get('trillion')!;
    const highlighted = trillion.data.filter((d) => d.highlight);
    expect(highlighted.length).toBeGreaterThan(0);
    const text = describeChart(trillion);
    for (const d of highlighted) expect(text).toContain(`Highlighted: ${d.label}, ${shown(d, trillion)}`);
    for (const year of new Set(trillion.data.map((d) => d.series))) expect(text).toContain(`${year}: `);
    expect(text).toContain('by month of the year');
  });

  test('prints reported figures as their source wrote them, computed ones to one decimal', () => {
    const trillion = describeChart(charts.get('trillion')!);
    expect(trillion).toContain('US$1,076 billion in Jan–Nov 2025');
    expect(trillion).not.toMatch(/\.0 billion/);
    const surplus = describeChart(charts.get('monthly-surplus')!);
    expect(surplus).toContain('Highlighted: Nov 2025, US$111.68 billion.');
    // The running sum adds floating-point figures: printed to one decimal, no more.
    expect(describeChart(charts.get('running-total')!)).toContain('US$1,080.1 billion in Nov 2025');
  });

  test('names the periods without a figure when there are only a few', () => {
    const trillion = charts.get('trillion')!;
    const missing = trillion.data.filter((d) => d.y === null).map((d) => d.label);
    expect(missing.length).toBeGreaterThan(1);
    expect(describeChart(trillion)).toContain(`No figure for ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}.`);
  });

  test('lists categories from largest to smallest and names a missing one', () => {
    const chart = charts.get('other-markets')!;
    const text = describeChart(chart);
    const sorted = chart.data.filter((d) => d.y !== null).sort((a, b) => b.y! - a.y!);
    const positions = sorted.map((d) => text.indexOf(`${d.label} ${shown(d, chart)}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const missing = chart.data.filter((d) => d.y === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(text).toContain(`No figure for ${missing[0].label}.`);
  });
});

describe('describeChart() counts series', () => {
  test('one year split by year is "1 year", several are "years"', () => {
    const spec = { data: 'industries.rate', x: 'month', series: 'year' };
    expect(describeChart(fixtureChart('jobs', { ...spec, where: { industry: 'Construction', year: [2009] } }))).toContain(', 1 year, by month of the year');
    expect(describeChart(fixtureChart('jobs', { ...spec, where: { industry: 'Construction', year: [2008, 2009] } }))).toContain(', 2 years, by month of the year');
  });
});

describe('describeChart() on a seasonal series', () => {
  const construction = (from: string, to: string) => fixtureChart('jobs', { data: 'industries.rate', where: { industry: 'Construction' }, from, to });

  test('tells a series that rises and falls with the year by its peak and trough months and its extremes', () => {
    const chart = construction('2003-01', '2006-12');
    const drawn = chart.data.filter((d) => d.y !== null);
    const byMonth = (month: number) => drawn.filter((d) => d.period.from === month).reduce((sum, d) => sum + d.y!, 0);
    const months = Array.from({ length: 12 }, (_, i) => i + 1).sort((a, b) => byMonth(b) - byMonth(a));
    const name = (month: number) => new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    const high = drawn.reduce((a, b) => (b.y! > a.y! ? b : a));
    const low = drawn.reduce((a, b) => (b.y! < a.y! ? b : a));
    const text = describeChart(chart);
    expect(text).toContain(`Rises and falls with the time of year, on average highest in ${name(months[0])} and lowest in ${name(months[11])}`);
    expect(text).toContain(`highest ${shown(high, chart)} in ${high.label}, lowest ${shown(low, chart)} in ${low.label}.`);
    expect(text).not.toMatch(/(Rises|Falls) from/);
  });

  test('keeps the first-to-last reading where a trend, not the season, moves the series', () => {
    // The same industry over the whole decade, recession included, and one year alone.
    expect(describeChart(construction('2000-01', '2010-02'))).toMatch(/Rises from [\d.]+% in Jan 2000 to/);
    expect(describeChart(construction('2005-01', '2005-12'))).not.toContain('time of year');
  });
});

describe('describeChart() counts values below zero', () => {
  test('in the grain of the table: "1 of 3 months"', async () => {
    const { miniProject } = await import('../fixtures/mini.ts');
    const { loadDataset } = await import('../../src/lib/data/loadDataset.ts');
    const { chartData } = await import('../../src/lib/charts/chartData.ts');
    const { Problems } = await import('../../src/lib/problems.ts');
    const { chartSchema } = await import('../../src/lib/story/schema.ts');
    const root = miniProject({ 'data/trade/monthly.csv': 'period,exports,imports,note\n2025-03,15,9,\n2025-04,8,10,\n2025-05,17,10,\n' });
    const result = chartData(loadDataset(root, 'trade', new Problems())!, chartSchema.parse({ title: 't', data: 'monthly.balance' }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(describeChart(result.chart)).toContain('Below zero in 1 of 3 months.');
  });
});

describe('makeFigure()', () => {
  test('uses the editor\'s chart.description instead of the generated one', () => {
    const chart = charts.get('chips')!;
    const own = { ...chart, spec: { ...chart.spec, description: 'Two bars: chip exports grew faster in November.' } };
    expect(makeFigure('x', own, 'Customs').description).toBe('Two bars: chip exports grew faster in November.');
    expect(makeFigure('x', chart, 'Customs').description).toBe(describeChart(chart));
  });
});
