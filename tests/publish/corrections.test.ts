import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { runCli } from '../build/runBuild.ts';
import { edit, miniProject } from '../fixtures/mini.ts';

const NOTE = 'Corrected: exports to the partner were US$4.5 billion, not US$4.2 billion.';
let dist: string;
let document: Document;

beforeAll(() => {
  const root = miniProject(
    edit('content/mini/index.md', 'published: 2025-05-01\n', `published: 2025-05-01\nupdates:\n  - date: 2025-05-09\n    note: "${NOTE}"\n  - date: 2025-05-03\n    note: Added April.\n`),
  );
  dist = join(root, 'dist');
  const result = runCli('build', root, dist, { SITE_URL: 'https://news.example' });
  expect(result.status, result.stderr).toBe(0);
  document = parseHTML(readFileSync(join(dist, 'mini/index.html'), 'utf8')).document;
});

describe('npm run build: corrections and updates', () => {
  test('the page shows one "Updated" line under the byline, corrections in a box, and every update at the end, earliest first', () => {
    const updated = document.querySelector('.byline-updated')!;
    expect(updated.textContent).toBe('Updated May 9, 2025What changed');
    expect(updated.querySelector('time')!.getAttribute('datetime')).toBe('2025-05-09');
    const log = document.getElementById(updated.querySelector('a')!.getAttribute('href')!.slice(1))!;
    expect(log.getAttribute('aria-labelledby')).toBe(log.querySelector('h2')!.id);
    expect([...log.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['May 3, 2025: Added April.', `May 9, 2025: ${NOTE}`]);
    // The log follows the story; the box under the byline keeps the correction only.
    expect(log.closest('.story-header')).toBeNull();
    const box = document.querySelector('.story-header aside.corrections')!;
    expect(box.getAttribute('aria-labelledby')).toBe(box.querySelector('h2')!.id);
    expect(box.querySelector('h2')!.textContent).toBe('Correction');
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([`May 9, 2025: ${NOTE}`]);
  });

  test('a routine update has no box: the one "Updated" line links to the log', () => {
    const root = miniProject(edit('content/mini/index.md', 'published: 2025-05-01\n', 'published: 2025-05-01\nupdates:\n  - date: 2025-05-03\n    note: Added April.\n'));
    const result = runCli('build', root, join(root, 'dist'), { SITE_URL: 'https://news.example' });
    expect(result.status, result.stderr).toBe(0);
    const page = parseHTML(readFileSync(join(root, 'dist', 'mini/index.html'), 'utf8')).document;
    expect(page.querySelector('aside.corrections')).toBeNull();
    expect(page.querySelector('.byline-updated a')!.getAttribute('href')).toBe('#story-updates');
    expect(page.querySelector('#story-updates li')!.textContent).toBe('May 3, 2025: Added April.');
  });

  test('JSON-LD carries dateModified and the correction, not the plain update', () => {
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.datePublished).toBe('2025-05-01');
    expect(ld.dateModified).toBe('2025-05-09');
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: NOTE, datePublished: '2025-05-09' }]);
    expect(document.querySelector('meta[property="article:modified_time"]')!.getAttribute('content')).toBe('2025-05-09');
  });

  test('the RSS item says when and what was updated; its pubDate stays the first publication', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    const item = /<item>[\s\S]*?<\/item>/.exec(rss)![0];
    expect(item).toContain('<pubDate>Thu, 01 May 2025 00:00:00 GMT</pubDate>');
    expect(item).toContain('<atom:updated>2025-05-09T00:00:00Z</atom:updated>');
    expect(item).toContain(`<description>Updated May 9, 2025. ${NOTE}</description>`);
    expect(rss).toContain('<lastBuildDate>Fri, 09 May 2025 00:00:00 GMT</lastBuildDate>');
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain('<lastmod>2025-05-09</lastmod>');
  });
});
