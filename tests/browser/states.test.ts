import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildAndServe, openPage, scrollStepTo, STORY, VIEWPORTS, type BuiltSite } from './site.ts';
import { expectSame, geometry, settled, type Geometry } from './stateGeometry.ts';

/**
 * Four charts whose states share one drawing, added at the end of the
 * fixture story: a line that runs on to later months, bars that change to
 * another measure on the same scale, a line that changes shape (the
 * same months, another measure: SMIL moves it), and dots that zoom in
 * (the axes rescale, their ticks sliding to their new places).
 */
const STATES = {
  [`content/${STORY}/12-line-start.md`]: '---\nheading: The first half\nchart:\n  data: monthly.balance_ytd\n  type: line\n  x: month\n  series: year\n  where: { year: [2024, 2025] }\n  to: 2025-06\n  title: Monthly surpluses added up, to June\n---\n\nThe first half of the year.\n',
  [`content/${STORY}/13-line-on.md`]: '---\nheading: The rest of the year\nstate:\n  to: 2025-11\n  highlight: 2025-11\n  title: Monthly surpluses added up, to November\n---\n\nThe line runs on to November.\n',
  [`content/${STORY}/14-bars.md`]: '---\nheading: Exports\nchart:\n  data: monthly.exports_yoy\n  type: bar\n  from: 2025-01\n  title: Exports, change on a year earlier\n---\n\nExports by month.\n',
  [`content/${STORY}/15-bars-change.md`]: '---\nheading: Imports\nstate:\n  data: monthly.imports_yoy\n  title: Imports, change on a year earlier\n---\n\nImports on the same scale.\n',
  [`content/${STORY}/16-shape.md`]: '---\nheading: Exports as a line\nchart:\n  data: monthly.exports_yoy\n  type: line\n  from: 2025-01\n  title: Exports, change on a year earlier, as a line\n---\n\nExports by month, joined.\n',
  [`content/${STORY}/17-reshape.md`]: '---\nheading: Imports as a line\nstate:\n  data: monthly.imports_yoy\n  title: Imports, change on a year earlier, as a line\n---\n\nThe line takes the shape of imports.\n',
  [`content/${STORY}/18-zoom-wide.md`]: '---\nheading: Two years of exports\nchart:\n  data: monthly.exports_yoy\n  type: dot\n  from: 2024-01\n  title: Exports, change on a year earlier, since 2024\n---\n\nTwo years of months.\n',
  [`content/${STORY}/19-zoom.md`]: '---\nheading: The last months\nstate:\n  from: 2025-06\n  title: Exports, change on a year earlier, since June 2025\n---\n\nThe axis zooms in on the last months.\n',
};
const LINE = [`${STORY}-line-start`, `${STORY}-line-on`];
const BARS = [`${STORY}-bars`, `${STORY}-bars-change`];
const SHAPE = [`${STORY}-shape`, `${STORY}-reshape`];
const ZOOM = [`${STORY}-zoom-wide`, `${STORY}-zoom`];
const ALL = [...LINE, ...BARS, ...SHAPE, ...ZOOM];

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe(STATES);
});

afterAll(async () => {
  await site?.close();
});

/** What each figure looks like drawn without script, at this viewport: the build's drawing of its state. */
async function expected(viewport: { width: number; height: number }, media: 'screen' | 'print' = 'screen'): Promise<Map<string, Geometry>> {
  const { page } = await openPage(site, `${STORY}/`, { viewport, javaScriptEnabled: false });
  await page.emulateMedia({ media });
  const out = new Map<string, Geometry>();
  for (const id of ALL) out.set(id, await geometry(page, id));
  await page.context().close();
  return out;
}

async function stepIndex(page: Page, id: string): Promise<number> {
  return page.locator('.scrolly > .step').evaluateAll((steps, target) => steps.findIndex((s) => s.id === target), id);
}

describe.each(Object.entries(VIEWPORTS))('a chart whose states share one drawing, on a %s', (name, viewport) => {
  const readAt = name === 'phone' ? 0.7 : 0.4;

  test('each state, scrolled into, shows the marks where the build draws that state, and says what it adds', async () => {
    const want = await expected(viewport);
    // The states differ: a test of "the right state" could fail.
    expect(want.get(LINE[0])).not.toEqual(want.get(LINE[1]));
    expect(want.get(BARS[0])).not.toEqual(want.get(BARS[1]));
    expect(want.get(SHAPE[0])).not.toEqual(want.get(SHAPE[1]));
    expect(want.get(ZOOM[0])).not.toEqual(want.get(ZOOM[1]));
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    for (const group of [LINE, BARS, SHAPE, ZOOM]) {
      for (const [k, id] of group.entries()) {
        await scrollStepTo(page, await stepIndex(page, id.slice(STORY.length + 1)), readAt);
        // The first figure of the chart stays in the drawing's place; the state's figure takes over at once.
        await expect.poll(() => page.locator(`#${id}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
        await settled(page, id);
        expectSame(await geometry(page, id), want.get(id), id);
        if (k > 0) {
          const change = await page.locator(`#${id}`).getAttribute('data-change');
          expect(change).toMatch(/^(Adds|Drops|Marks|Now shows)/);
          await expect.poll(() => page.locator('#chart-status').textContent()).toBe(change);
        }
      }
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('a state change moves the marks over about half a second, and not at all under reduced motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page, problems } = await openPage(site, `${STORY}/`, { viewport, reducedMotion });
      await scrollStepTo(page, await stepIndex(page, 'bars'), readAt);
      await expect.poll(() => page.locator(`#${BARS[0]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
      await settled(page, BARS[0]);
      // Every transition that starts in the figure taking over, whenever it ends.
      await page.locator(`#${BARS[1]}`).evaluate((f) => {
        const started: string[] = [];
        (window as unknown as { started: string[] }).started = started;
        f.addEventListener('transitionrun', (e) => started.push((e as TransitionEvent).propertyName));
      });
      await scrollStepTo(page, await stepIndex(page, 'bars-change'), readAt);
      await expect.poll(() => page.locator(`#${BARS[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
      await settled(page, BARS[1]);
      const started = await page.evaluate(() => (window as unknown as { started: string[] }).started);
      const duration = await page.locator(`#${BARS[1]} .chart-drawing svg [class*="s1"]`).first().evaluate((el) => getComputedStyle(el).transitionDuration);
      if (reducedMotion === 'reduce') {
        expect(started).toEqual([]);
        expect(duration).toBe('0s');
      } else {
        // Bars grow (transform) and marks fade (opacity), each in half a second.
        expect(started).toContain('transform');
        expect(new Set(duration.split(', '))).toEqual(new Set(['0.5s']));
      }
      // A line that changes shape: SMIL runs it from the state before to the figure's own drawing, or, under reduced motion, nothing runs.
      await scrollStepTo(page, await stepIndex(page, 'shape'), readAt);
      await expect.poll(() => page.locator(`#${SHAPE[0]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
      await scrollStepTo(page, await stepIndex(page, 'reshape'), readAt);
      await expect.poll(() => page.locator(`#${SHAPE[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
      const runs = await page.locator(`#${SHAPE[1]} .chart-drawing animate`).evaluateAll((animations) =>
        animations.map((a) => {
          const path = a.parentElement!;
          let begun = true;
          try {
            (a as SVGAnimationElement).getStartTime();
          } catch {
            begun = false;
          }
          return { begun, from: a.getAttribute('from') === path.getAttribute('data-d1'), to: a.getAttribute('to') === path.getAttribute('d') };
        }),
      );
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs) expect(run).toEqual(reducedMotion === 'reduce' ? { begun: false, from: false, to: false } : { begun: true, from: true, to: true });
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  test('a fast scroll through the states ends on the last one', async () => {
    const want = await expected(viewport);
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    // Down through both charts' states without waiting, and back to the line's last state.
    for (const step of ['line-start', 'line-on', 'bars', 'bars-change', 'line-start', 'line-on']) await scrollStepTo(page, await stepIndex(page, step), readAt);
    await expect.poll(() => page.locator(`#${LINE[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
    await settled(page, LINE[1]);
    expectSame(await geometry(page, LINE[1]), want.get(LINE[1]));
    // Back and forth over a line that changes shape, ending on its second state.
    for (const step of ['shape', 'reshape', 'shape', 'reshape']) await scrollStepTo(page, await stepIndex(page, step), readAt);
    await expect.poll(() => page.locator(`#${SHAPE[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
    await settled(page, SHAPE[1]);
    expectSame(await geometry(page, SHAPE[1]), want.get(SHAPE[1]));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('without script and in print, every state shows in order, each in its own figure', async () => {
    const want = await expected(viewport, 'print');
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    // Scrolled through a line's change of shape and to a state first, so that the script has run SMIL and set the state on screen.
    for (const step of ['shape', 'reshape']) await scrollStepTo(page, await stepIndex(page, step), readAt);
    await expect.poll(() => page.locator(`#${SHAPE[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
    await settled(page, SHAPE[1]);
    await scrollStepTo(page, await stepIndex(page, 'line-on'), readAt);
    await expect.poll(() => page.locator(`#${LINE[1]}`).evaluate((f) => f.classList.contains('is-active'))).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const id of ALL) {
      const figure = page.locator(`#${id}`);
      expect(await figure.isVisible()).toBe(true);
      await settled(page, id);
      expectSame(await geometry(page, id), want.get(id), `${id} in print`);
    }
    // In reading order: each state's figure after its own section.
    const order = await page.locator('.scrolly > *').evaluateAll((els) => els.map((e) => e.id));
    for (const [i, id] of ALL.entries()) {
      expect(order.indexOf(id)).toBe(order.indexOf(id.slice(STORY.length + 1)) + 1);
      if (i > 0) expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(ALL[i - 1]));
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
