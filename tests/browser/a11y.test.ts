import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate, formatterFactory } from 'html-validate';
import type { Page } from 'playwright-core';
import { PROJECT } from '../helpers.ts';
import { buildAndServe, openPage, STORY, VIEWPORTS, watch, type BuiltSite } from './site.ts';

let site: BuiltSite;
const axeSource = readFileSync(join(PROJECT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The recommended and document rules, all on. SRI is asked only of
 * resources from another origin: the site's own files come from the same
 * server as the page, so an integrity hash would add nothing.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

beforeAll(async () => {
  site = await buildAndServe();
});

afterAll(async () => {
  await site?.close();
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe in the page. Its script is injected inline, so pages are opened with bypassCSP (the site's CSP allows no inline script). */
async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('axe-core', () => {
  const cases = (['light', 'dark'] as const).flatMap((colorScheme) => [
    { name: `story, desktop, ${colorScheme}`, path: `${STORY}/`, viewport: VIEWPORTS.desktop, colorScheme, javaScriptEnabled: true },
    { name: `story, phone, ${colorScheme}`, path: `${STORY}/`, viewport: VIEWPORTS.phone, colorScheme, javaScriptEnabled: true },
    { name: `story laid out as without JavaScript, ${colorScheme}`, path: `${STORY}/`, viewport: VIEWPORTS.phone, colorScheme, javaScriptEnabled: false },
    { name: `index, ${colorScheme}`, path: '', viewport: VIEWPORTS.desktop, colorScheme, javaScriptEnabled: true },
  ]);

  test.each(cases)('finds no violation: $name', async ({ path, viewport, colorScheme, javaScriptEnabled }) => {
    const { page, problems } = javaScriptEnabled
      ? await openPage(site, path, { viewport, colorScheme, reducedMotion: 'reduce', bypassCSP: true })
      : await noScriptLayout(path, viewport, colorScheme);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test.each(['light', 'dark'] as const)('finds no violation in the opened fact ledger, %s', async (colorScheme) => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport: VIEWPORTS.phone, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
    // Opened the way a reader opens it: with the keyboard, no script of ours involved.
    await page.locator('#how-we-checked summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#how-we-checked details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#how-we-checked li').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('would report a real fault (the check can fail)', async () => {
    const { page } = await openPage(site, `${STORY}/`, { viewport: VIEWPORTS.desktop, bypassCSP: true });
    await page.evaluate(() => (document.querySelector<HTMLElement>('.chart-title')!.style.color = '#eee'));
    expect((await axe(page)).some((v) => v.startsWith('color-contrast'))).toBe(true);
    await page.context().close();
  });
});

/**
 * axe needs script to run (with JavaScript off its timers never fire), so
 * the no-script layout is checked in a page whose own script is not served
 * and whose stylesheet is told scripting is off: every `(scripting: enabled)`
 * block is switched off before axe looks.
 */
async function noScriptLayout(path: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') {
  const context = await site.browser.newContext({ viewport, colorScheme, bypassCSP: true });
  await context.route('**/_astro/*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => {
    for (const sheet of [...document.styleSheets]) {
      for (const rule of [...sheet.cssRules]) {
        if (rule instanceof CSSMediaRule && rule.conditionText.includes('scripting: enabled')) rule.media.mediaText = 'not all';
      }
    }
  });
  const visible = await page.locator('figure.chart').evaluateAll((fs) => fs.filter((f) => getComputedStyle(f).visibility === 'visible').length);
  expect(visible).toBe(await page.locator('figure.chart').count());
  return { page, problems };
}

describe('html-validate', () => {
  test('finds no error in any HTML file of the built site', async () => {
    const files = htmlFiles(site.dist);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const failures: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      if (!report.valid) failures.push(`${relative(site.dist, file)}\n${formatterFactory('text')(report.results)}`);
    }
    expect(failures).toEqual([]);
  });

  test('would report a real fault (the rules are on)', async () => {
    const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p><div style="color:red"></div></p></body></html>');
    expect(report.results[0].messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-inline-style', 'no-implicit-close']));
  });
});
