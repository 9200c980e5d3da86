import { describe, expect, test } from 'vitest';
import { readCsv, unclosedQuote } from '../../src/lib/data/csv.ts';

describe('readCsv()', () => {
  test('gives each cell its line and column, across quoted newlines', () => {
    const records = readCsv('a,b\n1,"two\nlines"\n3,4\n');
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', 'two\nlines'], ['3', '4']]);
    expect(records[2].positions).toEqual([{ line: 4, column: 1 }, { line: 4, column: 3 }]);
    expect(records[1].positions[1]).toEqual({ line: 2, column: 3 });
  });

  test('accepts a byte-order mark and CRLF line endings', () => {
    const records = readCsv('\uFEFFperiod,x\r\n2025-01,1\r\n');
    expect(records.map((r) => r.cells)).toEqual([['period', 'x'], ['2025-01', '1']]);
    expect(records[1].positions[1]).toEqual({ line: 2, column: 9 });
    expect(records[0].positions[1]).toEqual({ line: 1, column: 8 });
  });

  test('skips blank lines without shifting later positions', () => {
    const records = readCsv('a\n\n1\n');
    expect(records.map((r) => r.cells)).toEqual([['a'], ['1']]);
    expect(records[1].positions[0].line).toBe(3);
  });
});

describe('unclosedQuote()', () => {
  test('finds a quote that opens a cell and is never closed, after a byte-order mark', () => {
    expect(unclosedQuote('\uFEFFa,b\n1,"two\n3,4\n')).toEqual({ line: 2, column: 3 });
  });

  test('ignores closed quotes and quotes inside a cell', () => {
    expect(unclosedQuote('a,b\n1,"two, ""2"""\n3,4"\n')).toBeUndefined();
  });
});
