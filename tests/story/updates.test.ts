import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { checkUpdates, isCorrection, updatesInOrder } from '../../src/lib/story/updates.ts';
import type { StoryFrontMatter } from '../../src/lib/story/schema.ts';
import { Problems } from '../../src/lib/problems.ts';
import { checkMini, edit, miniProject } from '../fixtures/mini.ts';

const INDEX = 'content/mini/index.md';
const withUpdates = (lines: string) => edit(INDEX, 'published: 2025-05-01\n', `published: 2025-05-01\n${lines}`);

describe('updates: in index.md', () => {
  test('a story with updates checks, and updated defaults to the latest', () => {
    const files = withUpdates('updates:\n  - date: 2025-05-09\n    note: "Corrected: the surplus was 17, not 16."\n  - date: 2025-05-03\n    note: Added April.\n');
    const { stories, problems } = checkProject(miniProject(files));
    expect(problems).toEqual([]);
    const { meta } = stories[0];
    expect(meta.updated).toBe('2025-05-09');
    expect(updatesInOrder(meta).map((u) => u.date)).toEqual(['2025-05-03', '2025-05-09']);
    expect(updatesInOrder(meta).map(isCorrection)).toEqual([false, true]);
  });

  test('an update dated before published is an error at its date', () => {
    expect(checkMini(withUpdates('updates:\n  - date: 2025-04-30\n    note: Early.\n'))).toEqual([
      `${INDEX}:5:11  update dated 2025-04-30 is earlier than published: 2025-05-01 — an update comes after the story was first published (May 1, 2025): correct the date`,
    ]);
  });

  test('updated earlier than the latest update, or than published, is an error at updated', () => {
    expect(checkMini(withUpdates('updated: 2025-05-02\nupdates:\n  - date: 2025-05-09\n    note: Later.\n'))).toEqual([
      `${INDEX}:4:10  updated: 2025-05-02 is earlier than the latest update (2025-05-09) — set updated: 2025-05-09, or leave it out: it defaults to the latest update`,
    ]);
    expect(checkMini(withUpdates('updated: 2025-04-02\n'))).toEqual([
      `${INDEX}:4:10  updated: 2025-04-02 is earlier than published: 2025-05-01 — correct the date, or leave "updated" out`,
    ]);
  });

  test('an update, updated or published dated in the future is refused at its date', () => {
    const problems = checkMini(withUpdates('updated: 2205-12-22\nupdates:\n  - date: 2205-12-22\n    note: From the future.\n'));
    const today = new Date().toISOString().slice(0, 10);
    const hint = `a page cannot report what has not happened: correct the date (today is ${today})`;
    expect(problems).toEqual([`${INDEX}:4:10  updated: 2205-12-22 is in the future — ${hint}`, `${INDEX}:6:11  update dated 2205-12-22 is in the future — ${hint}`]);
    expect(checkMini(edit(INDEX, 'published: 2025-05-01', 'published: 2205-05-01')).filter((p) => p.includes('future'))).toEqual([`${INDEX}:3:12  published: 2205-05-01 is in the future — ${hint}`]);
  });

  test('checkUpdates() allows a day of grace after now, and no more', () => {
    const meta = { title: 'T', published: '2025-05-01', dataset: 'trade', updates: [{ date: '2025-05-10', note: 'Next day.' }, { date: '2025-05-11', note: 'Two days on.' }] } as StoryFrontMatter;
    const problems = new Problems();
    checkUpdates(meta, INDEX, () => ({ line: 1, column: 1 }), problems, new Date('2025-05-09T23:00:00Z'));
    expect(problems.list.map((p) => p.message)).toEqual(['update dated 2025-05-11 is in the future']);
  });

  test('an update needs a date and a note, and names its fields', () => {
    const problems = checkMini(withUpdates('updates:\n  - date: 2025-05-09\n    noet: Typo.\n'));
    expect(problems.join('\n')).toMatch(/index\.md:6:5 {2}unknown field "updates\.0\.noet" — did you mean "note"\?/);
    expect(checkMini(withUpdates('updates:\n  - date: 2025-05-09\n    note: ""\n')).join('\n')).toMatch(/index\.md:6:11 {2}invalid updates\.0\.note: empty text/);
  });
});

describe('isCorrection()', () => {
  test.each([
    ['Corrected: exports were up 9.1%, not 4.5%.', true],
    ['Correction: the chart showed March twice.', true],
    ['Updated with December figures.', false],
    ['A correctness note', false],
  ])('%s', (note, expected) => {
    expect(isCorrection({ date: '2025-01-01', note })).toBe(expected);
  });
});

describe('content/README.md', () => {
  test('documents every field of an update', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PROJECT } = await import('../helpers.ts');
    const { updateSchema } = await import('../../src/lib/story/schema.ts');
    const guide = readFileSync(join(PROJECT, 'content/README.md'), 'utf8');
    const table = guide.slice(guide.indexOf('#### Update fields\n')).split('\n\n')[1];
    const names = table.split('\n').slice(2).map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
    expect(names.sort()).toEqual(Object.keys(updateSchema.shape).sort());
  });
});
