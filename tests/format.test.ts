import { describe, expect, test } from 'vitest';
import { formatShort, ownDigits } from '../src/lib/format.ts';

describe('ownDigits()', () => {
  test('counts the decimals a value is written with, up to the maximum', () => {
    expect(ownDigits(1076, 2)).toBe(0);
    expect(ownDigits(111.68, 2)).toBe(2);
    expect(ownDigits(4784.8, 2)).toBe(1);
    expect(ownDigits(-28.6, 2)).toBe(1);
    expect(ownDigits(60.3341, 1)).toBe(1);
    expect(ownDigits(0, 2)).toBe(0);
  });

  test('ignores the floating-point tail of a sum', () => {
    expect(ownDigits(0.1 + 0.2, 2)).toBe(1);
    expect(ownDigits(125.16 + 58.55 + 72.4, 2)).toBe(2);
  });
});

describe('formatShort()', () => {
  test('rounds by size unless given the digits', () => {
    expect(formatShort(111.68, 'usd_bn')).toBe('112');
    expect(formatShort(111.68, 'usd_bn', 2)).toBe('111.68');
    expect(formatShort(-28.6, 'pct')).toBe('−28.6%');
  });
});
