/**
 * No ghosts while the chart changes: scrolling down the fixture story, at
 * a phone's and a desktop's size, every change of chart and of state is
 * read frame by frame (ghosts.ts). No two labels show at once where they
 * overlap, and the outgoing figure's caption never shows under the
 * incoming chart. Added at the end of the story: a chart whose states
 * share one drawing and relabel a note in place, and bars that change
 * measure with their value labels.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAndServe, openPage, STORY, VIEWPORTS, type BuiltSite } from './site.ts';
import { ghostsInStory } from './ghosts.ts';

const STATES = {
  [`content/${STORY}/12-line-start.md`]: '---\nheading: The first half\nchart:\n  data: monthly.balance_ytd\n  type: line\n  x: month\n  series: year\n  where: { year: [2024, 2025] }\n  to: 2025-06\n  annotations:\n    - { at: 2025-06, series: "2025", text: "Half-way" }\n  title: Monthly surpluses added up, to June\n---\n\nThe first half of the year.\n',
  [`content/${STORY}/13-line-on.md`]: '---\nheading: The rest of the year\nstate:\n  to: 2025-11\n  annotations:\n    - { at: 2025-06, series: "2025", text: "June, a record half" }\n  title: Monthly surpluses added up, to November\n---\n\nThe line runs on to November.\n',
  [`content/${STORY}/14-bars.md`]: '---\nheading: Exports\nchart:\n  data: monthly.exports_yoy\n  type: bar\n  from: 2025-06\n  values: all\n  title: Exports, change on a year earlier\n---\n\nExports by month.\n',
  [`content/${STORY}/15-bars-change.md`]: '---\nheading: Imports\nstate:\n  data: monthly.imports_yoy\n  title: Imports, change on a year earlier\n---\n\nImports on the same scale.\n',
};

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe(STATES);
});

afterAll(async () => {
  await site?.close();
});

describe.each(Object.entries(VIEWPORTS))('on a %s', (_name, viewport) => {
  test('no change of chart or state shows a label twice, or the outgoing caption', async () => {
    const { page, problems } = await openPage(site, `${STORY}/`, { viewport });
    expect(await ghostsInStory(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
