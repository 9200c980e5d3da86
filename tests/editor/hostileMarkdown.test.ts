/**
 * Hostile input, round three: Markdown shaped to exhaust the parser.
 * Quotes nested 5,000 deep or lists 1,000 deep overflowed its stack (and
 * the lists took a minute first), and its reading of brackets grows with
 * their square. Each is refused before the parser runs, at its own line
 * in its own file; Markdown just inside the limits is published. Nothing
 * here measures time: the bench does (npm run bench, "markdown").
 */
import { describe, expect, test } from 'vitest';
import { checkEdited } from '../fixtures/mini.ts';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { MAX_BRACKETS, MAX_EMPHASIS, MAX_MARKDOWN_DEPTH } from '../../src/lib/story/markdownLimits.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';

const SECTION = 'content/mini/01-first.md';
const SENTENCE = 'In March exports reached';
/** The line of SECTION that SENTENCE starts. */
const LINE = 10;

const indentedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- item ${i + 1}`).join('\n');

/** The problems of the mini project with `markdown` written before SENTENCE, in SECTION. */
const before = (markdown: string) => checkEdited(SECTION, SENTENCE, `${markdown}\n\n${SENTENCE}`);

function render(body: string) {
  const problems = new Problems();
  const html = renderMarkdown({ file: SECTION, body, bodyLine: 1, dataset: undefined, problems });
  return { html, problems: problems.sorted().map(formatProblem) };
}

describe('nesting the parser would recurse through', () => {
  test('quotes nested 5,000 deep are refused at the mark past the limit, at the section', () => {
    expect(before(`${'>'.repeat(5000)} quoted`)).toEqual([
      `${SECTION}:${LINE}:${MAX_MARKDOWN_DEPTH + 1}  lists or quotes nested more than 16 levels deep — no story needs them this deep: check the indentation and the > marks from here up; deeper nesting would exhaust the check`,
    ]);
  });

  test('lists nested 1,000 deep by indentation are refused at the first item past the limit', () => {
    const problems = before(indentedList(1000));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^content/mini/01-first\\.md:${LINE + MAX_MARKDOWN_DEPTH}:${2 * MAX_MARKDOWN_DEPTH + 1}  lists or quotes nested more than 16 levels deep`));
  });

  test('lists and quotes at the limit are published, every level of them', () => {
    const { html, problems } = render(`${indentedList(MAX_MARKDOWN_DEPTH)}\n\n${'> '.repeat(MAX_MARKDOWN_DEPTH)}quoted`);
    expect(problems).toEqual([]);
    expect(html.match(/<li>/g)).toHaveLength(MAX_MARKDOWN_DEPTH);
    expect(html.match(/<blockquote>/g)).toHaveLength(MAX_MARKDOWN_DEPTH);
    expect(html).toContain(`item ${MAX_MARKDOWN_DEPTH}`);
  });
});

describe('marks the parser reads against each other', () => {
  test.each([
    ['closing brackets', 'a]'.repeat(100_000), `${LINE}:${2 * MAX_BRACKETS + 2}  more than 2,000 brackets [ ] in one file`],
    // Three brackets in every four characters: the 2,001st is the last of the 667th "[a][".
    ['link references', '[a]['.repeat(100_000), `${LINE}:${667 * 4}  more than 2,000 brackets [ ] in one file`],
    ['emphasis', '*a_'.repeat(100_000), `${LINE}:${1.5 * MAX_EMPHASIS + 1}  more than 2,000 emphasis marks (* _ ~) in one file`],
  ])('%s by the hundred thousand are refused at the mark past the limit, with the fix', (_, markdown, problem) => {
    const problems = before(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${SECTION}:${problem} — split the text into several sections, or write a`);
  });

  test('a file of 300,000 characters is refused at its start: split it', () => {
    expect(before('word '.repeat(60_000))).toEqual([
      `${SECTION}:9:1  Markdown text of 300,141 characters, over the limit of 200,000 — split it into several sections (a file each): one this long would take the check minutes to read`,
    ]);
  });

  test('a hundred thousand short paragraphs are refused at the first line past the limit', () => {
    expect(before('a\n\n'.repeat(100_000))).toEqual([
      // The body starts on the line above the sentence: its 5,001st line.
      `${SECTION}:${LINE - 1 + 5000}:1  Markdown text of more than 5,000 lines — split it into several sections (a file each): the check reads each line and paragraph at a cost, and one this long would take it minutes`,
    ]);
  });

  test('links and emphasis up to the limits are published; escaped marks do not count', () => {
    // 1,996 brackets in the links, 2 in the definition.
    const links = Array.from({ length: MAX_BRACKETS / 2 - 4 }, (_, i) => `[link ${i}](/p${i})`).join(' ');
    const { html, problems } = render(`${links} and [a reference][r]\n\n[r]: /ref\n\n${'*a* '.repeat(MAX_EMPHASIS / 2)}\n\n${'\\[ \\* '.repeat(MAX_BRACKETS)}`);
    expect(problems).toEqual([]);
    expect(html.match(/<a href/g)).toHaveLength(MAX_BRACKETS / 2 - 3);
    expect(html.match(/<em>/g)).toHaveLength(MAX_EMPHASIS / 2);
  });
});
