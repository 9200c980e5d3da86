import { describe, expect, test } from 'vitest';
import { readMarkdownFile } from '../../src/lib/story/frontMatter.ts';
import { CHART_TYPES, sectionSchema, storySchema } from '../../src/lib/story/schema.ts';
import { fieldsOfSection, fieldsOfStory } from '../../src/lib/story/loadStory.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';

const FILE = 'content/s/03-partners.md';

function section(text: string) {
  const problems = new Problems();
  const parsed = readMarkdownFile(FILE, text, sectionSchema, fieldsOfSection, problems);
  return { parsed, problems: problems.sorted().map(formatProblem) };
}

function story(text: string) {
  const problems = new Problems();
  readMarkdownFile('content/s/index.md', text, storySchema, fieldsOfStory, problems);
  return problems.sorted().map(formatProblem);
}

const CHART = 'chart:\n  data: monthly.exports\n  title: Exports\n';

describe('readMarkdownFile()', () => {
  test('points at an unclosed quote, counted from the top of the file', () => {
    expect(section(`---\nheading: "Partners\n${CHART}---\n\nText.\n`).problems).toEqual([
      `${FILE}:2:10  malformed YAML: the quote " opened here is never closed — end the value with "`,
    ]);
  });

  test('reports one YAML error for a slip that YAML sees many times', () => {
    expect(section(`---\nheading: Partners\nchart:\n  data: monthly.exports\n  type: [bar\n  title: Exports\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:6:3  malformed YAML: flow sequence in block collection must be sufficiently indented and end with a ] — check indentation, colons and quotes; quote values that contain ": " or start with a symbol`,
    ]);
  });

  test('reports a file without frontmatter', () => {
    expect(section('Text without fields.\n').problems).toEqual([
      `${FILE}:1:1  missing frontmatter — start the file with a --- line, the fields, and another --- line`,
    ]);
  });

  test('reports frontmatter that does not start on the first line', () => {
    expect(section(`\n---\n${CHART}---\n\nText.\n`).problems).toEqual([
      `${FILE}:1:1  frontmatter does not start on the first line — delete what stands above the first --- line: the file must begin with it`,
    ]);
  });

  test('reports frontmatter without its closing ---', () => {
    expect(section(`---\n${CHART}\nText.\n`).problems).toEqual([
      `${FILE}:1:1  frontmatter is not closed — add a line with only --- after the last field, before the text`,
    ]);
  });

  test('reports a tab used for indentation at its line', () => {
    expect(section(`---\nchart:\n  data: monthly.exports\n\ttitle: Exports\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:4:1  tab used for indentation in YAML — indent with spaces, not tabs`,
    ]);
  });

  test('reports a duplicated key at its second occurrence', () => {
    expect(section(`---\nheading: One\n${CHART}heading: Two\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:6:1  duplicate key "heading" in YAML — each field may appear once; delete or merge the repeated one`,
    ]);
  });

  test('suggests the field an unknown one was meant to be', () => {
    expect(section(`---\nheading: One\n${CHART.replace('chart:', 'chrat:')}---\n\nText.\n`).problems).toEqual([
      `${FILE}:3:1  unknown field "chrat" — did you mean "chart"?`,
    ]);
    expect(section(`---\n${CHART.replace('title:', 'titel:')}---\n\nText.\n`).problems).toEqual([
      `${FILE}:4:3  unknown field "chart.titel" — did you mean "title"?`,
    ]);
  });

  test('reports a missing required field where it belongs', () => {
    expect(section(`---\nheading: One\nchart:\n  data: monthly.exports\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:3:1  missing required field "chart.title" — add \`title:\` under chart`,
    ]);
    expect(story(`---\npublished: 2025-12-08\ndataset: trade\n---\n`)).toEqual([
      'content/s/index.md:2:1  missing required field "title" — add `title:` to the frontmatter',
    ]);
  });

  test('reports a value of the wrong type with the fix', () => {
    expect(story(`---\ntitle: T\npublished: yesterday\ndataset: trade\n---\n`)).toEqual([
      'content/s/index.md:3:12  invalid published: "yesterday" is not a date written YYYY-MM-DD — write the date as year-month-day, e.g. 2025-12-08',
    ]);
    expect(story(`---\ntitle: T\npublished: 2025-02-30\ndataset: trade\n---\n`)).toEqual([
      'content/s/index.md:3:12  invalid published: "2025-02-30" is not a date in the calendar — check the month and the day',
    ]);
    expect(section(`---\n${CHART}  zero: maybe\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:5:9  invalid chart.zero: "maybe" is not true or false — write true or false`,
    ]);
    expect(section(`---\nheading: [One, Two]\n${CHART}---\n\nText.\n`).problems).toEqual([
      `${FILE}:2:10  invalid heading: a list is not text — write text; put it in quotes if it starts with a symbol or contains ": "`,
    ]);
  });

  test('reports frontmatter that is not a block of fields', () => {
    expect(section(`---\nJust a sentence.\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:2:1  invalid frontmatter: "Just a sentence." is not a block of fields — write one field per line, as name: value`,
    ]);
  });

  test('lists the valid chart types for an unknown one', () => {
    expect(section(`---\n${CHART}  type: pie\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:5:9  invalid chart.type: pie (expected ${CHART_TYPES.join(', ')})`,
    ]);
    expect(section(`---\n${CHART}  type: bars\n---\n\nText.\n`).problems).toEqual([
      `${FILE}:5:9  invalid chart.type: bars (expected ${CHART_TYPES.join(', ')}) — did you mean "bar"?`,
    ]);
  });

  test('accepts a byte-order mark and CRLF line endings, and finds the body line', () => {
    const { parsed, problems } = section(`\uFEFF---\r\nheading: One\r\n${CHART.replaceAll('\n', '\r\n')}---\r\n\r\nText.\r\n`);
    expect(problems).toEqual([]);
    expect(parsed?.data.heading).toBe('One');
    expect(parsed?.bodyLine).toBe(7);
    expect(parsed?.body.trim()).toBe('Text.');
  });
});

describe('readMarkdownFile() with careless values', () => {
  const chart = (lines: string) => section(`---\nchart:\n  data: monthly.exports\n  title: Exports\n${lines}---\nText.\n`).problems;

  test('reports an empty list where one item at least is needed', () => {
    expect(section('---\nchart:\n  data: []\n  title: Exports\n---\nText.\n').problems).toEqual([
      `${FILE}:3:9  invalid chart.data: an empty list — name at least one item, or delete the field`,
    ]);
    expect(chart('  highlight: []\n')).toEqual([`${FILE}:5:14  invalid chart.highlight: an empty list — name at least one item, or delete the field`]);
  });

  test('reports blank text where readers would see an empty title or note', () => {
    expect(chart('  annotations:\n    - { at: 2025-03, text: " " }\n')).toEqual([
      `${FILE}:6:28  invalid chart.annotations.0.text: empty text — write the text, or delete the field if it is optional`,
    ]);
    expect(story('---\ntitle: ""\npublished: 2025-01-01\ndataset: d\n---\n')).toEqual([
      'content/s/index.md:2:8  invalid title: empty text — write the text, or delete the field if it is optional',
    ]);
  });

  test('names a list given for where in plain words', () => {
    expect(chart('  where: [2024]\n')).toEqual([
      `${FILE}:5:10  invalid chart.where: a list is not a block of fields — write name: value pairs, e.g. { destination: United States }`,
    ]);
  });

  test('refuses a YAML tag it does not know rather than reading it as text', () => {
    expect(section('---\nheading: !!js/function "f"\n---\nText.\n').problems).toEqual([
      `${FILE}:2:10  malformed YAML: unresolved tag: tag:yaml.org,2002:js/function — check indentation, colons and quotes; quote values that contain ": " or start with a symbol`,
    ]);
  });

  test('says how to write a date given as a number', () => {
    expect(story('---\ntitle: T\npublished: 2025\ndataset: d\n---\n')).toEqual([
      'content/s/index.md:3:12  invalid published: 2025 is not a date or text — write the date as year-month-day, e.g. 2025-12-08',
    ]);
  });
});
