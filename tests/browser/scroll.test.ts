import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildAndServe, CHARTLESS_SECTION, openPage, scrollStepTo, STORY, VIEWPORTS, visibleFigures, type BuiltSite } from './site.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe(CHARTLESS_SECTION);
});

afterAll(async () => {
  await site?.close();
});

/** What each step should show, read from the page: data-shows of every step. */
async function plan(page: Page): Promise<{ id: string; shows: number }[]> {
  return page.locator('.scrolly > .step').evaluateAll((steps) => steps.map((s) => ({ id: s.id, shows: Number((s as HTMLElement).dataset.shows) })));
}

async function activeStep(page: Page): Promise<number> {
  return page.locator('.scrolly > .step').evaluateAll((steps) => steps.findIndex((s) => s.classList.contains('is-active')));
}

async function expectShowing(page: Page, figure: number): Promise<void> {
  await expect.poll(() => visibleFigures(page)).toEqual([figure]);
}

describe.each(Object.entries(VIEWPORTS))('story page on a %s', (name, viewport) => {
  // Phone readers read a card once it is under the pinned chart; desktop ones in mid-screen.
  const readAt = name === 'phone' ? 0.7 : 0.4;

  test('scrolling down activates every step in order and shows its chart, announcing each change once', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { announced: string[] }).announced = log;
      const status = document.getElementById('chart-status')!;
      new MutationObserver(() => log.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const steps = await plan(page);
    expect(steps.length).toBeGreaterThanOrEqual(9);
    const chartless = steps.findIndex((s) => s.id === 'aside');
    expect(steps[chartless].shows).toBe(steps[chartless - 1].shows);

    const progress: number[] = [];
    for (let i = 0; i < steps.length; i++) {
      await scrollStepTo(page, i, readAt);
      await expect.poll(() => activeStep(page)).toBe(i);
      await expectShowing(page, steps[i].shows);
      // Past the first step the chart is pinned near the top of the screen.
      const top = await page.locator('.scrolly > figure.chart.is-active').evaluate((f) => f.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-1);
      if (i > 0) expect(top).toBeLessThan(viewport.height * 0.1);
      progress.push(await page.locator('.progress-bar').evaluate((bar) => new DOMMatrix(getComputedStyle(bar).transform).a));
    }
    const titles = await page.locator('.scrolly > figure.chart .chart-title').allTextContents();
    // A new chart is announced by its title; a new state of the chart on screen by what it adds (if anything).
    const groups = await page.locator('.scrolly > figure.chart').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.group));
    const adds = await page.locator('.scrolly > figure.chart').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.change));
    const changes = steps.map((s) => s.shows).filter((shows, i, all) => i > 0 && shows !== all[i - 1]);
    const expected = changes.flatMap((f, i) => (groups[f] !== groups[i === 0 ? steps[0].shows : changes[i - 1]] ? [`Chart: ${titles[f]}`] : adds[f] ? [adds[f]] : []));
    expect(await page.evaluate(() => (window as unknown as { announced: string[] }).announced)).toEqual(expected);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeGreaterThan(0.8);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('scrolling back up shows the earlier charts again', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    const steps = await plan(page);
    await scrollStepTo(page, steps.length - 1, readAt);
    await expect.poll(() => activeStep(page)).toBe(steps.length - 1);
    for (let i = steps.length - 2; i >= 0; i--) {
      await scrollStepTo(page, i, readAt);
      await expect.poll(() => activeStep(page)).toBe(i);
      await expectShowing(page, steps[i].shows);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a deep link and a reload mid-page show the right chart at once', async () => {
    const first = await openPage(site, `${STORY}/`, { viewport });
    const steps = await plan(first.page);
    await first.page.context().close();
    const target = steps.findIndex((s, i) => i > 3 && s.shows !== steps[0].shows && s.shows !== steps[i - 1].shows);
    const { page, problems } = await openPage(site, `${STORY}/#${steps[target].id}`, { viewport });
    // No fade from the first chart: the linked step's chart is already fully shown.
    expect(await visibleFigures(page)).toEqual([steps[target].shows]);
    expect(await activeStep(page)).toBe(target);

    const later = steps.length - 2;
    await scrollStepTo(page, later, readAt);
    await expect.poll(() => activeStep(page)).toBe(later);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => activeStep(page)).toBe(later);
    await expectShowing(page, steps[later].shows);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a link to a chart, opened or followed in the page, brings the step that shows it to the reading line', async () => {
    const first = await openPage(site, `${STORY}/`, { viewport });
    const steps = await plan(first.page);
    const ids = await first.page.locator('.scrolly > figure.chart').evaluateAll((fs) => fs.map((f) => f.id));
    await first.page.context().close();
    // The step each chart follows is the one that shows it.
    const owner = (figure: number) => steps.findIndex((s) => s.shows === figure);
    const check = async (page: Page, figure: number) => {
      await expect.poll(() => activeStep(page)).toBe(owner(figure));
      await expectShowing(page, figure);
      const top = await page.locator('.scrolly > .step').nth(owner(figure)).evaluate((el) => el.getBoundingClientRect().top / window.innerHeight);
      const line = await page.locator('.scrolly').evaluate((el) => Number.parseFloat(getComputedStyle(el).getPropertyValue('--reading-line')));
      expect(top).toBeGreaterThan(0.2);
      expect(top).toBeLessThanOrEqual(line);
    };
    const late = ids.length - 2;
    const { page, problems } = await openPage(site, `${STORY}/#${ids[late]}`, { viewport });
    await check(page, late);
    // Followed within the page (a ledger's "Drawn in" link): a hash change.
    await page.evaluate((id) => (location.hash = id), ids[2]);
    await check(page, 2);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('fast scrolling and jumps never leave a wrong chart', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    const steps = await plan(page);
    // Jump around without waiting, as a flick or a scrollbar drag would.
    for (const i of [steps.length - 1, 1, 7, 3, steps.length - 3]) await scrollStepTo(page, i, readAt);
    const last = steps.length - 3;
    await expect.poll(() => activeStep(page)).toBe(last);
    await expectShowing(page, steps[last].shows);
    // Straight to the end and back to the top, as a scrollbar drag would.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await expect.poll(() => activeStep(page)).toBe(steps.length - 1);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => activeStep(page)).toBe(0);
    await expectShowing(page, steps[0].shows);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('Tab reaches every step in order, with a visible focus, and each shows its chart', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    const steps = await plan(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').evaluate((a) => a.getBoundingClientRect().width)).toBeGreaterThan(40);
    const reached: number[] = [];
    for (let presses = 0; presses < steps.length * 5 && reached.length < steps.length; presses++) {
      await page.keyboard.press('Tab');
      const index = await page.evaluate(() => [...document.querySelectorAll('.scrolly > .step')].indexOf(document.activeElement as Element));
      if (index < 0) continue;
      reached.push(index);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await expect.poll(() => activeStep(page)).toBe(index);
      await expectShowing(page, steps[index].shows);
    }
    expect(reached).toEqual(steps.map((_, i) => i));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
