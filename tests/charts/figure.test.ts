import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/site.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { FIXTURE } from '../helpers.ts';

const { stories } = checkProject(FIXTURE);
const charts = stories.flatMap((s) => s.charts);

describe('makeFigure()', () => {
  test('draws the SVG renderChart draws, at both sizes', () => {
    for (const { id, chart } of charts) {
      const figure = makeFigure(id, chart, 'source');
      expect(figure.svg.narrow).toBe(renderChart(plotOptions(chart, SIZES.narrow), `${id}-n`));
      expect(figure.svg.wide).toBe(renderChart(plotOptions(chart, SIZES.wide), `${id}-w`));
    }
  });

  test('reuses a drawing under another id with ids of its own', () => {
    const { id, chart } = charts.find(({ chart }) => chart.type === 'line')!;
    const again = makeFigure('other', chart, 'source');
    expect(again.svg.wide).toBe(renderChart(plotOptions(chart, SIZES.wide), 'other-w'));
    expect(again.svg.wide).not.toContain(`${id}-w`);
  });
});
