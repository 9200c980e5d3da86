import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAndServe, CHARTLESS_SECTION, openPage, screenshotPath, scrollStepTo, STORY, VIEWPORTS, type BuiltSite } from './site.ts';
import { expectInline, layout, type Placed } from './pageChecks.ts';
import { CHART_TYPE, figureFits } from './reading.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe(CHARTLESS_SECTION);
});

afterAll(async () => {
  await site?.close();
});

/** The fixture story's charts, each shown inline: at least ten of them. */
function expectAllInline(placed: Placed[], pageWidth: number): void {
  expect(placed.filter((p) => p.kind === 'figure').length).toBeGreaterThanOrEqual(10);
  expectInline(placed, pageWidth);
}

describe.each(Object.entries(VIEWPORTS))('on a %s', (name, viewport) => {
  test('without JavaScript every chart is shown inline after its section, in reading order', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport, javaScriptEnabled: false });
    expectAllInline(await layout(page), Math.min(viewport.width, 700));
    await page.screenshot({ path: screenshotPath(`${name}-no-script`), fullPage: false });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('in print every chart is shown inline after its section, without the data table', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    await page.emulateMedia({ media: 'print' });
    expectAllInline(await layout(page), Math.min(viewport.width, 600));
    expect(await page.locator('.chart-data').first().isVisible()).toBe(false);
    // A reader in dark mode still prints black on white.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color])).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('the phone chart is drawn at the narrow size, with axis text at full size', async () => {
    const { page } = await openPage(site, `${STORY}/`, { viewport });
    const sizes = await page.locator('.scrolly > figure.chart').first().evaluate((f) => {
      const svg = [...f.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      const tick = svg.querySelector('text')!;
      return { viewBox: svg.viewBox.baseVal.width, shown: svg.getBoundingClientRect().width, font: tick.getBoundingClientRect().height };
    });
    if (name === 'phone') expect(sizes.viewBox).toBeLessThan(400);
    else expect(sizes.viewBox).toBeGreaterThan(600);
    // Drawn near its own size: never shrunk so much that 11px axis text gets small.
    expect(sizes.shown / sizes.viewBox).toBeGreaterThan(0.95);
    expect(sizes.font).toBeGreaterThanOrEqual(10);
    await page.context().close();
  });

  test('screenshots of the first screen and of a step mid-story', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openPage(site, `${STORY}/`, { viewport, colorScheme });
      // On the first screen of a desktop the headline sits beside the whole first chart.
      if (name === 'desktop' && colorScheme === 'light') {
        const heading = await page.locator('h1').boundingBox();
        const drawing = await page.locator('.scrolly > figure.chart.is-active .chart-drawing svg').filter({ visible: true }).boundingBox();
        expect(drawing!.x).toBeGreaterThan(heading!.x + heading!.width);
        expect(drawing!.y + drawing!.height).toBeLessThanOrEqual(viewport.height);
      }
      await page.screenshot({ path: screenshotPath(`${name}-${colorScheme}-top`) });
      await scrollStepTo(page, 6, name === 'phone' ? 0.6 : 0.3);
      await expect.poll(() => page.locator('.scrolly > .step.is-active').count()).toBe(1);
      await page.waitForTimeout(400);
      await page.screenshot({ path: screenshotPath(`${name}-${colorScheme}-step`) });
      await page.context().close();
    }
  });
});

describe('the pinned chart on a phone', () => {
  test("shows the caption and every note, and the credit on one line; opening the data shows every source", async () => {
    const { page } = await openPage(site, `${STORY}/`, { viewport: VIEWPORTS.phone });
    const noted = page.locator('.scrolly > figure.chart', { has: page.locator('.chart-note') }).first();
    await noted.evaluate((f) => f.parentElement!.querySelectorAll('figure.chart').forEach((g) => g.classList.toggle('is-active', g === f)));
    const box = (selector: string) => noted.locator(selector).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, lines: Math.round(r.height / Number.parseFloat(getComputedStyle(el).lineHeight)), clipped: el.scrollWidth > el.clientWidth + 1 };
    });
    for (const selector of ['.chart-note', '.chart-caption']) expect((await box(selector)).width, selector).toBeGreaterThan(1);
    expect((await box('.chart-note')).clipped).toBe(false);
    expect((await box('.chart-source')).lines).toBe(1);
    await noted.locator('.chart-data summary').click();
    expect((await box('.chart-source')).clipped).toBe(false);
    await page.context().close();
  });
});

describe('the data of a pinned chart', () => {
  test.each(Object.entries(VIEWPORTS))('on a %s, opened, keeps its table and CSV link in reach without leaving the step', async (_name, viewport) => {
    const { page } = await openPage(site, `${STORY}/`, { viewport });
    await scrollStepTo(page, 2, 0.6);
    await expect.poll(() => page.locator('.scrolly > .step.is-active').count()).toBe(1);
    // Held by id: "the active figure" would be another one if the story moved on.
    const id = await page.locator('.scrolly > figure.chart.is-active').getAttribute('id');
    const figure = page.locator(`[id="${id}"]`);
    await figure.locator('.chart-data summary').click();
    await expect.poll(() => figure.locator('.chart-data').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => figure.evaluate((f) => f.classList.contains('is-active'))).toBe(true);
    const before = await page.evaluate(() => window.scrollY);
    // The whole pinned figure fits the screen (it scrolls within itself)...
    const box = (await figure.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
    // ...so its last row and the CSV link are reached without moving the story, and nothing covers them.
    for (const target of [figure.locator('tbody tr').last(), figure.locator('.chart-csv')]) {
      await target.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      const hit = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
        // A pixel's grace, as for the figure's box above: a row's bottom may fall a fraction past the screen's.
        return { inView: r.top >= -1 && r.bottom <= window.innerHeight + 1, mine: top !== null && el.contains(top) };
      });
      expect(hit).toEqual({ inView: true, mine: true });
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.context().close();
  });
});

describe('on a wide screen', () => {
  test('at 1920×1080 the chart takes more room than at 1280, type no larger than 14 px, and is whole on the first screen', async () => {
    async function drawing(viewport: { width: number; height: number }) {
      const { page } = await openPage(site, `${STORY}/`, { viewport });
      const svg = page.locator('.scrolly > figure.chart.is-active .chart-drawing svg').filter({ visible: true });
      const box = (await svg.boundingBox())!;
      const scale = await svg.evaluate((s: SVGSVGElement) => s.getBoundingClientRect().width / s.viewBox.baseVal.width);
      await page.context().close();
      return { ...box, type: 11 * scale };
    }
    const desktop = await drawing(VIEWPORTS.desktop);
    const wide = await drawing({ width: 1920, height: 1080 });
    expect(wide.width).toBeGreaterThan(desktop.width);
    expect(wide.type).toBeLessThanOrEqual(14.05);
    expect(wide.y + wide.height).toBeLessThanOrEqual(1080);
  });

  test.each([[1280, 800], [1920, 1080]])('at %i px the site name lines up with the headline', async (width, height) => {
    const { page } = await openPage(site, `${STORY}/`, { viewport: { width, height } });
    const [name, headline] = await Promise.all([page.locator('.masthead-name').boundingBox(), page.locator('h1').boundingBox()]);
    expect(Math.abs(name!.x - headline!.x)).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});

describe('chart type', () => {
  test.each([
    [360, 640],
    [390, 844],
    [1280, 800],
    [1920, 1080],
  ])('at %i px wide, every text of every pinned chart is shown between 11 and 14 px', async (width, height) => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport: { width, height }, reducedMotion: 'reduce' });
    const fits = await figureFits(page);
    expect(fits.length).toBeGreaterThanOrEqual(10);
    const out = fits.filter((f) => f.type.min < CHART_TYPE.min - 0.25 || f.type.max > CHART_TYPE.max + 0.25);
    expect(out.map((f) => `${f.id}: ${f.type.min.toFixed(1)}–${f.type.max.toFixed(1)} px`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('prefers-reduced-motion', () => {
  async function duration(reducedMotion: 'reduce' | 'no-preference'): Promise<string> {
    const { page } = await openPage(site, `${STORY}/`, { viewport: VIEWPORTS.desktop, reducedMotion });
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('scrolly-ready'))).toBe(true);
    // The incoming chart's content fades in (the figure itself swaps at once).
    const value = await page.locator('.scrolly > figure.chart > .chart-drawing').first().evaluate((f) => getComputedStyle(f).transitionDuration);
    await page.context().close();
    return value;
  }

  test('charts switch without any transition when the reader asks for less motion', async () => {
    expect((await duration('reduce')).split(', ').every((d) => d === '0s')).toBe(true);
    expect((await duration('no-preference')).split(', ').some((d) => d !== '0s')).toBe(true);
  });
});
