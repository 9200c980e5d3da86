/**
 * Scrolls a story page on a phone with a 4× slower CPU, a wheel turn at a
 * time, recording long tasks and layout shifts. Shared by the layout-shift
 * test (shifts do not depend on machine speed) and `npm run bench` (long
 * tasks are timed by the wall clock, so they are a budget, not a test).
 */
import type { Browser } from 'playwright-core';
import { VIEWPORTS } from './site.ts';

export interface Recorded {
  /** Set when scrolling starts: long tasks before it belong to loading. */
  scrollFrom: number;
  longTasks: { start: number; duration: number }[];
  shifts: { at: number; value: number; sources: string[] }[];
  turns: number;
}

/** Runs in the page before any of its own code: records long tasks and layout shifts. */
function observe(): void {
  const recorded = { scrollFrom: Infinity, longTasks: [], shifts: [], turns: 0 } as Recorded;
  (window as unknown as { recorded: Recorded }).recorded = recorded;
  const describe = (node: Node | null) => {
    if (!(node instanceof Element)) return node ? node.nodeName : '(gone)';
    return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) recorded.longTasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    for (const entry of list.getEntries() as Shift[]) {
      if (entry.hadRecentInput) continue;
      const rect = (r: DOMRectReadOnly) => `x=${Math.round(r.x)} y=${Math.round(r.y)} w=${Math.round(r.width)} h=${Math.round(r.height)}`;
      recorded.shifts.push({
        at: Math.round(entry.startTime),
        value: entry.value,
        sources: entry.sources.map((s) => `${describe(s.node)} moved from ${rect(s.previousRect)} to ${rect(s.currentRect)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Loads `url` on a phone with a 4× slower CPU and scrolls it to the end.
 * The waits only let the page settle; no result depends on their length
 * except the long-task list, which the bench alone reads.
 */
export async function scrollStory(browser: Browser, url: string): Promise<Recorded> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(observe);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { recorded: Recorded }).recorded.scrollFrom = performance.now()));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    let turns = 0;
    while ((await page.evaluate(() => window.scrollY + window.innerHeight)) < height - 2 && turns < 400) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(60);
      turns++;
    }
    await page.waitForTimeout(500);
    return { ...(await page.evaluate(() => (window as unknown as { recorded: Recorded }).recorded)), turns };
  } finally {
    await context.close();
  }
}

/** Total layout shift of a run. */
export const layoutShift = (run: Recorded) => run.shifts.reduce((sum, s) => sum + s.value, 0);

/** Long tasks that started after scrolling began. */
export const tasksWhileScrolling = (run: Recorded) => run.longTasks.filter((t) => t.start >= run.scrollFrom);
