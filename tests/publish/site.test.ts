import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { fixtureProject } from '../helpers.ts';
import { runCli } from '../build/runBuild.ts';
import { launchChrome } from '../browser/chrome.ts';
import { serveStatic, type StaticServer } from '../browser/serve.ts';
import { cssUrls, hashFiles, listFiles, pageUrls, parsePage, pngSize } from './html.ts';

const SITE = 'https://newsroom.github.io';
const BASE = '/plotline/';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

let dist: string;
let second: string;
let server: StaticServer;
let browser: Browser;
let pages: string[];

/** Builds the repository's content in its own temporary project, as GitHub Pages would. */
function buildUnderSubPath(): string {
  const root = fixtureProject();
  const out = join(root, 'dist');
  const result = runCli('build', root, out, { SITE_URL: SITE, BASE_PATH: BASE });
  expect(result.status, result.stderr).toBe(0);
  return out;
}

/** A URL from the pages, mapped onto the local server; undefined for another site or a non-HTTP scheme. */
function local(url: string, from: string): string | undefined {
  const absolute = new URL(url, from);
  if (absolute.origin === SITE) return new URL(`${absolute.pathname}${absolute.search}`, server.url).href;
  return absolute.origin === new URL(server.url).origin ? absolute.href : undefined;
}

beforeAll(async () => {
  dist = buildUnderSubPath();
  second = buildUnderSubPath();
  pages = listFiles(dist).filter((f) => f.endsWith('.html'));
  server = await serveStatic(dist, BASE, { 'Content-Security-Policy': CSP });
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm run build under BASE_PATH=/plotline/', () => {
  test('two builds of the same commit are byte-identical', () => {
    const a = hashFiles(dist);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(hashFiles(second)).toEqual(a);
  });

  test('writes the site furniture: .nojekyll, 404, robots.txt, sitemap, RSS, icons, share image', () => {
    for (const file of ['.nojekyll', '404.html', 'robots.txt', 'sitemap.xml', 'rss.xml', 'favicon.svg', 'apple-touch-icon.png', 'surplus/share.png']) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
    expect(pngSize(readFileSync(join(dist, 'surplus/share.png')))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(readFileSync(join(dist, 'apple-touch-icon.png')))).toEqual({ width: 180, height: 180 });
  });

  test('every href, src, srcset and share URL of every page resolves under the sub-path', async () => {
    const checked = new Map<string, number>();
    const broken: string[] = [];
    const visit = async (url: string, where: string) => {
      if (!checked.has(url)) checked.set(url, (await fetch(url, { redirect: 'manual' })).status);
      if (checked.get(url) !== 200) broken.push(`${where}: ${url} → ${checked.get(url)}`);
    };
    for (const page of pages) {
      const pageUrl = new URL(page.replace(/index\.html$/, ''), server.url).href;
      const document = parsePage(readFileSync(join(dist, page), 'utf8'));
      for (const url of pageUrls(document)) {
        if (url.startsWith('#')) {
          if (!document.getElementById(url.slice(1))) broken.push(`${page}: ${url} → no such id`);
          continue;
        }
        const target = local(url, pageUrl);
        if (target) await visit(target.replace(/#.*$/, ''), page);
        else expect(url, `${page} links to another site by a relative URL`).toMatch(/^(https?:|mailto:)/);
      }
    }
    for (const css of listFiles(dist).filter((f) => f.endsWith('.css'))) {
      const cssUrl = new URL(css, server.url).href;
      for (const url of cssUrls(readFileSync(join(dist, css), 'utf8')).filter((u) => !u.startsWith('data:'))) {
        await visit(local(url, cssUrl) ?? url, css);
      }
    }
    for (const feed of ['sitemap.xml', 'rss.xml']) {
      for (const [, url] of readFileSync(join(dist, feed), 'utf8').matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) {
        expect(url.startsWith(`${SITE}${BASE}`), `${feed}: ${url}`).toBe(true);
        await visit(local(url, server.url) as string, feed);
      }
    }
    expect(broken).toEqual([]);
    expect([...checked.keys()].some((u) => u.endsWith('.csv'))).toBe(true);
    expect([...checked.keys()].some((u) => u.endsWith('/share.png'))).toBe(true);
    // The embed pages, and what they link to: their oEmbed, images and the story.
    for (const end of ['/oembed.json', '@2x.png', '.svg']) expect([...checked.keys()].some((u) => u.endsWith(end)), end).toBe(true);
  });

  test('a missing page gets the 404 page, whose links work at any depth', async () => {
    const response = await fetch(new URL('no/such/story/', server.url));
    expect(response.status).toBe(404);
    const document = parsePage(await response.text());
    expect(document.querySelector('h1')?.textContent).toBe('Page not found');
    for (const url of pageUrls(document)) {
      const target = local(url, new URL('no/such/story/', server.url).href);
      if (target) expect((await fetch(target)).status, url).toBe(200);
    }
  });

  test('the story page has canonical, Open Graph, Twitter and NewsArticle tags on the published origin', () => {
    const document = parsePage(readFileSync(join(dist, 'surplus/index.html'), 'utf8'));
    const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    const story = `${SITE}${BASE}surplus/`;
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(story);
    expect(meta('og:url')).toBe(story);
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe(document.querySelector('title')?.textContent);
    expect(meta('description')).toBeTruthy();
    expect(meta('og:description')).toBe(meta('description'));
    expect(meta('og:image')).toBe(`${story}share.png`);
    expect(meta('twitter:image')).toBe(`${story}share.png`);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:image:alt')?.length).toBeGreaterThan(40);
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'));
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
    expect(blocks).toHaveLength(1);
    const article = JSON.parse(blocks[0].textContent ?? '');
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: meta('og:title'), datePublished: '2025-12-08', image: [`${story}share.png`] });
    expect(article.author[0].name).toBeTruthy();
    expect(article.dateModified).toBeTruthy();
  });

  test('every page carries the policy in a <meta>, since GitHub Pages sends no CSP header', () => {
    for (const page of pages) {
      const document = parsePage(readFileSync(join(dist, page), 'utf8'));
      const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
      for (const directive of CSP.split('; ')) expect(policy.split('; '), page).toContain(directive);
      // Before any stylesheet or script, or the browser applies it too late.
      expect(document.head.innerHTML.indexOf('Content-Security-Policy')).toBeLessThan(document.head.innerHTML.search(/<link rel="stylesheet"|<script/));
    }
  });

  test('no page has inline script, inline style, event handlers or remote resources', () => {
    for (const page of pages) {
      const document = parsePage(readFileSync(join(dist, page), 'utf8'));
      for (const script of document.querySelectorAll('script')) {
        const src = script.getAttribute('src');
        if (src) expect(src.startsWith(BASE), `${page}: script ${src}`).toBe(true);
        else expect(script.getAttribute('type'), `${page}: inline script`).toBe('application/ld+json');
      }
      expect(document.querySelectorAll('style, [style]').length, `${page}: inline style`).toBe(0);
      const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName} ${a.name}>`));
      expect(handlers, page).toEqual([]);
      for (const el of document.querySelectorAll('script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel="apple-touch-icon"], img, source, iframe, video, audio')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url, `${page}: remote resource`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });
});

describe('the newsroom of content/site.yaml', () => {
  test('every page carries its masthead, linking home, its name and its language', () => {
    for (const page of pages) {
      const document = parsePage(readFileSync(join(dist, page), 'utf8'));
      // An embed page sits inside another site's page: the site's name, but no masthead.
      if (page.includes('/embed/')) {
        expect(document.querySelector('header.masthead'), page).toBeNull();
        expect(document.querySelector('.embed-brand')?.textContent, page).toBe('The Fixture Ledger');
        expect(document.documentElement.getAttribute('lang'), page).toBe('en-GB');
        continue;
      }
      const masthead = document.querySelector('header.masthead a');
      expect(masthead?.textContent, page).toBe('THE FIXTURE LEDGER');
      expect(masthead?.getAttribute('href'), page).toBe(BASE);
      expect(document.documentElement.getAttribute('lang'), page).toBe('en-GB');
      expect(document.querySelector('meta[property="og:site_name"]')?.getAttribute('content'), page).toBe('The Fixture Ledger');
    }
    const home = parsePage(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(home.querySelector('h1')?.textContent).toBe('The Fixture Ledger');
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('<title>The Fixture Ledger</title>');
  });

  test('its brand colours reach the page through a stylesheet of their own', async () => {
    expect(readFileSync(join(dist, 'brand.css'), 'utf8')).toContain('--accent: #2d6a4f;');
    const page = await browser.newPage();
    await page.goto(new URL('surplus/', server.url).href, { waitUntil: 'load' });
    const rule = await page.locator('header.masthead').evaluate((el) => getComputedStyle(el).borderBottomColor);
    expect(rule).toBe('rgb(45, 106, 79)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.locator('header.masthead').evaluate((el) => getComputedStyle(el).borderBottomColor)).toBe('rgb(116, 198, 157)');
    await page.close();
  });
});

describe(`pages served with ${CSP}`, () => {
  test.each(['', 'surplus/', 'missing-page/'])('/plotline/%s loads with no CSP violation or console error', async (path) => {
    const page = await browser.newPage();
    const misses = server.misses.length;
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    // Runs through DevTools, so the policy under test does not block it.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    // The missing page itself is the one 404 allowed; its own assets must load.
    const expected = path === 'missing-page/' ? [`${BASE}missing-page/`] : [];
    expect(server.misses.slice(misses)).toEqual(expected);
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    expect(errors.length).toBe(expected.length);
    await page.close();
  });

  test('the listener sees a violation when there is one (the check can fail)', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    });
    await page.goto(server.url);
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.setAttribute('style', 'color: red');
      document.body.append(el);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toContainEqual(expect.stringMatching(/^style-src/));
    await page.close();
  });
});
