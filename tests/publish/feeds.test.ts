import { beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { loadSite } from '../../src/lib/site.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { newestFirst, rfc822, robotsTxt, rssXml, sitemapXml } from '../../src/lib/share/feeds.ts';
import { normaliseBase, siteUrls } from '../../src/lib/share/urls.ts';
import { FIXTURE } from '../helpers.ts';

let story: Story;
const urls = siteUrls('https://newsroom.github.io', '/plotline');

beforeAll(() => {
  story = loadSite(FIXTURE).stories.find((s) => s.story.slug === 'surplus')!.story;
});

/** A copy of the real story with other front matter. */
function variant(slug: string, meta: Partial<Story['meta']>): Story {
  return { ...story, slug, meta: { ...story.meta, ...meta } };
}

describe('normaliseBase()', () => {
  test.each([
    ['', '/'],
    [undefined, '/'],
    ['/', '/'],
    ['/plotline', '/plotline/'],
    ['plotline/', '/plotline/'],
    ['//a/b//', '/a/b/'],
  ])('%s → %s', (input, expected) => expect(normaliseBase(input)).toBe(expected));
});

describe('siteUrls()', () => {
  test('puts paths under the base and makes absolute URLs on the origin', () => {
    expect(urls.path()).toBe('/plotline/');
    expect(urls.path('/a/share.png')).toBe('/plotline/a/share.png');
    expect(urls.absolute('rss.xml')).toBe('https://newsroom.github.io/plotline/rss.xml');
    expect(siteUrls('https://example.org/ignored/', '').absolute('x/')).toBe('https://example.org/x/');
  });
});

describe('rfc822()', () => {
  test('formats a date for RSS, in UTC', () => {
    expect(rfc822('2025-12-08')).toBe('Mon, 08 Dec 2025 00:00:00 GMT');
    expect(rfc822('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 GMT');
  });
});

describe('newestFirst()', () => {
  test('sorts by published date, newest first, then by slug', () => {
    const list = [variant('b', { published: '2025-01-01' }), variant('a', { published: '2025-01-01' }), variant('c', { published: '2025-06-01' })];
    expect(newestFirst(list.map((s) => ({ story: s }))).map((e) => e.story.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('sitemapXml()', () => {
  test('lists the home page and every story under the base, with the last change date', () => {
    const xml = sitemapXml([variant('one', { published: '2025-01-02' }), variant('two', { published: '2025-03-01', updated: '2025-04-05' })], urls);
    const { document } = parseHTML(xml);
    const entries = [...document.querySelectorAll('url')].map((u) => [u.querySelector('loc')?.textContent, u.querySelector('lastmod')?.textContent]);
    expect(entries).toEqual([
      ['https://newsroom.github.io/plotline/', '2025-04-05'],
      ['https://newsroom.github.io/plotline/one/', '2025-01-02'],
      ['https://newsroom.github.io/plotline/two/', '2025-04-05'],
    ]);
  });
});

describe('rssXml()', () => {
  test('lists stories newest first with escaped titles and dates from the stories', () => {
    const xml = rssXml(
      [variant('old', { published: '2024-05-01', title: 'Old & <b>bold</b>' }), variant('new', { published: '2025-12-08' })],
      { title: 'Plotline', description: 'Stories' },
      urls,
    );
    expect(xml).toContain('<title>Old &amp; &lt;b&gt;bold&lt;/b&gt;</title>');
    expect(xml).not.toContain('<b>');
    expect(xml.indexOf('/plotline/new/')).toBeLessThan(xml.indexOf('/plotline/old/'));
    expect(xml).toContain('<lastBuildDate>Mon, 08 Dec 2025 00:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<atom:link href="https://newsroom.github.io/plotline/rss.xml" rel="self"');
  });
});

describe('robotsTxt()', () => {
  test('allows everything and points at the sitemap under the base', () => {
    expect(robotsTxt(urls)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://newsroom.github.io/plotline/sitemap.xml\n');
  });
});
