import { describe, expect, test } from 'vitest';
import { contentKey, memo } from '../src/lib/memo.ts';

describe('memo()', () => {
  test('makes a value once per key, and never keeps what `keep` refuses', () => {
    let made = 0;
    const make = () => ++made;
    const key = contentKey('memo test', Math.random());
    expect(memo(key, make)).toBe(1);
    expect(memo(key, make)).toBe(1);
    const refused = contentKey('refused', Math.random());
    expect(memo(refused, make, () => false)).toBe(2);
    expect(memo(refused, make, () => false)).toBe(3);
  });
});

describe('contentKey()', () => {
  test('differs when any part differs, and not otherwise', () => {
    expect(contentKey('a', { b: [1, new Date(0)] })).toBe(contentKey('a', { b: [1, new Date(0)] }));
    expect(contentKey('a', { b: [1, new Date(0)] })).not.toBe(contentKey('a', { b: [1, new Date(1)] }));
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
  });
});
