import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PROJECT, fixtureProject } from '../helpers.ts';
import { runCli } from '../build/runBuild.ts';
import { launchChrome } from './chrome.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export const STORY = 'surplus';
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * A section without a chart, slipped in between two that have one (file
 * names sort "04-…" < "045-…" < "05-…"): the page must keep the chart before it.
 */
export const CHARTLESS_SECTION = {
  [`content/${STORY}/045-aside.md`]: '---\nheading: A pause between charts\n---\n\nThis step has no chart of its own, so the one before it stays on screen.\n',
};

export interface BuiltSite {
  dist: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the fixture project (plus `files`) in a temp folder, serves it and starts Chromium. */
export function buildAndServe(files: Record<string, string> = {}): Promise<BuiltSite> {
  return serveBuild(fixtureProject(files));
}

/** Builds the project under `root` into `root/dist`, serves it and starts Chromium. */
export async function serveBuild(root: string): Promise<BuiltSite> {
  const dist = join(root, 'dist');
  const built = runCli('build', root, dist);
  expect(built.status, built.stderr).toBe(0);
  const server = await serveStatic(dist);
  const browser = await launchChrome();
  return {
    dist,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects console errors, page errors, failed requests and HTTP errors of a page. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

/** A new page in its own context, watched for errors. */
export async function openPage(site: BuiltSite, path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Scrolls so that a step's top sits at `fraction` of the viewport height. */
export async function scrollStepTo(page: Page, index: number, fraction: number): Promise<void> {
  await page.locator('.scrolly > .step').nth(index).evaluate((el, f) => {
    window.scrollBy({ top: el.getBoundingClientRect().top - window.innerHeight * f, behavior: 'instant' });
  }, fraction);
}

/** The index of the figure that is really on screen: active, opaque and visible. */
export function visibleFigures(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.scrolly > figure.chart')]
      .filter((f) => {
        const style = getComputedStyle(f);
        const box = f.getBoundingClientRect();
        return style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0.99 && box.bottom > 0 && box.top < window.innerHeight;
      })
      .map((f) => Number(f.dataset.index)),
  );
}

export function screenshotPath(name: string): string {
  const dir = join(PROJECT, 'tests/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
