/**
 * Every story under content/, read on three phones held upright and two
 * desktops: the pinned figure keeps to its budget on a phone (caption and
 * all), the text keeps its reading window, chart type is full size but no
 * larger than 14 px, every line of every step is seen whole while its
 * chart shows, and no two labels of a drawing overlap (at a phone's and a
 * desktop's size, which between them show both drawings of every chart),
 * and no change of chart or state shows a label twice or the outgoing
 * caption, at any frame (at a phone's and a desktop's size).
 * Stories are found on disk; none is named here.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, serveBuild, type BuiltSite } from '../browser/site.ts';
import { CHART_TYPE, FIGURE_BUDGET, figureFits, READER_SIZES, READING_WINDOW, textCollisions, textOverflows, unreadLines } from '../browser/reading.ts';
import { ghostsInStory } from '../browser/ghosts.ts';
import { contentCopy, SLUGS } from './root.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await serveBuild(contentCopy());
});

afterAll(async () => {
  await site?.close();
});

describe.each(Object.entries(READER_SIZES))('at %s', (_name, viewport) => {
  test.each(SLUGS)('content/%s: every figure keeps to its budget, with full-size type', async (slug) => {
    const { page, problems } = await openPage(site, `${slug}/`, { viewport, reducedMotion: 'reduce' });
    const faults: string[] = [];
    for (const fit of await figureFits(page)) {
      if (fit.above && fit.share > FIGURE_BUDGET + 0.005) faults.push(`${fit.id} takes ${(fit.share * 100).toFixed(0)}% of the screen's height, over ${FIGURE_BUDGET * 100}%`);
      if (fit.window < READING_WINDOW) faults.push(`${fit.id} leaves the text ${(fit.window * 100).toFixed(0)}% of the screen`);
      if (fit.type.min < CHART_TYPE.min - 0.25 || fit.type.max > CHART_TYPE.max + 0.25) faults.push(`${fit.id}: chart type ${fit.type.min.toFixed(1)}–${fit.type.max.toFixed(1)} px`);
    }
    expect(faults).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test.each(SLUGS)('content/%s: every line of every step is read whole while its chart shows', async (slug) => {
    const { page, problems } = await openPage(site, `${slug}/`, { viewport, reducedMotion: 'reduce' });
    const steps = await unreadLines(page);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.lines > 0)).toBe(true);
    expect(steps.filter((s) => s.unread > 0).map((s) => `step ${s.step}: ${s.unread} of ${s.lines} lines never readable`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test.each(SLUGS)('content/%s: no chart text runs past its drawing or the screen', async (slug) => {
    const { page, problems } = await openPage(site, `${slug}/`, { viewport, reducedMotion: 'reduce' });
    expect(await textOverflows(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe.each(['small phone 360×640', 'phone 390×844', 'desktop 1280×800'] as const)('at %s', (name) => {
  test.each(SLUGS)('content/%s: no two labels of a drawing overlap', async (slug) => {
    const { page, problems } = await openPage(site, `${slug}/`, { viewport: READER_SIZES[name], reducedMotion: 'reduce' });
    expect(await textCollisions(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe.each(['small phone 360×640', 'desktop 1280×800'] as const)('at %s', (name) => {
  test.each(SLUGS)('content/%s: no change of chart shows a label twice, or the outgoing caption', async (slug) => {
    const { page, problems } = await openPage(site, `${slug}/`, { viewport: READER_SIZES[name] });
    expect(await ghostsInStory(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
