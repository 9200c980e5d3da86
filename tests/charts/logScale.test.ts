import { describe, expect, test } from 'vitest';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { logAxis } from '../../src/lib/charts/frame.ts';
import { checkChart, FIXTURE_SECTION, fixtureSvg } from '../fixtures/charts.ts';

// Monthly prices of five tech stocks, 2000–2010 (tests/fixtures/charts/data/stocks, vega-datasets).
const PRICES = { data: 'prices.price', series: 'symbol', log: 'y' };

/** The y of each labelled tick of a drawing's value axis (Plot's left axis: its labels end-anchored, a translate each). */
function ticks(svg: string): Map<string, number> {
  const axis = svg.match(/<g transform="translate\(-9,0\)" text-anchor="end">[\s\S]*?<\/g>/)![0];
  return new Map([...axis.matchAll(/transform="translate\([\d.]+,([\d.]+)\)"[^>]*>([^<]+)</g)].map((m) => [m[2], Number(m[1])]));
}

describe('log: y on lines and dots', () => {
  test('a line over time is drawn on a log axis: powers of ten equally spaced, the heading says so', () => {
    const { wide, narrow, chart } = fixtureSvg('stocks', PRICES);
    for (const svg of [wide, narrow]) {
      const y = ticks(svg);
      expect([...y.keys()]).toEqual(['10', '100', '1,000']);
      expect(y.get('10')! - y.get('100')!).toBeCloseTo(y.get('100')! - y.get('1,000')!, 0);
      expect(svg).toContain('US$, log scale');
    }
    expect(describeChart(chart)).toMatch(/^Line chart of price \(US\$, log scale\), 5 symbol series/);
  });

  test('a dot chart takes it too; a line without it stays linear', () => {
    expect([...ticks(fixtureSvg('stocks', { ...PRICES, type: 'dot', where: { symbol: 'AAPL' } }).wide).keys()]).toEqual(['10', '100']);
    expect(ticks(fixtureSvg('stocks', { data: 'prices.price', series: 'symbol' }).wide).get('100')).toBeDefined();
    expect(fixtureSvg('stocks', { data: 'prices.price', series: 'symbol' }).wide).not.toContain('log scale');
  });

  test('logAxis() widens to 1, 2 or 5 times a power of ten and ticks as room allows', () => {
    expect(logAxis(5.97, 707, 6)).toEqual({ domain: [5, 1000], ticks: [10, 100, 1000] });
    expect(logAxis(23, 88, 6)).toEqual({ domain: [20, 100], ticks: [20, 50, 100] });
    expect(logAxis(0.003, 4e6, 4).ticks).toEqual([0.01, 10, 10000]);
  });
});

describe('log: refused where it cannot be drawn, at its line', () => {
  test('bars and areas start at zero, which a log axis never reaches', () => {
    expect(checkChart('stocks', '  data: prices.price\n  type: bar\n  where: { symbol: AAPL }\n  log: y\n')).toEqual([
      `${FIXTURE_SECTION}:6:8  a log scale cannot draw bars, which start at zero — draw the values as type: line or type: dot (or scatter), or leave log off`,
    ]);
    expect(checkChart('stocks', '  data: prices.price\n  type: area\n  where: { symbol: AAPL }\n  log: y\n')[0]).toContain(':6:8  a log scale cannot draw areas');
  });

  test('zero: true, small multiples, and log: x along time', () => {
    expect(checkChart('stocks', '  data: prices.price\n  where: { symbol: AAPL }\n  zero: true\n  log: y\n')).toEqual([
      `${FIXTURE_SECTION}:5:9  zero: true cannot go with log: y, whose axis never reaches zero — delete zero: true (a log axis runs from one power of ten to another), or leave log off`,
    ]);
    expect(checkChart('stocks', '  data: prices.price\n  facet: symbol\n  log: y\n')).toEqual([
      `${FIXTURE_SECTION}:5:8  small multiples (facet:) are drawn on linear axes, and log: asks for a log scale — leave log off, or draw one chart with series: instead of facet:`,
    ]);
    expect(checkChart('stocks', '  data: prices.price\n  where: { symbol: AAPL }\n  log: x\n')).toEqual([
      `${FIXTURE_SECTION}:5:8  log: x needs numbers along x, and this chart runs along time or categories — put log: y, or use a number column as x`,
    ]);
  });
});
