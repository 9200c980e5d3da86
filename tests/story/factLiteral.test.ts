import { describe, expect, test } from 'vitest';
import { checkFigure, parseStatedFigure, restate } from '../../src/lib/story/factLiteral.ts';
import type { UnitName } from '../../src/lib/format.ts';

function check(text: string, value: number, unit: UnitName) {
  const parsed = parseStatedFigure(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return checkFigure(parsed.figure, value, unit);
}

describe('checkFigure()', () => {
  test.each([
    ['US$1.076 trillion', 1076, 'usd_bn'],
    ['US$111.68 billion', 111.68, 'usd_bn'],
    ['5.9%', 5.9, 'pct'],
    ['-28.6 per cent', -28.6, 'pct'],
    ['fell 28.6 per cent', -28.6, 'pct'],
    ['have fallen 28.6 per cent', -28.6, 'pct'],
    ['5,493.9 tonnes', 5493.9, 'tonnes'],
    ['8.1 million tonnes', 8.11, 'mt'],
    ['up 26.5 per cent', 26.4855, 'pct'],
    ['US$1.08 trillion', 1076, 'usd_bn'],
  ] as const)('accepts "%s" for %d %s', (text, value, unit) => {
    expect(check(text, value, unit)).toEqual({ ok: true });
  });

  test.each([
    ['US$1.076 trillion', 1080.1, 'usd_bn', '1.076', '1.080'],
    ['rose 28.6 per cent', -28.6, 'pct', '+28.6', '−28.6'],
    ['28.6%', -28.6, 'pct', '+28.6', '−28.6'],
    ['5,493.9 tonnes', 5495.9, 'tonnes', '5493.9', '5495.9'],
    ['US$111.68 billion', 111.7, 'usd_bn', '111.68', '111.70'],
  ] as const)('refuses "%s" against %d %s', (text, value, unit, stated, actual) => {
    expect(check(text, value, unit)).toMatchObject({ ok: false, stated, actual });
  });

  test('refuses a percentage stated for a dollar amount', () => {
    expect(check('5.9%', 330.3, 'usd_bn')).toMatchObject({ ok: false, message: 'states a percentage but the data is in US$ billion' });
  });
});

describe('parseStatedFigure()', () => {
  test('needs exactly one number', () => {
    expect(parseStatedFigure('a record')).toMatchObject({ ok: false, message: 'fact "a record" states no number' });
    expect(parseStatedFigure('US$33.8 billion, down 28.6%')).toMatchObject({ ok: false });
  });

  test('refuses a sign together with a direction word', () => {
    expect(parseStatedFigure('fell -28.6%')).toMatchObject({ ok: false });
  });
});

describe('restate()', () => {
  test.each([
    ['US$111.86 billion', 111.68, 'US$111.68 billion'],
    ['US$1,081.1 billion', 1080.1, 'US$1,080.1 billion'],
    ['up 52 per cent', 25, 'up 25 per cent'],
    ['fell 28.6%', -28.1, 'fell 28.1%'],
    ['5,493.9 tonnes', 5495.25, '5,495.3 tonnes'],
  ] as const)('writes the data into "%s" the way the text is written', (text, value, expected) => {
    const parsed = parseStatedFigure(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(restate(text, parsed.figure, value)).toBe(expected);
  });
});
