/**
 * Hostile input, round two: each class of attack or careless save ends in
 * a positioned problem, and the rest of the project is still checked.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { z } from 'zod';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { parseYaml, reportSchemaIssues } from '../../src/lib/yamlSource.ts';
import { tooDeepAt } from '../../src/lib/yamlDepth.ts';
import { checkEdited, checkMini, edit, MINI, miniProject } from '../fixtures/mini.ts';

const SECTION = 'content/mini/01-first.md';
/** Nine anchors, each repeating the one before nine times: 9^6 strings. */
const ALIAS_BOMB = ['lol: &a ["x","x","x","x","x","x","x","x","x"]', ...['b', 'c', 'd', 'e', 'f'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');

/** Other stories' and datasets' problems: what must still be reported next to a bomb. */
const secondFault = edit('data/trade/monthly.csv', '2025-03,15,9,', '2025-03,fifteen,9,');
const secondFaultLine = 'data/trade/monthly.csv:5:9  "fifteen" is not a number in column "exports"';

describe('resource bombs in YAML', () => {
  test('an alias bomb in frontmatter is refused at its first alias; the CSV is still checked', () => {
    const problems = checkMini({ ...edit(SECTION, 'heading: First\n', `heading: First\n${ALIAS_BOMB}\n`), ...secondFault });
    expect(problems[0]).toMatch(/^content\/mini\/01-first\.md:4:\d+  YAML aliases expand too far/);
    expect(problems[0]).toContain('write the values out instead of repeating them with & and *');
    expect(problems.some((p) => p.startsWith(secondFaultLine))).toBe(true);
  });

  test('an alias bomb in dataset.yaml is refused with its position', () => {
    const problems = checkMini(edit('data/trade/dataset.yaml', 'licence: Public figures\n', `licence: Public figures\n${ALIAS_BOMB.replace('lol:', 'extra:')}\n`));
    expect(problems.find((p) => p.includes('aliases'))).toMatch(/^data\/trade\/dataset\.yaml:6:\d+  YAML aliases expand too far/);
  });

  test.each([
    ['flow sequences', `deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}`, 3, 38],
    ['flow mappings', `deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`, 3, 131],
    // 2,000 levels: 10,000 indented lines would be 50 MB of spaces.
    ['indented blocks', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1', 35, 33],
    ['compact lists', `deep:\n${'- '.repeat(10_000)}x`, 4, 63],
  ])('frontmatter nested thousands deep in %s is refused where it passes the limit', (_, yaml, line, column) => {
    const problems = checkMini({ ...edit(SECTION, 'heading: First\n', `heading: First\n${yaml}\n`), ...secondFault });
    expect(problems[0]).toBe(`${SECTION}:${line}:${column}  YAML nested more than 32 levels deep — no Plotline field nests that deep: check the indentation and the brackets here`);
    expect(problems.some((p) => p.startsWith(secondFaultLine))).toBe(true);
  });

  test('deep nesting in dataset.yaml is refused too; brackets inside quotes and comments do not count', () => {
    const quoted = checkMini(edit('data/trade/dataset.yaml', 'licence: Public figures', `licence: "${'['.repeat(50)}" # ${'{'.repeat(50)}`));
    expect(quoted).toEqual([]);
    const deep = checkMini(edit('data/trade/dataset.yaml', 'licence: Public figures', `licence: ${'['.repeat(50)}${']'.repeat(50)}`));
    expect(deep[0]).toMatch(/^data\/trade\/dataset\.yaml:4:41  YAML nested more than 32 levels deep/);
  });
});

describe('paths that lead out of the project', () => {
  const outside = () => {
    const dir = mkdtempSync(join(tmpdir(), 'plotline-outside-'));
    writeFileSync(join(dir, 'secret.md'), MINI[SECTION].replace('In March', 'Secret: in March'));
    mkdirSync(join(dir, 'story'));
    for (const name of ['index.md', '01-first.md', '02-second.md']) writeFileSync(join(dir, 'story', name), MINI[`content/mini/${name}`]);
    mkdirSync(join(dir, 'trade'));
    for (const name of ['dataset.yaml', 'monthly.csv', 'ytd.csv', 'partners.csv']) writeFileSync(join(dir, 'trade', name), MINI[`data/trade/${name}`]);
    return dir;
  };
  const check = (root: string) => checkProject(root).problems.map(formatProblem);

  test('a section that links to a file outside is refused at the section', () => {
    const root = miniProject({ [SECTION]: null });
    const away = outside();
    symlinkSync(join(away, 'secret.md'), join(root, SECTION));
    expect(check(root)).toEqual([`${SECTION}:1:1  ${SECTION} is a link to ${join(away, 'secret.md')}, outside the project — copy the file or folder into the project instead of linking to it: everything Plotline reads may be published`]);
  });

  test('a story folder that links outside is refused at the folder', () => {
    const root = miniProject();
    const away = outside();
    symlinkSync(join(away, 'story'), join(root, 'content/linked'));
    expect(check(root)).toEqual([`content/linked:1:1  content/linked is a link to ${join(away, 'story')}, outside the project — copy the file or folder into the project instead of linking to it: everything Plotline reads may be published`]);
  });

  test('a dataset folder that links outside is refused at its dataset.yaml', () => {
    const root = miniProject(Object.fromEntries(Object.keys(MINI).filter((p) => p.startsWith('data/')).map((p) => [p, null])));
    const away = outside();
    mkdirSync(join(root, 'data'));
    symlinkSync(join(away, 'trade'), join(root, 'data/trade'));
    expect(check(root)).toEqual([`data/trade/dataset.yaml:1:1  data/trade/dataset.yaml is a link to ${join(away, 'trade/dataset.yaml')}, outside the project — copy the file or folder into the project instead of linking to it: everything Plotline reads may be published`]);
  });

  test('links inside the project are still followed', () => {
    const root = miniProject({ 'content/mini/01-first.md': null, 'drafts/first.md': MINI[SECTION] });
    symlinkSync('../../drafts/first.md', join(root, SECTION));
    expect(check(root)).toEqual([]);
  });

  test('link loops are positioned problems, for a story folder, a section and a dataset folder, all in one run', () => {
    const root = miniProject();
    symlinkSync('loop', join(root, 'content/loop'));
    symlinkSync('03-loop.md', join(root, 'content/mini/03-loop.md'));
    symlinkSync('spin', join(root, 'data/spin'));
    const hint = 'replace the link with the file or folder itself';
    expect(check(root)).toEqual([
      `content/loop:1:1  content/loop is a link that leads back to itself (a link loop) — ${hint}`,
      `content/mini/03-loop.md:1:1  content/mini/03-loop.md is a link that leads back to itself (a link loop) — ${hint}`,
      `data/spin:1:1  data/spin is a link that leads back to itself (a link loop) — ${hint}`,
    ]);
  });
});

describe('line positions and hints', () => {
  test('CR-only line endings give true lines in frontmatter, Markdown and CSV', () => {
    const mac = (text: string) => text.replaceAll('\n', '\r');
    const problems = checkMini({
      [SECTION]: mac(MINI[SECTION].replace('type: bar', 'type: pie').replace('US$', 'US$').replace('up 25 per cent', 'up 52 per cent')),
      'data/trade/monthly.csv': mac(MINI['data/trade/monthly.csv'].replace('2025-03,15,9,', '2025-03,fifteen,9,')),
    });
    expect(problems.map((p) => p.split('  ')[0])).toEqual([`${SECTION}:5:9`, 'data/trade/monthly.csv:5:9']);
  });

  test('CR-only endings in a section body place a fact at its own line', () => {
    const text = MINI[SECTION].replace('up 25 per cent', 'up 52 per cent');
    const unix = checkMini({ [SECTION]: text });
    expect(unix[0]).toMatch(/^content\/mini\/01-first\.md:10:\d+  fact "up 52 per cent"/);
    expect(checkMini({ [SECTION]: text.replaceAll('\n', '\r') })).toEqual(unix);
  });

  test('a typeset minus (U+2212) in a CSV number is read as a minus', () => {
    expect(checkEdited('data/trade/monthly.csv', '2025-04,16,,', '2025-04,\u221216,,')).toEqual([]);
  });

  test('a dash that only looks like a minus is named in the hint, in CSV and in frontmatter', () => {
    expect(checkEdited('data/trade/monthly.csv', '2025-04,16,,', '2025-04,\u201316,,')).toEqual([
      'data/trade/monthly.csv:6:9  "\u201316" is not a number in column "exports" — the first character is U+2013 EN DASH, not a minus: write -16',
    ]);
    const problems = new Problems();
    const source = parseYaml('f.yaml', 'low: \u221228.6\n', problems)!;
    reportSchemaIssues(source, z.object({ low: z.number() }).safeParse(source.data).error!.issues, problems, () => []);
    expect(problems.list.map(formatProblem)).toEqual([
      'f.yaml:1:6  invalid low: "\u221228.6" is not a number — it begins with U+2212, which looks like a minus but is not one: write -28.6',
    ]);
  });

  test.each([
    [';', 'semicolons'],
    ['\t', 'tabs'],
  ])('a CSV separated by %j says so instead of listing columns', (mark, name) => {
    const text = MINI['data/trade/partners.csv'].replaceAll(',', mark);
    expect(checkMini({ 'data/trade/partners.csv': text })).toEqual([
      `data/trade/partners.csv:1:1  the header is one column, "period${mark}partner${mark}exports" — this file is separated by ${name}; Plotline reads commas: save it as "CSV (comma-separated)"`,
    ]);
  });
});

describe('section order and ids', () => {
  const plain = (heading: string) => `---\nheading: ${heading}\n---\n\nText of ${heading}.\n`;

  test('sections are read by number: 100- comes after 11- and 3-', () => {
    const root = miniProject({ 'content/mini/100-last.md': plain('Last'), 'content/mini/11-middle.md': plain('Middle'), 'content/mini/3-early.md': plain('Early') });
    const { stories, problems } = checkProject(root);
    expect(problems).toEqual([]);
    expect(stories[0].sections.map((s) => s.id)).toEqual(['first', 'second', 'early', 'middle', 'last']);
  });

  test.each([
    ['story-sources', 'the page itself'],
    ['chart-status', 'the page itself'],
  ])('a section named %s is refused: the page uses that id', (name) => {
    expect(checkMini({ [`content/mini/03-${name}.md`]: plain('Clash') })).toEqual([
      `content/mini/03-${name}.md:1:1  section name "${name}" gives the page the id "${name}", which the page itself uses — rename the section file: the name after the number becomes an id on the page and must not repeat one`,
    ]);
  });

  test("a section named like another section's chart or heading is refused", () => {
    expect(checkMini({ 'content/mini/03-mini-first.md': plain('Clash'), 'content/mini/04-second-heading.md': plain('Clash') })).toEqual([
      'content/mini/03-mini-first.md:1:1  section name "mini-first" gives the page the id "mini-first", which section 01-first.md also uses — rename the section file: the name after the number becomes an id on the page and must not repeat one',
      'content/mini/04-second-heading.md:1:1  section name "second-heading" gives the page the id "second-heading", which section 02-second.md also uses — rename the section file: the name after the number becomes an id on the page and must not repeat one',
    ]);
  });

  test('a section named like a footnote id is refused', () => {
    expect(checkMini({ 'content/mini/03-user-content-fn-1.md': plain('Clash') })[0]).toContain('section name "user-content-fn-1" gives the page the id "user-content-fn-1", which footnotes use');
  });
});

describe('images, every way they are written', () => {
  const body = (text: string) => edit(SECTION, 'In March exports', `${text}\n\nIn March exports`);
  const imageLine = 10;

  test('a remote image through a reference definition is refused at the definition', () => {
    expect(checkMini(body('![chart][ref]\n\n[ref]: https://evil.example/pixel.png'))).toEqual([
      `${SECTION}:12:1  image "https://evil.example/pixel.png" is not a file of this site — copy the image into public/ and refer to it by its path, e.g. ![chart](/images/chart.png)`,
    ]);
  });

  test.each([
    ['protocol-relative', '![x](//evil.example/a.png)'],
    ['inline remote', '![x](https://evil.example/a.png)'],
    ['reference, collapsed', '![ref][]\n\n[ref]: http://evil.example/a.png'],
    ['reference, shortcut', '![ref]\n\n[ref]: http://evil.example/a.png'],
  ])('a remote image written %s is refused', (_, markdown) => {
    const problems = checkMini(body(markdown));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/is not a file of this site/);
  });

  test('a local image that does not exist is an error; one that does is published', () => {
    expect(checkMini(body('![chart](/images/missing.png)'))).toEqual([
      `${SECTION}:${imageLine}:1  image "/images/missing.png" is not a file in public/ — put the image at public/images/missing.png, or correct the path`,
    ]);
    expect(checkMini({ ...body('![chart](/images/here.png)'), 'public/images/here.png': 'png' })).toEqual([]);
  });

  test('a relative image path, a path out of public/ and a link out of the project are refused', () => {
    expect(checkMini(body('![chart](chart.png)'))[0]).toBe(`${SECTION}:${imageLine}:1  image "chart.png" is a relative path — write its path from public/, starting with /, e.g. ![chart](/images/chart.png)`);
    expect(checkMini({ ...body('![x](/../data/trade/monthly.csv)') })[0]).toMatch(/is not a file in public\//);
    const root = miniProject(body('![x](/secret.png)'));
    mkdirSync(join(root, 'public'));
    symlinkSync('/etc/hostname', join(root, 'public/secret.png'));
    expect(checkProject(root).problems.map(formatProblem)).toEqual([
      `${SECTION}:${imageLine}:1  image "/secret.png" is not a file in public/ — copy the image itself into public/: a link that leads out of the project is not published`,
      'public/secret.png:1:1  public/secret.png is a link to /etc/hostname, outside the project — copy the file or folder into the project instead of linking to it: everything Plotline reads may be published',
    ]);
  });

  test('a 5 MB data: URI is refused in a short line that does not repeat it', () => {
    // Its length is refused before the parser reads it (markdownLimits.ts), with the image's fix.
    const [problem, ...rest] = checkMini(body(`![x](data:image/png;base64,${'A'.repeat(5_000_000)})`));
    expect(rest).toEqual([]);
    expect(problem).toBe(`${SECTION}:${imageLine - 1}:1  Markdown text of 5,000,169 characters, over the limit of 200,000 — most of it is an image written as a data: address: save the image as a file in public/ and refer to it by its path, e.g. ![chart](/images/chart.png)`);
  });

  test('a data: URI short enough to read is refused as an image, with its size', () => {
    const [problem, ...rest] = checkMini(body(`![x](data:image/png;base64,${'A'.repeat(100_000)})`));
    expect(rest).toEqual([]);
    expect(problem).toBe(`${SECTION}:${imageLine}:1  image written as a data: address (98 KB of text) — save the image as a file in public/ and refer to it by its path, e.g. ![chart](/images/chart.png)`);
  });
});

describe('text that fools the check or the reader', () => {
  test.each([
    ['\u202e', 'U+202E (RIGHT-TO-LEFT OVERRIDE)', 'bidirectional control'],
    ['\u2066', 'U+2066 (LEFT-TO-RIGHT ISOLATE)', 'bidirectional control'],
  ])('a bidi control inside a fact is refused wherever it stands', (char, name, kind) => {
    const problems = checkEdited('content/mini/02-second.md', 'US$4.5 billion', `US$${char}4.5\u202c billion`);
    expect(problems[0]).toBe(`content/mini/02-second.md:10:45  ${kind} ${name} in the text — delete it: it makes the text display in another order than the one written and checked`);
  });

  test.each([
    ['\u200b', 'U+200B'],
    ['\u200d', 'U+200D'],
    ['\u00ad', 'U+00AD'],
  ])('an invisible %j in a fact, a Markdown heading or a frontmatter heading is refused with its name', (char, name) => {
    const hint = 'delete it: it prints as nothing, so what the reader sees is not what was checked (retype the text if you cannot find it)';
    expect(checkEdited('content/mini/02-second.md', 'US$4.5 billion', `US$4.${char}5 billion`)).toEqual([
      `content/mini/02-second.md:10:36  fact "US$4.${char}5 billion" contains the invisible character ${name} — ${hint}`,
    ]);
    expect(checkEdited(SECTION, 'In March', `## Ma${char}rch\n\nIn March`)).toEqual([`${SECTION}:10:1  heading contains the invisible character ${name} — ${hint}`]);
    expect(checkEdited(SECTION, 'heading: First', `heading: Fi${char}rst`)).toEqual([`${SECTION}:2:10  heading contains the invisible character ${name} — ${hint}`]);
  });

  test('a vertical tab (or any control character) in a title is refused at its position', () => {
    expect(checkEdited('content/mini/index.md', 'title: A small story', 'title: A small\u000bstory')).toEqual([
      'content/mini/index.md:2:15  control character U+000B (vertical tab) in the text — delete it (it is invisible; often pasted from a word processor): it cannot be published and breaks the feeds',
    ]);
    expect(checkEdited('data/trade/partners.csv', 'Japan', 'Ja\u0007pan')[0]).toMatch(/^data\/trade\/partners\.csv:3:11  control character U\+0007 in the text/);
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('where: { %s: … } is refused as a key that is not a column', (key) => {
    const problems = checkEdited('content/mini/02-second.md', '  x: partner\n', `  x: partner\n  where:\n    ${key}: Japan\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(key === '__proto__'
      ? /^content\/mini\/02-second\.md:8:5  the key "__proto__" is not a field or a column/
      : new RegExp(`^content/mini/02-second\\.md:8:5  table partners has no column "${key}" to filter on`));
  });

  test.each(['__proto__', 'constructor'])('a %s attribute on :fact is refused, not dropped', (key) => {
    const problems = checkEdited('content/mini/02-second.md', 'partner="United States"', `partner="United States" ${key}=x`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/mini\/02-second\.md:10:36  /);
    expect(problems[0]).toMatch(key === '__proto__' ? /attribute "__proto__" on :fact is not a column/ : /unknown attribute "constructor" on :fact/);
  });

  test('a :fact or :value in frontmatter text is refused: it would be printed unchecked', () => {
    expect(checkEdited(SECTION, 'heading: First', 'heading: "Up :fact[25 per cent]{key=monthly.exports_yoy at=2025-03}"')).toEqual([
      `${SECTION}:2:10  :fact in heading is printed as typed, unchecked — frontmatter text is not checked against the data: write the figure in the section's text with :fact or :value, or write the number plainly`,
    ]);
    expect(checkEdited(SECTION, 'title: Monthly balance', 'title: "Balance :value{key=monthly.balance at=2025-03}"')[0]).toMatch(/^content\/mini\/01-first\.md:7:10  :value in chart\.title is printed as typed/);
  });

  test('a :fact in a Markdown heading is checked like any other', () => {
    expect(checkEdited(SECTION, 'In March', '## Up :fact[52 per cent]{key=monthly.exports_yoy at=2025-03}\n\nIn March')[0]).toMatch(/^content\/mini\/01-first\.md:10:7  fact "52 per cent" does not match/);
  });

  test('an HTML comment is refused, and its note is not published', () => {
    expect(checkEdited(SECTION, 'In March', '<!-- draft: check with Sam before publishing -->\n\nIn March')).toEqual([
      `${SECTION}:10:1  HTML comment in the text — delete it: a comment is published in the page's source for any reader to see; keep draft notes outside content/`,
    ]);
    expect(checkEdited(SECTION, 'In March', 'Inline <!-- note --> comment. In March')[0]).toMatch(/^content\/mini\/01-first\.md:10:8  HTML comment in the text/);
  });

  test('footnotes: a reference without a definition, an unused and a repeated definition are refused', () => {
    expect(checkEdited(SECTION, 'In March', 'A claim[^1] and another[^2].\n\n[^1]: The source.\n[^1]: Again.\n[^3]: Unused.\n\nIn March')).toEqual([
      `${SECTION}:10:24  footnote [^2] has no definition — add a line "[^2]: the note" below the paragraph, or delete the reference`,
      `${SECTION}:13:1  footnote [^1] is defined twice — keep one definition: only the first would be published`,
      `${SECTION}:14:1  footnote [^3] is never referred to — refer to it in the text with [^3], or delete it`,
    ]);
  });

  test('footnotes in two sections get ids unique on the page, and every footnote link has its target', () => {
    const note = (file: string, text: string) => edit(file, 'In March', `${text}[^1]\n\n[^1]: ${text} note.\n\nIn March`);
    const root = miniProject({ ...note(SECTION, 'First'), ...edit('content/mini/02-second.md', 'Sales to', 'Second[^1]\n\n[^1]: Second note.\n\nSales to') });
    const { stories, problems } = checkProject(root);
    expect(problems).toEqual([]);
    const html = stories[0].sections.map((s) => s.html).join('\n');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(ids).toContain(target);
  });

  test('a link to a missing #anchor is an error; links to a section, a chart and the sources are fine', () => {
    expect(checkEdited(SECTION, 'In March', 'See [below](#secnd) and [the method](#story-sources), [the chart](#mini-second), [the step](#second).\n\nIn March')).toEqual([
      `${SECTION}:10:5  link to "#secnd" goes to nothing on this page — did you mean "second"?`,
    ]);
    expect(checkEdited(SECTION, 'In March', 'See [ref].\n\n[ref]: #nowhere\n\nIn March')).toEqual([
      `${SECTION}:12:1  link to "#nowhere" goes to nothing on this page — use the name of a section, one of first, second, story-sources, chart-status, story-updates, story-updates-heading, corrections-heading`,
    ]);
  });
});

describe('what a problem repeats', () => {
  test('a megabyte cell is quoted in a short line', () => {
    const [problem] = checkEdited('data/trade/monthly.csv', '2025-03,15,9,', `2025-03,${'9x'.repeat(500_000)},9,`);
    expect(problem.length).toBeLessThan(1300);
    expect(problem).toMatch(/^data\/trade\/monthly\.csv:5:9  "9x9x.*…/);
  });

  test('a link in public/ that leads out of the project is refused: public/ is published whole', () => {
    const root = miniProject({ 'public/images/ok.png': 'png' });
    symlinkSync('/etc/hostname', join(root, 'public/images/leak.txt'));
    symlinkSync('ok.png', join(root, 'public/images/same.png'));
    expect(checkProject(root).problems.map(formatProblem)).toEqual([
      `public/images/leak.txt:1:1  public/images/leak.txt is a link to /etc/hostname, outside the project — copy the file or folder into the project instead of linking to it: everything Plotline reads may be published`,
    ]);
  });
});

test('brackets inside plain text do not count as nesting', () => {
  const words = Array.from({ length: 40 }, (_, i) => `note${i}: rose [sic ${'{'.repeat(3)}`).join('\n');
  expect(tooDeepAt(words)).toBeUndefined();
  expect(tooDeepAt(`a: ${'['.repeat(40)}`)).toBe(3 + 31);
});
