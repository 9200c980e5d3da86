import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { ACCENT, PRIMARY } from '../../src/lib/charts/palette.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { FIXTURE } from '../helpers.ts';

const dataset = loadDataset(FIXTURE, 'trade', new Problems())!;

function svgFor(spec: Record<string, unknown>): string {
  const result = chartData(dataset, chartSchema.parse(spec));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return renderChart(plotOptions(result.chart, SIZES.wide), 'test');
}

const strokes = (svg: string) => new Set([...svg.matchAll(/stroke="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase()));
const fills = (svg: string) => new Set([...svg.matchAll(/fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase()));

describe('plotOptions()', () => {
  test('plotOptions() keeps a single-series line in one colour when a point in the middle is highlighted', () => {
    const svg = svgFor({ data: 'commodities.quantity', type: 'line', where: { commodity: 'rare_earths' }, from: '2025-03', highlight: '2025-04', title: 't' });
    expect(strokes(svg)).toContain(PRIMARY);
    expect(strokes(svg)).not.toContain(ACCENT);
    // The highlighted point still stands out, as a dot.
    expect(fills(svg)).toContain(ACCENT);
  });

  test('plotOptions() labels the y axis with the unit of the rows drawn', () => {
    const soy = svgFor({ data: 'commodities.quantity', type: 'bar', where: { commodity: 'soybeans' }, title: 't' });
    const rare = svgFor({ data: 'commodities.quantity', type: 'bar', where: { commodity: 'rare_earths' }, title: 't' });
    expect(soy).toContain('million tonnes');
    expect(rare).toContain('tonnes');
    expect(rare).not.toContain('million tonnes');
  });
});
