import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData, type ChartData } from '../../src/lib/charts/chartData.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart, cleanSvg } from '../../src/lib/charts/render.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { FIXTURE } from '../helpers.ts';

const problems = new Problems();
const dataset = loadDataset(FIXTURE, 'trade', problems)!;

function chart(spec: Record<string, unknown>): ChartData {
  const result = chartData(dataset, chartSchema.parse({ title: 't', ...spec }), parsePeriod('2025-11'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.chart;
}

const specs = {
  line: { data: 'monthly.balance_ytd', type: 'line', x: 'month', series: 'year', where: { year: [2024, 2025] }, highlight: '2025' },
  area: { data: 'monthly.balance', type: 'area', highlight: '2025-11' },
  bar: { data: ['monthly.exports', 'monthly.imports'], type: 'bar', from: '2025-01' },
  barX: { data: 'destinations.exports_yoy', type: 'barX', x: 'destination', from: '2025-11', to: '2025-11' },
  dot: { data: 'ytd.balance', type: 'dot', x: 'month', series: 'year', where: { year: [2024, 2025] } },
} as const;

describe('renderChart()', () => {
  test.each(Object.entries(specs))('draws a %s chart with its marks', (type, spec) => {
    const svg = renderChart(plotOptions(chart(spec), SIZES.wide), 'c');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')).toBe(true);
    const marks = { line: /<path[^>]* d="M/, area: /<path[^>]* d="M[^"]*z"/, bar: /<rect/, barX: /<rect/, dot: /<circle/ };
    expect(svg).toMatch(marks[type as keyof typeof marks]);
  });

  test('is byte-identical on a second render', () => {
    for (const spec of Object.values(specs)) {
      const options = () => plotOptions(chart(spec), SIZES.narrow);
      expect(renderChart(options(), 'x')).toBe(renderChart(options(), 'x'));
    }
  });

  test('leaves out what fails validation and accessibility checks', () => {
    for (const spec of Object.values(specs)) {
      const svg = renderChart(plotOptions(chart(spec), SIZES.wide), 'c');
      expect(svg).not.toMatch(/font-variant=/);
      expect(svg).not.toMatch(/<g\b[^>]*aria-label=/);
      expect(svg).not.toMatch(/<style>/);
      expect(svg).not.toMatch(/^<svg[^>]* (width|height)="/);
      expect(svg).toMatch(/^<svg[^>]* viewBox="0 0 640 /);
      expect(svg).not.toMatch(/NaN|undefined/);
    }
  });

  test('labels a two-month time axis period by period, never by day or week', () => {
    const short = chart({ data: 'commodities.yoy_reported', type: 'bar', where: { commodity: 'integrated_circuits', flow: 'export' }, from: '2025-10' });
    for (const size of [SIZES.wide, SIZES.narrow]) {
      const svg = renderChart(plotOptions(short, size), 'c');
      // A tick may be two lines ("Oct", "2025") in <tspan>s: keep its first.
      const ticks = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1].replace(/<tspan[^>]*>([^<]*)<\/tspan>.*/, '$1'));
      expect(ticks).toEqual(expect.arrayContaining(['Oct 2025', 'Nov 2025']));
      expect(ticks.filter((t) => /^\d{1,2}$/.test(t) || t === 'Dec')).toEqual([]);
    }
  });

  test('labels a highlighted value as the prose quotes it, not rounded to the scale', () => {
    const svg = renderChart(plotOptions(chart(specs.area), SIZES.wide), 'c');
    // In a group the stylesheet gives a halo, so a line behind it does not cross it.
    expect(svg).toMatch(/<g [^>]*class="halo"[^>]*><text[^>]*>111\.68<\/text>/);
    expect(svg).not.toMatch(/>112<\/text>/);
  });

  test('labels series directly rather than with a legend', () => {
    const svg = renderChart(plotOptions(chart(specs.line), SIZES.wide), 'c');
    expect(svg).toMatch(/>2024<\/text>/);
    expect(svg).toMatch(/>2025<\/text>/);
  });

  test('draws a January–February span as one bar covering both months', () => {
    const c = chart({ data: 'monthly.exports', type: 'bar', from: '2025-01', to: '2025-03' });
    const janFeb = c.data.find((d) => d.period.id === '2025-01/02')!;
    expect([janFeb.x1?.toISOString(), janFeb.x2?.toISOString()]).toEqual(['2025-01-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z']);
    expect(c.notes.join(' ')).toMatch(/Jan–Feb 2025 is reported as one figure for several months, drawn as its monthly average/);
  });
});

describe('cleanSvg()', () => {
  test('prefixes ids and their references with the chart id', () => {
    const out = cleanSvg('<svg width="10" height="5" viewBox="0 0 10 5" class="plot-abc"><clipPath id="p1"></clipPath><g clip-path="url(#p1)" aria-label="x"></g></svg>', 'fig');
    expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" viewBox="0 0 10 5" class="chart-svg"><clipPath id="fig-p1"></clipPath><g clip-path="url(#fig-p1)"></g></svg>');
  });
});

describe('chartData()', () => {
  test('stops at the story\'s last period', () => {
    const c = chart({ data: 'ytd.balance', type: 'dot', x: 'month', series: 'year', where: { year: 2025 } });
    expect(c.data.map((d) => d.period.id)).not.toContain('2025-01/12');
    expect(c.data.find((d) => d.period.id === '2025-01/11')?.y).toBe(1076);
  });

  test('reports an unknown column with a suggestion', () => {
    const result = chartData(dataset, chartSchema.parse({ title: 't', data: 'destinations.exports', series: 'destinaton' }));
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'series', message: 'table destinations has no column "destinaton" to split series by', hint: 'did you mean "destination"?' }] });
  });

  test('refuses a chart that mixes units', () => {
    const result = chartData(dataset, chartSchema.parse({ title: 't', data: 'commodities.quantity' }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/chart mixes units/);
  });

  test('names a missing category rather than speaking of gaps between months', () => {
    const c = chart({ data: 'destinations.exports_yoy', type: 'barX', x: 'destination', from: '2025-11', to: '2025-11' });
    expect(c.notes).toContain('No figure was reported for South Korea.');
    expect(c.notes.join(' ')).not.toMatch(/months/);
  });
});

describe('positions in a drawing', () => {
  test('are written to a tenth of a pixel; em offsets, opacities and a <use> matrix keep theirs', () => {
    const svg = cleanSvg('<svg><g fill-opacity="0.18"><rect x="12.345" y="-0.26" width="3.14159" height="40"/><text transform="translate(48.56,9.04)" y="0.32em">a</text><use href="#^m0" transform="matrix(0.5561 0 0 0.5561 1.7712 15.9401)"/></g></svg>', 'c', 'w');
    expect(svg).toContain('<rect x="12.3" y="-0.3" width="3.1" height="40"/>');
    expect(svg).toContain('transform="translate(48.6,9)" y="0.32em"');
    expect(svg).toContain('fill-opacity="0.18"');
    expect(svg).toContain('href="#w-m0" transform="matrix(0.5561 0 0 0.5561 1.7712 15.9401)"');
  });
});
