/**
 * Every page built from the editors' content, whatever stories it holds:
 * it passes html-validate and axe, every chart shows without JavaScript
 * and in print, and scrolling through the steps shows each step's chart in
 * order. Stories are found on disk; none is named here.
 */
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatterFactory } from 'html-validate';
import { openPage, serveBuild, VIEWPORTS, type BuiltSite } from '../browser/site.ts';
import { activeStep, axe, expectInline, htmlFiles, layout, noScriptLayout, plan, scrollStepTo, validator, visibleFigures } from '../browser/pageChecks.ts';
import { contentCopy, SLUGS } from './root.ts';
import { expectSame, geometry, settled, type Geometry } from '../browser/stateGeometry.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await serveBuild(contentCopy());
});

afterAll(async () => {
  await site?.close();
});

test('every HTML file of the built site passes html-validate', async () => {
  const failures: string[] = [];
  for (const file of htmlFiles(site.dist)) {
    const report = await validator.validateFile(file);
    if (!report.valid) failures.push(`${relative(site.dist, file)}\n${formatterFactory('text')(report.results)}`);
  }
  expect(failures).toEqual([]);
});

test.each(['light', 'dark'] as const)('the home page passes axe, %s', async (colorScheme) => {
  const { page, problems } = await openPage(site, '', { viewport: VIEWPORTS.desktop, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
  expect(await axe(page)).toEqual([]);
  for (const slug of SLUGS) expect(await page.locator(`a[href$="/${slug}/"]`).count(), `the home page links to ${slug}`).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await page.context().close();
});

describe.each(SLUGS)('the page of content/%s', (slug) => {
  const path = `${slug}/`;

  test.each([
    ['desktop', 'light'],
    ['desktop', 'dark'],
    ['phone', 'light'],
  ] as const)('passes axe on a %s, %s', async (viewport, colorScheme) => {
    const { page, problems } = await openPage(site, path, { viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: 'reduce', bypassCSP: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('passes axe laid out as without JavaScript', async () => {
    const { page, problems } = await noScriptLayout(site, path, VIEWPORTS.phone, 'light');
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('without JavaScript every chart is drawn, inline and in reading order', async () => {
    for (const viewport of Object.values(VIEWPORTS)) {
      const { page, problems } = await openPage(site, path, { viewport, javaScriptEnabled: false });
      const placed = await layout(page);
      expect(placed.filter((p) => p.kind === 'figure').length, 'figures on the page').toBe(await page.locator('.scrolly > figure.chart svg').evaluateAll((s) => new Set(s.map((svg) => svg.closest('figure'))).size));
      expectInline(placed, Math.min(viewport.width, 700));
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  test('in print every chart is drawn, inline and in reading order', async () => {
    const { page, problems } = await openPage(site, path, { viewport: VIEWPORTS.desktop });
    await page.emulateMedia({ media: 'print' });
    expectInline(await layout(page), 600);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('scrolling through the steps shows each step\'s chart, in order', async () => {
    const { page, problems } = await openPage(site, path, { viewport: VIEWPORTS.desktop });
    const steps = await plan(page);
    for (let i = 0; i < steps.length; i++) {
      await scrollStepTo(page, i, 0.4);
      await expect.poll(() => activeStep(page), { message: `step ${steps[i].id} becomes active` }).toBe(i);
      // A step without a chart of its own keeps the one before it (none before the first chart).
      const expected = Number.isNaN(steps[i].shows) ? [] : [steps[i].shows];
      await expect.poll(() => visibleFigures(page), { message: `step ${steps[i].id} shows chart ${steps[i].shows}` }).toEqual(expected);
    }
    // The charts come in the order the steps ask for them.
    const shown = steps.map((s) => s.shows).filter((n) => !Number.isNaN(n));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a chart that builds, scrolled through, shows each state where its own figure draws it without JavaScript', async () => {
    const viewport = VIEWPORTS.phone;
    const still = await openPage(site, path, { viewport, javaScriptEnabled: false });
    const building = await still.page.locator('.scrolly > figure.chart[data-state]').evaluateAll((fs) => fs.map((f) => f.id));
    const want = new Map<string, Geometry>();
    for (const id of building) want.set(id, await geometry(still.page, id));
    await still.page.context().close();
    const { page, problems } = await openPage(site, path, { viewport });
    const steps = await plan(page);
    const figures = await page.locator('.scrolly > figure.chart').evaluateAll((fs) => fs.map((f) => f.id));
    for (const [i, step] of steps.entries()) {
      const id = figures[step.shows];
      if (!want.has(id)) continue;
      await scrollStepTo(page, i, 0.7);
      await expect.poll(() => activeStep(page), { message: `step ${step.id} becomes active` }).toBe(i);
      await settled(page, id);
      expectSame(await geometry(page, id), want.get(id), `${id} at step ${step.id}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
