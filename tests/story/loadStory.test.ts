import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMini, edit, MINI, miniProject } from '../fixtures/mini.ts';
import { tempProject } from '../helpers.ts';

const problemsOf = checkMini;

const INDEX = 'content/mini/index.md';
const FIRST = 'content/mini/01-first.md';
const SECOND = 'content/mini/02-second.md';

describe('loadStory()', () => {
  test('loads the fixture story without problems', () => {
    const { stories, problems } = checkProject(miniProject());
    expect(problems.map(formatProblem)).toEqual([]);
    expect(stories[0].sections.map((s) => s.id)).toEqual(['first', 'second']);
  });

  test('reports two sections with the same number, naming both files', () => {
    expect(problemsOf({ 'content/mini/02-third.md': MINI[SECOND] })).toEqual([
      'content/mini/02-third.md:1:1  two sections share number 02 (also 02-second.md) — renumber one of them: sections are read in number order',
    ]);
  });

  test('reports an empty section at the line where its text should be', () => {
    expect(problemsOf({ [SECOND]: MINI[SECOND].replace(/\n---\n[\s\S]*$/, '\n---\n') })).toEqual([
      `${SECOND}:9:1  empty section — write the text of this step below the frontmatter, or delete the file`,
    ]);
  });

  test('reports a story with no sections', () => {
    expect(problemsOf({ [FIRST]: null, [SECOND]: null })).toEqual([
      `${INDEX}:1:1  story has no sections — add a section file such as content/mini/01-intro.md`,
    ]);
  });

  test('big_number shows the lede\'s first :fact as written, labelled with the period of the row it was checked against', () => {
    const { stories, problems } = checkProject(miniProject(edit(INDEX, 'lead: first\n', 'lead: first\nbig_number: The surplus\ndateline: Geneva\n')));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(stories[0].bigNumber).toEqual({ text: 'US$17 billion', label: 'The surplus, January–March 2025' });
    expect(stories[0].meta.dateline).toBe('Geneva');
  });

  test('big_number is left out, with a warning at its line, when the title already gives its figure', () => {
    for (const title of ['A US$17 billion surplus', 'Surplus reaches 17 billion dollars', 'Surplus tops a billion… no, 17bn']) {
      const changes = edit(INDEX, 'lead: first\n', 'lead: first\nbig_number: The surplus\n');
      changes[INDEX] = changes[INDEX].replace('title: A small story', `title: ${title}`);
      const { stories, problems } = checkProject(miniProject(changes));
      expect(problems.map(formatProblem)).toEqual([]);
      expect(stories[0].bigNumber, title).toBeUndefined();
      expect(stories[0].warnings.map(formatProblem)).toContainEqual(expect.stringMatching(new RegExp(`^${INDEX}:7:13  warning \\(big-number\\): big_number repeats the title: ".+" in the title already gives US\\$17 billion, so the page leaves it out — `)));
    }
    // A figure the title rounds otherwise, or a scale word the figure does not round to, is no repeat.
    for (const title of ['A US$18 billion surplus', 'A surplus of 17 per cent', 'Surplus passes a trillion']) {
      const changes = edit(INDEX, 'lead: first\n', 'lead: first\nbig_number: The surplus\n');
      changes[INDEX] = changes[INDEX].replace('title: A small story', `title: ${title}`);
      const { stories } = checkProject(miniProject(changes));
      expect(stories[0].bigNumber, title).toEqual({ text: 'US$17 billion', label: 'The surplus, January–March 2025' });
      expect(stories[0].warnings.filter((w) => w.code === 'big-number')).toEqual([]);
    }
  });

  test('big_number without a :fact in the lede is refused at its line', () => {
    const changes = edit(INDEX, 'lead: first\n', 'lead: first\nbig_number: The surplus\n');
    changes[INDEX] = changes[INDEX].replace(/:fact\[[^\]]*\]\{[^}]*\}/, 'a lot');
    expect(problemsOf(changes)).toEqual([
      `${INDEX}:7:13  big_number shows the lede's first :fact, but the lede has none — write the lead figure in the lede as :fact[…]{key=… at=…}, or remove big_number`,
    ]);
  });

  test('reports a lead section that does not exist, with the likely one', () => {
    expect(problemsOf(edit(INDEX, 'lead: first', 'lead: frist'))).toEqual([
      `${INDEX}:6:7  lead section "frist" does not exist — did you mean "first"?`,
    ]);
  });

  test('reports an unknown dataset once, with the likely one', () => {
    expect(problemsOf(edit(INDEX, 'dataset: trade', 'dataset: trades'))).toEqual([
      `${INDEX}:4:10  unknown dataset "trades" — did you mean "trade"?`,
    ]);
  });

  test('reports a malformed through period', () => {
    expect(problemsOf(edit(INDEX, 'through: 2025-04', 'through: April 2025'))).toEqual([
      `${INDEX}:5:10  malformed period through: "April 2025" — write YYYY-MM, the last month the story reports`,
    ]);
  });

  test('reports a section file name that is not NN-slug.md', () => {
    expect(problemsOf({ 'content/mini/3-Third.md': MINI[SECOND] })).toEqual([
      'content/mini/3-Third.md:1:1  section file name "3-Third.md" is not NN-slug.md — name sections like 03-partners.md: a number, a dash, lower-case words joined by dashes',
    ]);
  });

  test('reports a first section without a chart', () => {
    expect(problemsOf({ [FIRST]: '---\nheading: First\n---\n\nText.\n' })).toEqual([
      `${FIRST}:1:1  the first section has no chart — add a chart: block: later sections without one keep the chart before them, the first has none to keep`,
    ]);
  });

  test('lists every problem of every file in one run', () => {
    const problems = problemsOf({
      ...edit(INDEX, 'lead: first', 'lead: frist'),
      ...edit(FIRST, 'chart:', 'chrat:'),
      ...edit(SECOND, 'US$4.5 billion', 'US$4.6 billion'),
      ...edit('data/trade/monthly.csv', '2024-03,12,8', '2024-03,12,eight'),
    });
    expect(problems).toEqual([
      `${FIRST}:3:1  unknown field "chrat" — did you mean "chart"?`,
      `${SECOND}:10:36  fact "US$4.6 billion" does not match partners.exports at 2025-03 (partner=United States): the text says US$4.6 billion, the data gives US$4.5 billion — correct the text to "US$4.5 billion", or check the key and period`,
      `${INDEX}:6:7  lead section "frist" does not exist — did you mean "first"?`,
      'data/trade/monthly.csv:3:12  "eight" is not a number in column "imports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing',
    ]);
  });
});

describe('checkProject()', () => {
  test('reports a story folder without index.md rather than skipping it', () => {
    expect(problemsOf({ 'content/draft/01-intro.md': MINI[SECOND] })).toEqual([
      'content/draft/index.md:1:1  story folder content/draft has no index.md — add index.md with the story\'s title, published and dataset, or move the folder out of content/',
    ]);
  });
});

describe('checkProject() with careless files and names', () => {
  test('reports a story folder whose name is not a slug, and does not build it', () => {
    const files = Object.fromEntries(Object.entries(MINI).map(([path, text]) => [path.replace('content/mini/', 'content/Mini Story/'), text]));
    const { stories, problems } = checkProject(tempProject(files));
    expect(stories).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'content:1:1  no stories found — create content/<story>/index.md (npm run new -- <slug> makes one)',
      'content/Mini Story/index.md:1:1  story folder name "Mini Story" is not a slug — rename the folder to lower-case letters, digits and dashes, e.g. content/mini-story',
    ]);
  });

  test('refuses a dataset named by a path rather than a folder under data/', () => {
    for (const name of ['../data/trade', '.', '""']) {
      expect(problemsOf(edit(INDEX, 'dataset: trade', `dataset: ${name}`))).toEqual([
        `${INDEX}:4:10  unknown dataset "${name === '""' ? '' : name}" — use a folder under data/: trade`,
      ]);
    }
  });

  test('reports two sections with the same name under different numbers', () => {
    expect(problemsOf({ 'content/mini/03-first.md': MINI[SECOND] })).toEqual([
      'content/mini/03-first.md:1:1  two sections share the name "first" (also 01-first.md) — rename one of them: the name after the number identifies the step on the page',
    ]);
  });

  test('reports a section saved as .MD or .markdown instead of leaving it out', () => {
    expect(problemsOf({ 'content/mini/03-third.MD': MINI[SECOND], 'content/mini/04-fourth.markdown': MINI[SECOND] })).toEqual([
      'content/mini/03-third.MD:1:1  section file name "03-third.MD" is not NN-slug.md — name sections like 03-partners.md: a number, a dash, lower-case words joined by dashes',
      'content/mini/04-fourth.markdown:1:1  section file name "04-fourth.markdown" is not NN-slug.md — name sections like 03-partners.md: a number, a dash, lower-case words joined by dashes',
    ]);
  });

  test('reports a section that is not UTF-8 at the bad byte', () => {
    const root = miniProject();
    writeFileSync(join(root, SECOND), Buffer.from(MINI[SECOND].replace('heading: Second', 'heading: Segundo pa\u00eds'), 'latin1'));
    expect(checkProject(root).problems.map(formatProblem)).toEqual([
      `${SECOND}:2:20  file is not UTF-8 text — save it with UTF-8 encoding (in a spreadsheet: "CSV UTF-8"); the position is that of the first byte that is not UTF-8`,
    ]);
  });
});

describe('loadStory(): a frontmatter fault hides nothing', () => {
  const FIRST = 'content/mini/01-first.md';
  test('a section whose frontmatter is refused still has its text checked, and its claims still count as in the prose', () => {
    const typo = edit(FIRST, '  highlight: 2025-03', '  higlight: 2025-03');
    const wrongFact = typo[FIRST].replace(':fact[up 25 per cent]', ':fact[up 26 per cent]').replace('In March exports', 'In a record March exports');
    const problems = checkMini({ [FIRST]: wrongFact, 'content/mini/claims.yaml': 'claims:\n  - text: In a record March exports\n    source: { name: Wire, url: "https://example.org/story" }\n' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/mini\/01-first\.md:6:3 {2}unknown field "chart\.higlight" — did you mean "highlight"\?/);
    expect(problems[1]).toMatch(/^content\/mini\/01-first\.md:10:\d+ {2}fact "up 26 per cent" does not match monthly.exports_yoy at 2025-03/);
  });
});
