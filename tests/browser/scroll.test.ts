import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempProject } from '../helpers.ts';
import { runCli } from '../build/runBuild.ts';
import { launchChrome } from './chrome.ts';
import { serveStatic, type StaticServer } from './serve.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const root = tempProject({}, ['content', 'data']);
  const dist = join(root, 'dist');
  const built = runCli('build', root, dist);
  expect(built.status, built.stderr).toBe(0);
  server = await serveStatic(dist);
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
])('story page on a %s', (_name, viewport) => {
  test('scrolling through activates every step in order and shows its chart', async () => {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}china-trade-surplus/`);
    const steps = await page.locator('.scrolly > .step').count();
    expect(steps).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < steps; i++) {
      const step = page.locator('.scrolly > .step').nth(i);
      await step.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForFunction((index) => document.querySelectorAll('.scrolly > .step')[index].classList.contains('is-active'), i);
      const expected = await step.getAttribute('data-shows');
      const active = page.locator('.scrolly > figure.chart.is-active');
      await expect.poll(() => active.count()).toBe(1);
      expect(await active.getAttribute('data-index')).toBe(expected);
      // The cross-fade takes a moment; the chart must end up visible.
      await expect.poll(() => active.isVisible()).toBe(true);
    }
    expect(errors).toEqual([]);
    expect(server.misses).toEqual([]);
    await page.close();
  });
});
