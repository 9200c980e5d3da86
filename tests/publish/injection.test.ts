import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixtureProject } from '../helpers.ts';
import { runCli } from '../build/runBuild.ts';
import { listFiles, parsePage } from './html.ts';

/** A category label, a dataset note, front matter and Markdown, each carrying markup that must stay text. */
const LABEL = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const NOTE = '<svg onload=alert(3)> and <a href="javascript:alert(4)">a link</a>';
const SECTION = `---
heading: "<img src=x onerror=alert(5)> heading"
chart:
  data: destinations.exports_yoy
  type: barX
  x: destination
  from: 2025-11
  to: 2025-11
  highlight: "${LABEL}"
  title: "<script>alert(6)</script> chart title"
  caption: "<b onmouseover=alert(7)>caption</b>"
---

Raw HTML: <script>alert(8)</script> <img src=x onerror="alert(9)"> <a href="javascript:alert(10)" onclick="alert(11)">click</a> <div style="color:red" onmouseover="alert(12)">hover</div>

A Markdown link [to nowhere](javascript:alert(13)), an autolink <javascript:alert(15)> and <iframe src="javascript:alert(16)"></iframe>.
`;

let dist: string;
let documents: { file: string; document: Document }[];

beforeAll(() => {
  const root = fixtureProject({ 'content/surplus/12-payload.md': SECTION });
  appendFileSync(join(root, 'data/trade/destinations.csv'), `2025-11,"${LABEL}",,5.0,,"${NOTE.replace(/"/g, '""')}"\n`);
  const yamlPath = join(root, 'data/trade/dataset.yaml');
  writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^notes:\n/m, `notes:\n  - ${JSON.stringify(NOTE)}\n`));
  const indexPath = join(root, 'content/surplus/index.md');
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace(/^dek: .*$/m, 'dek: "</script><script>alert(17)</script> dek"'));
  dist = join(root, 'dist');
  const result = runCli('build', root, dist, { BASE_PATH: '/plotline/', SITE_URL: 'https://newsroom.github.io' });
  expect(result.status, result.stderr).toBe(0);
  documents = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, document: parsePage(readFileSync(join(dist, file), 'utf8')) }));
});

describe('a story whose data and copy carry markup', () => {
  test('builds, and shows every payload as text', () => {
    const story = documents.find((d) => d.file === 'surplus/index.html')?.document as Document;
    const text = story.body.textContent ?? '';
    for (const payload of ['<img src=x onerror=alert(5)> heading', '<script>alert(6)</script> chart title', '<script>alert(8)</script>', 'onclick="alert(11)"', '<b onmouseover=alert(7)>caption</b>', '<svg onload=alert(3)>']) {
      expect(text).toContain(payload);
    }
    // The label is drawn in the chart and listed in its data table.
    expect([...story.querySelectorAll('svg text')].some((t) => t.textContent?.includes('<script>alert(1)</script>'))).toBe(true);
    expect([...story.querySelectorAll('th')].some((th) => th.textContent === LABEL)).toBe(true);
  });

  test('no script elements but the page script and the JSON-LD block', () => {
    for (const { file, document } of documents) {
      for (const script of document.querySelectorAll('script')) {
        const allowed = script.getAttribute('type') === 'application/ld+json' || /^\/plotline\/_astro\/[\w.-]+\.js$/.test(script.getAttribute('src') ?? '');
        expect(allowed, `${file}: ${script.outerHTML.slice(0, 120)}`).toBe(true);
      }
      expect(document.querySelectorAll('iframe, object, embed, b, [style]').length, file).toBe(0);
      // A Markdown image keeps its alt text; its javascript: source is dropped.
      for (const img of document.querySelectorAll('img')) expect(img.getAttribute('src') ?? '', file).toMatch(/^(\/plotline\/|$)/);
    }
  });

  test('no event-handler attributes and no javascript: URLs, in HTML or SVG', () => {
    for (const { file, document } of documents) {
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          expect(/^on/i.test(attr.name), `${file}: <${el.tagName} ${attr.name}>`).toBe(false);
          if (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name)) expect(attr.value, file).not.toMatch(/^\s*javascript:/i);
        }
      }
    }
  });

  test('the JSON-LD block holds the dek as data, with "<" escaped', () => {
    const story = documents.find((d) => d.file === 'surplus/index.html')?.document as Document;
    const [block] = story.querySelectorAll('script[type="application/ld+json"]');
    expect(block.textContent).not.toContain('<');
    expect(JSON.parse(block.textContent ?? '').description).toBe('</script><script>alert(17)</script> dek');
  });

  test('the feeds and the 404 page carry the payload escaped', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('&lt;/script&gt;&lt;script&gt;alert(17)&lt;/script&gt; dek');
    expect(rss).not.toContain('<script>');
  });
});
