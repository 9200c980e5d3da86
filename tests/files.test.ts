import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { folders, readText } from '../src/lib/files.ts';
import { formatProblem, Problems } from '../src/lib/problems.ts';
import { tempProject } from './helpers.ts';

function read(setup: (root: string) => void, file = 'data/d/t.csv') {
  const root = tempProject({ 'data/d/keep.txt': '' });
  setup(root);
  const problems = new Problems();
  const text = readText(root, file, problems);
  return { text, problems: problems.sorted().map(formatProblem) };
}

describe('readText()', () => {
  test('reads UTF-8 and drops a byte-order mark, which no editor can see', () => {
    expect(read((root) => writeFileSync(join(root, 'data/d/t.csv'), '\uFEFFperiod,x\n'))).toEqual({ text: 'period,x\n', problems: [] });
  });

  test('reports a folder named like the file', () => {
    expect(read((root) => mkdirSync(join(root, 'data/d/t.csv'))).problems).toEqual([
      'data/d/t.csv:1:1  data/d/t.csv is a folder — put a text file there, or rename or remove what is there',
    ]);
  });

  test('reports a link to a file that no longer exists', () => {
    expect(read((root) => symlinkSync('gone.csv', join(root, 'data/d/t.csv'))).problems).toEqual([
      'data/d/t.csv:1:1  data/d/t.csv cannot be opened — it may be a link to a file that no longer exists: replace it with the file itself',
    ]);
  });

  test('reports text that is not UTF-8 at its first bad byte', () => {
    // "Japón" saved as Latin-1 by a spreadsheet: ó is the single byte 0xF3.
    const latin1 = Buffer.from('period,partner\n2025-03,Jap\u00f3n\n', 'latin1');
    const { text, problems } = read((root) => writeFileSync(join(root, 'data/d/t.csv'), latin1));
    expect(text).toBeUndefined();
    expect(problems).toEqual([
      'data/d/t.csv:2:12  file is not UTF-8 text — save it with UTF-8 encoding (in a spreadsheet: "CSV UTF-8"); the position is that of the first byte that is not UTF-8',
    ]);
  });
});

describe('folders()', () => {
  test('lists sub-folders only, and nothing for a missing folder or a dangling link', () => {
    const root = tempProject({ 'content/b/index.md': '', 'content/a/index.md': '', 'content/notes.txt': '' });
    symlinkSync('nowhere', join(root, 'content/c'));
    expect(folders(join(root, 'content'))).toEqual(['a', 'b']);
    expect(folders(join(root, 'missing'))).toEqual([]);
  });
});
