import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/site.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { FIXTURE } from '../helpers.ts';

const { stories } = checkProject(FIXTURE);
const charts = stories.flatMap((s) => s.charts);

/** A wide drawing without what sharing its marks with the narrow one adds: their ids and non-scaling strokes. */
const unshared = (svg: string) => svg.replace(/ id="[\w-]+-w-m\d+"| vector-effect="non-scaling-stroke"/g, '');

describe('makeFigure()', () => {
  test('draws the SVG renderChart draws, at both sizes', () => {
    for (const { id, chart } of charts) {
      const figure = makeFigure(id, chart, 'source');
      const own = renderChart(plotOptions(chart, SIZES.narrow), `${id}-n`);
      // Marks shared with the wide drawing (sharedMarks.ts) are its only difference from the narrow drawing on its own.
      const texts = (svg: string) => svg.match(/<text\b[\s\S]*?<\/text>/g);
      if (figure.svg.narrow.includes('<use ')) expect(texts(figure.svg.narrow)).toEqual(texts(own));
      else expect(figure.svg.narrow).toBe(own);
      expect(unshared(figure.svg.wide)).toBe(renderChart(plotOptions(chart, SIZES.wide), `${id}-w`));
    }
  });

  test('reuses a drawing under another id with ids of its own', () => {
    const { id, chart } = charts.find(({ chart }) => chart.type === 'line')!;
    const again = makeFigure('other', chart, 'source');
    expect(unshared(again.svg.wide)).toBe(renderChart(plotOptions(chart, SIZES.wide), 'other-w'));
    expect(again.svg.wide).not.toContain(`${id}-w`);
  });
});
