import { describe, expect, test } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_CASES } from '../golden/cases.ts';
import { CHART_FIXTURES, fixtureSvg } from '../fixtures/charts.ts';
import { tempProject } from '../helpers.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { textClashes } from './textRows.ts';

/** Tick labels and key edges: one word holding a figure ("10,000,000", "25%"). */
const numeric = (text: string) => /\d/.test(text) && !/\s/.test(text);
const clashesOfNumbers = (svg: string) => textClashes(svg).filter((c) => numeric(c.a) && numeric(c.b));

/** The states fixture (vega-datasets, 2015 populations in people) with its state column put on the US map. */
function statesMap(spec: Record<string, unknown>) {
  const root = tempProject();
  cpSync(join(CHART_FIXTURES, 'data/states'), join(root, 'data/states'), { recursive: true });
  const file = join(root, 'data/states/dataset.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('state: { type: category, label: State }', 'state: { type: category, label: State, places: us-states }'));
  const problems = new Problems();
  const dataset = loadDataset(root, 'states', problems)!;
  expect(problems.size).toBe(0);
  const result = chartData(dataset, chartSchema.parse({ title: 'Fixture', ...spec }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { narrow: renderChart(plotOptions(result.chart, SIZES.narrow), 'n'), wide: renderChart(plotOptions(result.chart, SIZES.wide), 'w') };
}

describe('tick labels of big numbers never run into each other, at phone width and on a desktop', () => {
  test.each(CHART_CASES.filter((c) => /barX|choropleth/.test(c.name)).map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { narrow, wide } = fixtureSvg(c.dataset, c.spec);
    expect(clashesOfNumbers(narrow)).toEqual([]);
    expect(clashesOfNumbers(wide)).toEqual([]);
  });

  test('a ranking of states by population (barX, up to 40,000,000) keeps its axis labels apart', () => {
    const { narrow, wide } = fixtureSvg('states', { data: 'states.population', type: 'barX', x: 'state', top: 10 });
    expect(narrow).toContain('20,000,000');
    expect(clashesOfNumbers(narrow)).toEqual([]);
    expect(clashesOfNumbers(wide)).toEqual([]);
  });

  test('a map key of populations in people writes its edges apart', () => {
    const { narrow, wide } = statesMap({ data: 'states.population', type: 'choropleth', x: 'state' });
    expect(narrow).toMatch(/>\d{1,2},000,000</);
    expect(clashesOfNumbers(narrow)).toEqual([]);
    expect(clashesOfNumbers(wide)).toEqual([]);
  });

  test('the checker itself finds labels that run together', () => {
    const svg = '<svg viewBox="0 0 360 100" text-anchor="middle"><g><text transform="translate(100,50)">5,000,000</text><text transform="translate(140,50)">10,000,000</text></g></svg>';
    expect(clashesOfNumbers(svg)).toEqual([{ a: '5,000,000', b: '10,000,000', overlap: expect.any(Number) }]);
  });
});
