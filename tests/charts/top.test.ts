import { describe, expect, test } from 'vitest';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { checkChart, FIXTURE_SECTION, fixtureChart } from '../fixtures/charts.ts';

// US states (a table without periods), share prices 2000–2010 and disaster deaths 1900–2017, all from vega-datasets.
describe('top: N, chosen by the data', () => {
  test('a ranking keeps its N largest categories, largest first', () => {
    const chart = fixtureChart('states', { data: 'states.population', type: 'barX', x: 'state', top: 5 });
    expect(describeChart(chart)).toBe('Bar chart of population (people), 5 states. California 39,250,017 people, Texas 27,862,596 people, Florida 20,612,439 people, New York 19,745,289 people, Illinois 12,801,539 people.');
  });

  test('a chart over time keeps the N series highest in the latest period drawn', () => {
    const series = (spec: Record<string, unknown>) => [...new Set(fixtureChart('stocks', { data: 'prices.price', series: 'symbol', ...spec }).data.map((d) => d.series))].sort();
    expect(series({ top: 2 })).toEqual(['AAPL', 'GOOG']);
    // In January 2005 IBM (US$86) and Google (US$195) led.
    expect(series({ top: 2, to: '2005-01' })).toEqual(['GOOG', 'IBM']);
  });

  test('a tie at the cut, a total among the parts and a chart without categories are refused at top:', () => {
    expect(checkChart('states', '  data: states.hurricanes\n  type: barX\n  x: state\n  top: 9\n')[0]).toMatch(/^content\/fixture\/01-chart\.md:6:8 {2}top: 9 cuts between \w[\w ]* and \w[\w ]*, which tie \(\d+\) — show top: 10 or top: 8/);
    expect(checkChart('disasters', '  data: deaths.deaths\n  series: type\n  top: 3\n')).toEqual([
      `${FIXTURE_SECTION}:5:8  top: 3 ranks each type, and "All natural disasters" is the sum of the other type values in each of 115 periods: it would always rank first — declare it in dataset.yaml, type: { type: category, total: All natural disasters }, and shares, ranks and stacks leave it out; or delete its rows from data/disasters/deaths.csv`,
    ]);
    expect(checkChart('stocks', '  data: prices.price\n  where: { symbol: AAPL }\n  top: 3\n')).toEqual([
      `${FIXTURE_SECTION}:5:8  top: 3 picks categories, and this chart has none along x or as series — put a category column (symbol) in x: or series:, or delete top:`,
    ]);
  });

  test('a declared total is left out of the ranking', () => {
    const declared = { 'dataset.yaml': (text: string) => text.replace('type: { type: category, label: Type }', 'type: { type: category, label: Type, total: All natural disasters }') };
    expect(checkChart('disasters', '  data: deaths.deaths\n  series: type\n  top: 3\n', declared)).toEqual([]);
  });
});
