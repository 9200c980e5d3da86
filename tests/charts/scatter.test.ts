import { describe, expect, test } from 'vitest';
import { checkChart, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { ACCENT } from '../../src/lib/charts/palette.ts';

const SCATTER = { data: 'countries.life_expect', type: 'scatter', x: 'fertility' };
const circles = (svg: string) => [...svg.matchAll(/<circle\b[^>]*>/g)].map((m) => m[0]);

describe('scatter', () => {
  test('draws one dot per row at both widths, names the highlighted ones, and describes the pattern', () => {
    const { wide, narrow, chart } = fixtureSvg('health', { ...SCATTER, highlight: ['Japan', 'Rwanda'] });
    for (const svg of [wide, narrow]) {
      expect(circles(svg)).toHaveLength(62);
      expect(svg).toContain('>Japan<');
      expect(svg).toContain('>Rwanda<');
      expect(circles(svg).filter((c) => c.includes(`fill="${ACCENT}"`))).toHaveLength(2);
      expect(svg).toContain('Fertility (babies per woman) →');
    }
    const text = describeChart(chart);
    expect(text).toMatch(/^Scatter plot of life expectancy against fertility, 62 points\. Life expectancy falls strongly as fertility rises \(correlation −0\.\d\d\)\./);
    expect(text).toContain('Highlighted: Japan (1.3 babies per woman; 82.5 years)');
  });

  test('size: gives dots areas in proportion to the column', () => {
    const { wide, chart } = fixtureSvg('health', { ...SCATTER, size: 'population', series: 'cluster' });
    const radius = (name: string) => {
      const d = chart.data.find((e) => e.label === name)!;
      const all = circles(wide).map((c) => ({ r: Number(/ r="([\d.]+)"/.exec(c)![1]), cx: Number(/cx="([\d.]+)"/.exec(c)![1]), cy: Number(/cy="([\d.]+)"/.exec(c)![1]) }));
      return { d, all };
    };
    const { all } = radius('China');
    const [big, second] = all.map((c) => c.r).sort((a, b) => b - a);
    const china = chart.data.find((d) => d.label === 'China')!.size!;
    const india = chart.data.find((d) => d.label === 'India')!.size!;
    expect((second / big) ** 2).toBeCloseTo(india / china, 1);
  });

  test('log: x draws a log axis', () => {
    const linear = fixtureSvg('health', { data: 'countries.fertility', type: 'scatter', x: 'population' }).wide;
    const log = fixtureSvg('health', { data: 'countries.fertility', type: 'scatter', x: 'population', log: 'x' }).wide;
    // Plot labels a log axis in powers of ten; a linear one in even steps.
    expect(log).toMatch(/>1,000</);
    expect(log).toMatch(/>0.1</);
    expect(log).toMatch(/>10</);
    expect(linear).not.toMatch(/>0.1</);
    expect(describeChart(fixtureSvg('health', { data: 'countries.fertility', type: 'scatter', x: 'population', log: 'x' }).chart)).toContain('log scale on x');
  });
});

describe('scatter and log errors, at their line', () => {
  test('a scatter along a category, a size column that does not exist', () => {
    expect(checkChart('health', '  data: countries.life_expect\n  type: scatter\n  x: fertility\n  values: all\n')).toEqual([
      `${FIXTURE_SECTION}:6:3  a scatter names its highlighted points, and writes no values beside its dots — leave values out; pick the points to name with highlight:, and give figures in the text or the data table`,
    ]);
    expect(checkChart('health', '  data: countries.life_expect\n  type: scatter\n  x: country\n')).toEqual([
      `${FIXTURE_SECTION}:5:6  a scatter needs a number column as x, and "country" is not one — use one of fertility, life_expect, population`,
    ]);
    expect(checkChart('health', '  data: countries.life_expect\n  type: scatter\n  x: fertility\n  size: populaton\n')).toEqual([
      `${FIXTURE_SECTION}:6:9  table countries has no number column "populaton" to size dots by — did you mean "population"?`,
    ]);
  });

  test('a log scale over zero or below, and a log scale on bars', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  where: { industry: Mining and Extraction }\n  log: y\n', { 'industries.csv': (csv) => csv.replace('2005-03,Mining and Extraction,', '2005-03,Mining and Extraction,0') .replace(/2005-03,Mining and Extraction,0[\d.]+/, '2005-03,Mining and Extraction,0') })).toEqual([
      `${FIXTURE_SECTION}:5:8  a log scale on y cannot show zero or below, and 1 drawn value is (Mar 2005: 0) — leave log off, or leave those rows out with where:`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: bar\n  where: { industry: Finance }\n  log: y\n')).toEqual([
      `${FIXTURE_SECTION}:6:8  a log scale cannot draw bars, which start at zero — draw the values as type: line or type: dot (or scatter), or leave log off`,
    ]);
  });
});
