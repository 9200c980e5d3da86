import { describe, expect, it } from 'vitest';
import { fixtureSvg } from '../fixtures/charts.ts';
import { monthTicks } from '../../src/lib/charts/timeTicks.ts';
import { plotOptions, SIZES, type Size } from '../../src/lib/charts/plotOptions.ts';
import type { ChartData } from '../../src/lib/charts/chartData.ts';

/** The x axis's tick labels as Plot is asked to draw them, lines joined by a space ("May 2008"). */
function xTickLabels(chart: ChartData, size: Size): string[] {
  const x = plotOptions(chart, size).x as { ticks: Date[]; tickFormat: (t: Date) => string };
  return x.ticks.map((t) => x.tickFormat(t).replace('\n', ' '));
}

const SPAN = { data: 'industries.rate', type: 'bar', where: { industry: 'Construction' }, from: '2008-01', to: '2009-11' };

describe('month ticks', () => {
  it('label the last month drawn at both sizes, counting back from it', () => {
    const { narrow, chart } = fixtureSvg('jobs', SPAN);
    for (const size of [SIZES.narrow, SIZES.wide]) {
      const labels = xTickLabels(chart, size);
      expect(labels.at(-1)).toMatch(/^Nov/);
      expect(labels.length).toBeGreaterThan(2);
    }
    // 23 months, at most 4 ticks on a phone: every sixth month back from November 2009.
    expect(xTickLabels(chart, SIZES.narrow)).toEqual(['May 2008', 'Nov', 'May 2009', 'Nov']);
    // Drawn: each label sits under its tick in the SVG.
    expect(narrow).toMatch(/>May<\/tspan><tspan[^>]*>2008</);
  });

  it('name the year at the first tick and where it changes', () => {
    const { chart } = fixtureSvg('jobs', SPAN);
    const ticks = monthTicks(chart.data, 8)!;
    const labels = ticks.ticks.map(ticks.format);
    expect(labels[0]).toContain('\n');
    const withYear = labels.filter((l) => l.includes('\n')).map((l) => l.split('\n')[1]);
    expect(withYear).toEqual([...new Set(withYear)]);
    expect(ticks.ticks.length).toBeLessThanOrEqual(8);
  });

  it('step a year at a time on a phone when six-month steps are too many, each tick naming its year', () => {
    const { chart } = fixtureSvg('jobs', { ...SPAN, from: '2006-01' });
    expect(xTickLabels(chart, SIZES.narrow)).toEqual(['Nov 2006', 'Nov 2007', 'Nov 2008', 'Nov 2009']);
  });

  it('leave a long series to Plot, whose year ticks read better', () => {
    const { chart } = fixtureSvg('jobs', { data: 'industries.rate', where: { industry: 'Construction' } });
    expect(monthTicks(chart.data, 4)).toBeUndefined();
  });
});
