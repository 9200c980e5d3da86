import { describe, expect, test } from 'vitest';
import { MAX_BRACKETS, MAX_EMPHASIS, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_LENGTH, MAX_MARKDOWN_LINES, markdownLimitAt, tooDeepAt } from '../../src/lib/story/markdownLimits.ts';
import { positionAt } from '../../src/lib/problems.ts';

/** A list nested `depth` deep by indentation, each item `width` columns in. */
const indentedList = (depth: number, marker = '-', width = 2) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * width)}${marker} item ${i + 1}`).join('\n');

/** Line and column at which `body` first nests too deep. */
const deepAt = (body: string) => {
  const offset = tooDeepAt(body);
  return offset === undefined ? undefined : positionAt(body, offset);
};

describe('tooDeepAt()', () => {
  test('a list nested by indentation is refused at the first item past the limit', () => {
    expect(deepAt(indentedList(MAX_MARKDOWN_DEPTH))).toBeUndefined();
    expect(deepAt(indentedList(MAX_MARKDOWN_DEPTH + 1))).toEqual({ line: MAX_MARKDOWN_DEPTH + 1, column: MAX_MARKDOWN_DEPTH * 2 + 1 });
    expect(deepAt(indentedList(MAX_MARKDOWN_DEPTH + 1, '1.', 3))).toEqual({ line: MAX_MARKDOWN_DEPTH + 1, column: MAX_MARKDOWN_DEPTH * 3 + 1 });
  });

  test('quotes and compact lists on one line are counted mark by mark', () => {
    expect(deepAt(`${'>'.repeat(5000)} deep`)).toEqual({ line: 1, column: MAX_MARKDOWN_DEPTH + 1 });
    expect(deepAt(`${'> '.repeat(MAX_MARKDOWN_DEPTH)}fine`)).toBeUndefined();
    expect(deepAt(`${'- '.repeat(1000)}deep`)).toEqual({ line: 1, column: MAX_MARKDOWN_DEPTH * 2 + 1 });
    expect(deepAt(`${'> - '.repeat(MAX_MARKDOWN_DEPTH / 2)}fine\n\n${'> - '.repeat(MAX_MARKDOWN_DEPTH / 2)}> deep`)).toEqual({ line: 3, column: MAX_MARKDOWN_DEPTH * 2 + 1 });
  });

  test('lists inside a quote, and quotes inside a list, count both', () => {
    const quoted = Array.from({ length: MAX_MARKDOWN_DEPTH }, (_, i) => `> ${' '.repeat(i * 2)}- item`).join('\n');
    expect(deepAt(quoted)).toEqual({ line: MAX_MARKDOWN_DEPTH, column: 2 * MAX_MARKDOWN_DEPTH + 1 });
    const inList = Array.from({ length: MAX_MARKDOWN_DEPTH }, (_, i) => `${' '.repeat(i * 4)}- > item`).join('\n');
    // Each line's quote closes with its line: the last is 16 items and a quote deep.
    expect(deepAt(inList)).toEqual({ line: MAX_MARKDOWN_DEPTH, column: (MAX_MARKDOWN_DEPTH - 1) * 4 + 3 });
  });

  test('lines of plain text between the items do not hide the depth', () => {
    const lazy = Array.from({ length: MAX_MARKDOWN_DEPTH + 1 }, (_, i) => `${' '.repeat(i * 2)}- item\nlazy line`).join('\n');
    expect(deepAt(lazy)?.line).toBe(2 * MAX_MARKDOWN_DEPTH + 1);
  });

  test('lists that close count from where they stand: a long story of shallow lists passes', () => {
    const shallow = Array.from({ length: 200 }, () => `${indentedList(4)}\n\nA paragraph.\n\n${indentedList(3, '*')}\n- back out\n\n> a quote\n> - with a list`).join('\n\n');
    expect(tooDeepAt(shallow)).toBeUndefined();
    expect(tooDeepAt('* * *\n\n---\n\n- [ ] task\n- [x] done\n\n1) one\n2) two\n\n-not a list\n*emphasis*')).toBeUndefined();
  });

  test('tabs count to the next multiple of four columns', () => {
    const tabs = Array.from({ length: MAX_MARKDOWN_DEPTH + 1 }, (_, i) => `${'\t'.repeat(i)}- item`).join('\n');
    expect(deepAt(tabs)?.line).toBe(MAX_MARKDOWN_DEPTH + 1);
  });
});

describe('markdownLimitAt()', () => {
  test('brackets and emphasis marks are counted up to their limits; escaped ones do not count', () => {
    expect(markdownLimitAt('[a]'.repeat(MAX_BRACKETS / 2))).toBeUndefined();
    expect(markdownLimitAt(`${'[a]'.repeat(MAX_BRACKETS / 2)}[`)).toMatchObject({ offset: MAX_BRACKETS * 1.5, message: `more than 2,000 brackets [ ] in one file` });
    expect(markdownLimitAt('\\['.repeat(10 * MAX_BRACKETS))).toBeUndefined();
    expect(markdownLimitAt(`${'*a_'.repeat(MAX_EMPHASIS / 2)}b`)).toBeUndefined();
    expect(markdownLimitAt(`${'*a_'.repeat(MAX_EMPHASIS / 2)}~`)).toMatchObject({ offset: MAX_EMPHASIS * 1.5, message: 'more than 2,000 emphasis marks (* _ ~) in one file' });
    expect(markdownLimitAt('\\*'.repeat(10 * MAX_EMPHASIS))).toBeUndefined();
  });

  test('a body over the length limit is refused at its start, with its length', () => {
    expect(markdownLimitAt('a'.repeat(MAX_MARKDOWN_LENGTH))).toBeUndefined();
    expect(markdownLimitAt('a'.repeat(MAX_MARKDOWN_LENGTH + 1))).toMatchObject({ offset: 0, message: 'Markdown text of 200,001 characters, over the limit of 200,000' });
  });

  test('a body of more lines than the limit is refused at the first line past it', () => {
    expect(markdownLimitAt('a\n\n'.repeat(MAX_MARKDOWN_LINES / 2))).toBeUndefined();
    expect(markdownLimitAt(`${'a\n\n'.repeat(MAX_MARKDOWN_LINES / 2)}b`)).toMatchObject({ offset: 3 * MAX_MARKDOWN_LINES / 2, message: 'Markdown text of more than 5,000 lines' });
  });

  test('an image written as a data: address is named in the length\'s hint', () => {
    expect(markdownLimitAt(`![x](data:image/png;base64,${'A'.repeat(MAX_MARKDOWN_LENGTH)})`)?.hint).toMatch(/^most of it is an image written as a data: address/);
  });

  test('nesting is reported before length: its place is worth more than the file\'s start', () => {
    expect(markdownLimitAt(`${indentedList(MAX_MARKDOWN_DEPTH + 1)}\n${'a'.repeat(MAX_MARKDOWN_LENGTH)}`)?.message).toBe(`lists or quotes nested more than ${MAX_MARKDOWN_DEPTH} levels deep`);
  });
});
