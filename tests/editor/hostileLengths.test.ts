/**
 * Hostile input, round three: every regular expression that reads editor
 * input is fed a long run of what makes it try again and again (digits
 * before a letter, openings without a close, spaces before nothing). A
 * pattern that backtracks would run for minutes on these; each must end
 * in its positioned problem, or in no problem at all.
 */
import { describe, expect, test } from 'vitest';
import { checkEdited, checkMini, edit, MINI, miniProject } from '../fixtures/mini.ts';
import { CSV_LIMIT_BYTES, loadDataset } from '../../src/lib/data/loadDataset.ts';
import { checkClaimsRegister } from '../../src/lib/story/claimsRegister.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';

const SECTION = 'content/mini/01-first.md';
const SENTENCE = 'In March exports reached';

describe('patterns fed hostile lengths', () => {
  test('a CSV cell of 300,000 digits and a letter is refused as not a number, in a short line', () => {
    const [problem, ...rest] = checkEdited('data/trade/monthly.csv', '2025-03,15,9,', `2025-03,${'1'.repeat(300_000)}x,9,`);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^data\/trade\/monthly\.csv:5:9 {2}"1{20}/);
    expect(problem).toContain('write a plain number such as 123.4');
    expect(problem.length).toBeLessThan(1300);
  });

  test('a claims.yaml fact reference with 200,000 spaces is read once', () => {
    const register = `claims:\n  - text: In March exports reached\n    fact: "monthly.exports${' '.repeat(200_000)}at=2025-03 x"\n`;
    const problems = checkMini({ 'content/mini/claims.yaml': register });
    expect(problems).toEqual(['content/mini/claims.yaml:3:11  malformed period at="2025-03 x" — write 2007 for a year, 2024-Q3 for a quarter, 2025-03 for a month, 2025-01/02 for a span of months or 2015-06-30 for a day']);
  });

  test('a claims.yaml entry longer than 400 characters is refused: the register backs claims, not passages', () => {
    const long = `${'very '.repeat(100)}long`;
    const problems = checkMini({ ...edit(SECTION, SENTENCE, `${long}. ${SENTENCE}`), 'content/mini/claims.yaml': `claims:\n  - text: ${long}\n    source: { name: Wire, url: "https://example.org/a" }\n` });
    expect(problems).toEqual([
      'content/mini/claims.yaml:2:11  claim "very very very very very very very very very very very ve…" is 504 characters long — quote the words of the claim, at most 400 characters, not a passage: the register backs a claim, not a paragraph',
    ]);
  });

  test('attributes of 60,000 "a-" before nothing are refused as malformed', () => {
    const problems = checkEdited(SECTION, 'at=2025-03}.', `at=2025-03 ${'a-'.repeat(60_000)}}.`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/mini\/01-first\.md:10:\d+ {2}/);
  });

  test.each([
    ['":fact[" openings without a close', ':fact['.repeat(60_000)],
    ['"](" openings without a close', '](' .repeat(100_000)],
    ['"{" openings without a close', ':value{'.repeat(60_000)],
  ])('the claims register reads a body of %s once', (_, body) => {
    const problems = new Problems();
    checkClaimsRegister('content/mini', 'claims: []\n', [{ file: SECTION, body, bodyLine: 9 }], undefined, problems);
    expect(problems.list.map(formatProblem)).toEqual([]);
  });
});

test('the mini story still checks clean (the fixture these cases break)', () => {
  expect(checkMini()).toEqual([]);
  expect(MINI[SECTION]).toContain(SENTENCE);
});

describe('files too large to read', () => {
  test('a CSV over the limit is refused at once with its size and the limit; the rest of the dataset is still read', () => {
    const root = miniProject(edit('data/trade/monthly.csv', '2025-04,16,,imports not reported\n', `2025-04,16,,imports not reported\n${'2025-05,1,1,\n'.repeat(100)}`));
    const problems = new Problems();
    const dataset = loadDataset(root, 'trade', problems, 1_000);
    expect(problems.sorted().map(formatProblem)).toEqual([
      'data/trade/monthly.csv:1:1  data/trade/monthly.csv is 2 KB, over the limit of 1 KB — a file this large is refused before it is read: keep the rows the story charts and checks (a period, a region), or split the table into several files',
    ]);
    expect(dataset!.tables.get('partners')!.rows).toHaveLength(2);
  });

  test('the limit is 20 MB, and the shipped check uses it', () => {
    expect(CSV_LIMIT_BYTES).toBe(20e6);
    expect(checkMini()).toEqual([]);
  });
});
