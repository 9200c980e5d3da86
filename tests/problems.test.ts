import { describe, expect, test } from 'vitest';
import { positionAt, positionsIn } from '../src/lib/problems.ts';

describe('positionsIn()', () => {
  test('gives the line and column positionAt gives, for every offset', () => {
    const text = 'ab\ncd\r\n\n"e\nf",g\n';
    const find = positionsIn(text);
    for (let offset = 0; offset <= text.length; offset++) {
      let line = 1;
      let last = -1;
      for (let i = 0; i < offset; i++) if (text[i] === '\n') [line, last] = [line + 1, i];
      expect(find(offset)).toEqual({ line, column: offset - last });
      expect(positionAt(text, offset)).toEqual(find(offset));
    }
  });
});
