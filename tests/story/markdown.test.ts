import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { FIXTURE, expectProblem } from '../helpers.ts';

const dataset = loadDataset(FIXTURE, 'trade', new Problems());
const FILE = 'content/s/01-a.md';

function render(body: string) {
  const problems = new Problems();
  const html = renderMarkdown({ file: FILE, body, bodyLine: 4, dataset, problems });
  return { html, problems: problems.sorted() };
}

describe('renderMarkdown()', () => {
  test('prints a checked fact as the editor wrote it, with its value', () => {
    const { html, problems } = render('Surplus :fact[US$1.076 trillion]{key=ytd.balance at=2025-11}.');
    expect(problems).toEqual([]);
    expect(html).toBe('<p>Surplus <data class="fact" value="1076">US$1.076 trillion</data>.</p>');
  });

  test('prints a value from the data in the asked format', () => {
    const { html } = render(':value{key=monthly.exports at=2025-11 format=usd_bn} and :value{key=monthly.exports_yoy at=2025-11 format=pct_signed}');
    expect(html).toContain('>US$330.3 billion</data>');
    expect(html).toContain('>+5.9%</data>');
  });

  test('prints text that only looks like a directive exactly as written', () => {
    const { html, problems } = render('At 10:30 the ratio was 3:1, see Note:this and a:b.');
    expect(problems).toEqual([]);
    expect(html).toBe('<p>At 10:30 the ratio was 3:1, see Note:this and a:b.</p>');
  });

  test('reports a mistyped directive at its line and column in the file', () => {
    const { problems } = render('\nText :fcat[1.9%]{key=monthly.imports_yoy at=2025-11}.');
    expectProblem(problems, FILE, 5, ':5:6', 'unknown directive ":fcat"', 'did you mean ":fact"?');
  });

  test('reports a direction word that contradicts the data', () => {
    const { problems } = render(':fact[rose 28.6 per cent]{key=destinations.exports_yoy at=2025-11 destination="United States"}');
    expectProblem(problems, FILE, 4, 'the text says +28.6, the data gives −28.6');
  });

  test('reports a period with no value and an ambiguous lookup', () => {
    const { problems } = render(':value{key=monthly.exports at=2024-05}\n\n:value{key=destinations.exports_yoy at=2025-11}');
    expectProblem(problems, FILE, 4, 'monthly.exports has no value for 2024-05');
    expectProblem(problems, FILE, 6, 'rows of destinations.exports_yoy match 2025-11', 'add destination=');
  });

  test('shows editor HTML as text and drops javascript: links', () => {
    const { html } = render('Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toMatch(/<(script|img)\b|<[^>]*\son\w+=|href="javascript/);
    expect(html).toContain('&#x3C;script>');
    expect(render('[x](javascript:alert(1)) and [ok](https://example.org)').html).toBe('<p><a>x</a> and <a href="https://example.org">ok</a></p>');
  });

  test('refuses a remote image, with the fix', () => {
    const { problems } = render('See ![map](https://example.org/map.png).');
    expectProblem(problems, FILE, 4, ':4:5', 'image "https://example.org/map.png" is not a file of this site', 'copy the image into public/');
    expectProblem(render('![x](javascript:alert(1))').problems, FILE, 4, 'image "javascript:alert(1)" is not a file of this site');
  });

  test('refuses a figure from after the story\'s last period', () => {
    const problems = new Problems();
    renderMarkdown({ file: FILE, body: ':fact[US$1,188.9 billion]{key=ytd.balance at=2025-12}', bodyLine: 4, dataset, problems, through: parsePeriod('2025-11') });
    expectProblem(problems.sorted(), FILE, 4, 'ytd.balance at 2025-12 is later than the story\'s through: 2025-11', 'raise "through"');
  });
});
