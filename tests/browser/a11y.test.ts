import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatterFactory } from 'html-validate';
import { buildAndServe, openPage, STORY, VIEWPORTS, type BuiltSite } from './site.ts';
import { axe, htmlFiles, noScriptLayout, validator } from './pageChecks.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe();
});

afterAll(async () => {
  await site?.close();
});

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
      : await noScriptLayout(site, path, viewport, colorScheme);
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
