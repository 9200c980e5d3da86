import { describe, expect, test } from 'vitest';
import { PROJECT } from '../helpers.ts';
import { checkProject } from '../../src/lib/site.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';

describe('renderChart()', () => {
  const { stories } = checkProject(PROJECT);
  const { chart } = stories[0].charts.find((c) => c.section.id === 'trillion')!;

  test('marks gridlines with a class for the stylesheet and leaves no aria-label on a <g>', () => {
    const svg = renderChart(plotOptions(chart, SIZES.wide), 'x');
    expect(svg).toMatch(/<g[^>]* class="grid"/);
    expect(svg).not.toMatch(/<g\b[^>]* aria-label=/);
  });

  test('writes series labels and notes in the page colour, so text keeps its contrast in both themes', () => {
    const svg = renderChart(plotOptions(chart, SIZES.narrow), 'x');
    const texts = [...svg.matchAll(/<g\b[^>]*>(?:<text[^>]*>[^<]*(?:<tspan[^>]*>[^<]*<\/tspan>)*<\/text>)+<\/g>/g)].map((m) => m[0]);
    const labelled = texts.filter((g) => />(2024|2025)<\/text>/.test(g) || /full-year/.test(g));
    expect(labelled.length).toBeGreaterThanOrEqual(2);
    for (const g of labelled) expect(g).not.toMatch(/fill="#/);
  });

  test('gives the same bytes for the same chart', () => {
    expect(renderChart(plotOptions(chart, SIZES.narrow), 'x')).toBe(renderChart(plotOptions(chart, SIZES.narrow), 'x'));
  });
});
