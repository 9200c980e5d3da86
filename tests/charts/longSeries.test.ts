/**
 * Long daily series are ordinary newsroom data (prices, weather, traffic):
 * a line of 100,000 days and bars of 3,000 days draw, thinned as the
 * drawing needs, with their description and table, instead of overflowing
 * the call stack ("Maximum call stack size exceeded").
 */
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems, formatProblem } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { maxOf, minOf } from '../../src/lib/extent.ts';
import { tempProject } from '../helpers.ts';

/** A project with one dataset of `days` daily readings from 1 January 1800, a slow wave. */
function daily(days: number) {
  const start = Date.UTC(1800, 0, 1);
  const rows = Array.from({ length: days }, (_, i) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${(20 + 10 * Math.sin(i / 500)).toFixed(1)}`);
  const yaml = 'title: Readings\npublisher: Test\nsource: Test\nlicence: Test\nsources:\n  - name: Test\n    url: https://example.org/test\ntables:\n  daily:\n    file: daily.csv\n    title: Daily readings\n    columns:\n      period: { type: period }\n      reading: { type: number, unit: pct, label: Reading }\n';
  const root = tempProject({ 'data/long/dataset.yaml': yaml, 'data/long/daily.csv': `period,reading\n${rows.join('\n')}\n` });
  const problems = new Problems();
  const dataset = loadDataset(root, 'long', problems);
  expect(problems.sorted().map(formatProblem)).toEqual([]);
  return dataset!;
}

function draw(days: number, type: string) {
  const result = chartData(daily(days), chartSchema.parse({ data: 'daily.reading', type, title: 'Readings' }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return makeFigure('long', result.chart, 'Test');
}

describe('long daily series', () => {
  test('a line of 100,000 days draws at both sizes, thinned to its pixels', () => {
    const figure = draw(100_000, 'line');
    for (const svg of [figure.svg.wide, figure.svg.narrow]) {
      expect(svg).toMatch(/^<svg\b/);
      expect(svg).toContain('<path');
      // Thinned: far fewer than 100,000 points reach the drawing.
      expect(svg.length).toBeLessThan(400_000);
    }
  }, 120_000);

  test('a bar chart of 3,000 days draws', () => {
    const figure = draw(3_000, 'bar');
    expect(figure.svg.wide).toMatch(/^<svg\b/);
  }, 120_000);
});

describe('maxOf() and minOf()', () => {
  test('give Math.max and Math.min answers for any number of values', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    expect(maxOf(many)).toBe(999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([1, Number.NaN, 2])).toBeNaN();
    expect(Object.is(maxOf([-0, 0]), 0)).toBe(true);
    expect(Object.is(minOf([0, -0]), -0)).toBe(true);
  });
});
