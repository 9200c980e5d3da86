import { describe, expect, test } from 'vitest';
import { follows, isSpan, nextPeriod, parsePeriod, periodEnd, periodLabel, periodLabelLong, periodStart, within } from '../../src/lib/period.ts';

describe('parsePeriod()', () => {
  test('reads months and spans', () => {
    expect(parsePeriod('2025-03')).toEqual({ id: '2025-03', year: 2025, from: 3, to: 3, grain: 'month' });
    expect(parsePeriod('2025-01/02')).toEqual({ id: '2025-01/02', year: 2025, from: 1, to: 2, grain: 'month' });
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

describe('periods of every grain', () => {
  test('reads a year, a quarter and a day, and tells their grain', () => {
    expect(parsePeriod('2007')).toMatchObject({ id: '2007', year: 2007, from: 1, to: 12, grain: 'year' });
    expect(parsePeriod('2024-Q3')).toMatchObject({ id: '2024-Q3', year: 2024, from: 7, to: 9, grain: 'quarter' });
    expect(parsePeriod('2015-06-30')).toMatchObject({ id: '2015-06-30', year: 2015, from: 6, to: 6, day: 30, grain: 'day' });
  });

  test('refuses days and quarters not in the calendar', () => {
    for (const text of ['2015-02-29', '2015-06-31', '2024-Q5', '2024-Q0', '207', '2015-6-30']) expect(parsePeriod(text), text).toBeUndefined();
    expect(parsePeriod('2016-02-29')).toBeDefined();
  });

  test('speaks each grain in labels', () => {
    expect(periodLabel(parsePeriod('2007')!)).toBe('2007');
    expect(periodLabel(parsePeriod('2024-Q3')!)).toBe('Q3 2024');
    expect(periodLabel(parsePeriod('2015-06-30')!)).toBe('30 June 2015');
    expect(periodLabelLong(parsePeriod('2025-11')!)).toBe('November 2025');
    expect(isSpan(parsePeriod('2007')!)).toBe(false);
  });

  test('knows where each period starts and ends, and which follows which', () => {
    expect(periodStart(parsePeriod('2015-06-30')!).toISOString()).toBe('2015-06-30T00:00:00.000Z');
    expect(periodEnd(parsePeriod('2015-06-30')!).toISOString()).toBe('2015-07-01T00:00:00.000Z');
    expect(periodEnd(parsePeriod('2024-Q4')!).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(follows(parsePeriod('2015-12-31')!, parsePeriod('2016-01-01')!)).toBe(true);
    expect(follows(parsePeriod('2025-01/02')!, parsePeriod('2025-03')!)).toBe(true);
    expect(follows(parsePeriod('2006')!, parsePeriod('2008')!)).toBe(false);
    expect(nextPeriod(parsePeriod('2024-Q4')!).id).toBe('2025-Q1');
    expect(nextPeriod(parsePeriod('2016-02-28')!).id).toBe('2016-02-29');
    expect(nextPeriod(parsePeriod('2025-01/02')!).id).toBe('2025-03');
    expect(nextPeriod(parsePeriod('1999')!).id).toBe('2000');
  });
});
