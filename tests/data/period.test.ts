import { describe, expect, test } from 'vitest';
import { parsePeriod, periodLabel, within } from '../../src/lib/period.ts';

describe('parsePeriod()', () => {
  test('reads months and spans', () => {
    expect(parsePeriod('2025-03')).toEqual({ id: '2025-03', year: 2025, from: 3, to: 3 });
    expect(parsePeriod('2025-01/02')).toEqual({ id: '2025-01/02', year: 2025, from: 1, to: 2 });
  });

  test('refuses malformed periods', () => {
    for (const text of ['2025-13', '2025-3', '2025-02/01', '25-01', '2025-01/13', 'Nov 2025', '']) {
      expect(parsePeriod(text), text).toBeUndefined();
    }
  });

  test('labels spans honestly', () => {
    expect(periodLabel(parsePeriod('2025-01/02')!)).toBe('Jan–Feb 2025');
  });

  test('within() finds a month inside a span, not the span itself', () => {
    const span = parsePeriod('2023-01/02')!;
    expect(within(parsePeriod('2023-01')!, span)).toBe(true);
    expect(within(span, span)).toBe(false);
    expect(within(parsePeriod('2024-01')!, span)).toBe(false);
  });
});
