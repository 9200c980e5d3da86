import { describe, expect, test } from 'vitest';
import { thinLine } from '../../src/lib/charts/thin.ts';
import type { Datum } from '../../src/lib/charts/chartData.ts';

const datum = (x: number, y: number | null, series = ''): Datum => ({ x, y, series } as Datum);

describe('thinLine()', () => {
  test('returns data that fits the columns as it is', () => {
    const data = Array.from({ length: 20 }, (_, i) => datum(i, i % 3));
    expect(thinLine(data, 10)).toBe(data);
  });

  test('keeps the first, last, lowest and highest point of each column and series, in order', () => {
    // 1,000 points over 10 columns: 100 a column, a spike in column 3.
    const data = Array.from({ length: 1000 }, (_, i) => datum(i, i === 350 ? 99 : i === 360 ? -99 : Math.sin(i)));
    const thin = thinLine(data, 10);
    expect(thin.length).toBeLessThanOrEqual(40);
    expect(thin[0]).toBe(data[0]);
    expect(thin.at(-1)).toBe(data[999]);
    expect(thin).toContain(data[350]);
    expect(thin).toContain(data[360]);
    const xs = thin.map((d) => d.x as number);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  test('thins each series on its own and keeps the gaps', () => {
    const data = [...Array.from({ length: 300 }, (_, i) => datum(i, i === 150 ? null : 1, 'a')), ...Array.from({ length: 300 }, (_, i) => datum(i, 2, 'b'))];
    const thin = thinLine(data, 10);
    expect(new Set(thin.map((d) => d.series))).toEqual(new Set(['a', 'b']));
    expect(thin.filter((d) => d.y === null)).toEqual([data[150]]);
    expect(thin.length).toBeLessThan(100);
  });
});
