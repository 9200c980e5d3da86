import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkChart, FIXTURE_SECTION, fixtureSvg } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { chartTable } from '../../src/lib/charts/table.ts';

const BY_MONTH = { data: 'industries.rate', type: 'heatmap', x: 'month', series: 'year', where: { industry: 'Construction', year: [2007, 2008, 2009, 2010] }, highlight: '2009' };

describe('heatmap()', () => {
  test('draws a cell per month and year with a value, coloured by class, under a key', () => {
    const { wide, narrow, chart } = fixtureSvg('jobs', BY_MONTH);
    if (process.env.SCRATCH) writeFileSync('scratch/heatmap.html', `<body style="font-family:sans-serif">${wide}<hr>${narrow}</body>`);
    const cells = chart.data.filter((d) => d.y !== null).length;
    for (const svg of [wide, narrow]) {
      // The cells, then the outlines of the highlighted year's cells; the key's swatches are rects too.
      const fills = new Set([...svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
      expect(fills.size).toBeGreaterThanOrEqual(3);
      expect(svg.match(/<rect\b/g)!.length).toBeGreaterThanOrEqual(cells);
      for (const year of ['2007', '2010']) expect(svg).toContain(`>${year}</text>`);
    }
    expect(wide).toContain('>Jan</text>');
  });

  test('is described by its rows, its columns and its ends, and tabled a row per month', () => {
    const { chart } = fixtureSvg('jobs', BY_MONTH);
    expect(describeChart(chart)).toMatch(/^Heatmap of .* a row per year \(2007, 2008, 2009, 2010\) and a column per month, .* Highest: 2010 /);
    expect(chartTable(chart).rows).toHaveLength(12);
  });

  test('refuses a time axis and a chart without rows, at their lines', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: heatmap\n  where: { industry: Finance }\n')).toEqual([
      `${FIXTURE_SECTION}:4:9  a heatmap lays out its cells by the months of a year or by category, and this chart has period along x — use x: month with series: year for a value per month and year, or x: a category column`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: heatmap\n  x: month\n  where: { industry: Finance, year: 2009 }\n')).toEqual([
      `${FIXTURE_SECTION}:4:9  a heatmap draws a row of cells per series, and this chart has none — add series: year (or a category column), or list several keys in data:`,
    ]);
  });
});
