/**
 * Checks a reader's page must pass, shared by the engine's browser tests
 * (on the fixture project) and the content tests (on whatever content/
 * holds): axe, html-validate, the layout without JavaScript and in print,
 * and which chart each step shows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { PROJECT } from '../helpers.ts';
import { watch, type BuiltSite } from './site.ts';

export { scrollStepTo, visibleFigures } from './site.ts';

const axeSource = readFileSync(join(PROJECT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The recommended and document rules, all on. SRI is asked only of
 * resources from another origin: the site's own files come from the same
 * server as the page, so an integrity hash would add nothing.
 */
export const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe in the page. Its script is injected inline, so pages are opened with bypassCSP (the site's CSP allows no inline script). */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }));
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3))}`);
}

/** Every .html file under `dir`. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

/**
 * axe needs script to run (with JavaScript off its timers never fire), so
 * the no-script layout is checked in a page whose own script is not served
 * and whose stylesheet is told scripting is off: every `(scripting: enabled)`
 * block is switched off before axe looks.
 */
export async function noScriptLayout(site: BuiltSite, path: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark') {
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

export interface Placed {
  kind: 'step' | 'figure';
  id: string;
  top: number;
  bottom: number;
  visible: boolean;
  drawingWidth: number;
}

/** Every step and figure of the story, in document order, with where it is drawn. */
export function layout(page: Page): Promise<Placed[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.scrolly > .step, .scrolly > figure.chart')].map((el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const drawing = [...el.querySelectorAll('.chart-drawing svg')].find((svg) => svg.getBoundingClientRect().width > 0);
      return {
        kind: el.tagName === 'FIGURE' ? 'figure' : 'step',
        id: el.id,
        top: box.top + window.scrollY,
        bottom: box.bottom + window.scrollY,
        visible: style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) === 1 && box.height > 0,
        drawingWidth: drawing?.getBoundingClientRect().width ?? 0,
      } as const;
    }),
  );
}

/** Each figure is visible and drawn wide enough, and everything follows in reading order without overlapping. */
export function expectInline(placed: Placed[], pageWidth: number): void {
  const figures = placed.filter((p) => p.kind === 'figure');
  for (let i = 1; i < placed.length; i++) {
    expect(placed[i].top, `${placed[i].id} comes below ${placed[i - 1].id}`).toBeGreaterThanOrEqual(placed[i - 1].bottom - 1);
  }
  for (const figure of figures) {
    expect(figure.visible, figure.id).toBe(true);
    expect(figure.drawingWidth, figure.id).toBeGreaterThan(Math.min(300, pageWidth * 0.8));
  }
}

/** What each step should show, read from the page: data-shows of every step. */
export function plan(page: Page): Promise<{ id: string; shows: number }[]> {
  return page.locator('.scrolly > .step').evaluateAll((steps) => steps.map((s) => ({ id: s.id, shows: Number((s as HTMLElement).dataset.shows) })));
}

/** Index of the step marked active, or -1. */
export function activeStep(page: Page): Promise<number> {
  return page.locator('.scrolly > .step').evaluateAll((steps) => steps.findIndex((s) => s.classList.contains('is-active')));
}
