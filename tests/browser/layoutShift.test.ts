import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAndServe, STORY, type BuiltSite } from './site.ts';
import { layoutShift, scrollStory } from './scrollRecorder.ts';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildAndServe();
});

afterAll(async () => {
  await site?.close();
});

// Long tasks are timed by the wall clock, so how smooth scrolling is depends
// on the machine: that budget is kept by `npm run bench`. Whether anything
// moves does not depend on speed, so it is tested here.
describe('story page on a phone with a 4× slower CPU', () => {
  test('loading and scrolling the whole story shifts no layout', async () => {
    const run = await scrollStory(site.browser, `${site.server.url}${STORY}/`);
    expect(run.turns, 'the story should take many wheel turns to scroll through').toBeGreaterThan(10);
    expect({ cls: layoutShift(run), shifts: run.shifts }, 'layout shifts while loading and scrolling').toEqual({ cls: 0, shifts: [] });
  });
});
