import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkProject, type Checked } from '../src/lib/check.ts';
import { closeDiskCache, openDiskCache } from '../src/lib/diskCache.ts';
import { hashInputs } from '../src/lib/inputKeys.ts';
import { fixtureProject, tempProject } from './helpers.ts';

// A build keeps each sound story's check on disk (checkStore.ts) and takes
// it back while nothing it was made from changed: a story taken back must
// be the one a fresh check makes, and every input must count.

afterEach(() => closeDiskCache());

/** The fixture project with its second story on a copy of the dataset, and a disk cache of its own. */
function project(): { root: string; first: string; second: string; cache: string } {
  const root = fixtureProject();
  const [first, second] = checkProject(root).stories.map((s) => s.slug);
  cpSync(join(root, 'data/trade'), join(root, 'data/trade-copy'), { recursive: true });
  edit(root, `content/${second}/index.md`, (text) => text.replace(/^dataset: trade$/m, 'dataset: trade-copy'));
  return { root, first, second, cache: join(tempProject(), 'cache') };
}

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

/** A build's check: the disk cache open, the folders hashed first. */
function stored(root: string, cache: string): Checked {
  closeDiskCache();
  openDiskCache(cache, 'engine');
  try {
    return checkProject(root, undefined, undefined, hashInputs(root));
  } finally {
    closeDiskCache();
  }
}

/** Asserts that `kept` is what a fresh check of the same files makes, whole. */
function sameAsFresh(root: string, kept: Checked): void {
  const fresh = checkProject(root);
  expect(kept.problems).toEqual(fresh.problems);
  expect(kept.stories).toEqual(fresh.stories);
  expect(kept.figures).toEqual(fresh.figures);
  expect(kept.traces).toEqual(fresh.traces);
}

describe('checkProject() with a disk cache and the folders\' hashes', () => {
  test('a second check takes every story from disk, pointing into the datasets it loaded, as a fresh check makes them', () => {
    const { root, first, second, cache } = project();
    expect(stored(root, cache).afresh).toEqual([first, second]);
    const again = stored(root, cache);
    expect(again.afresh).toEqual([]);
    for (const story of again.stories) expect(story.dataset).toBe(again.datasets.get(story.dataset.name));
    sameAsFresh(root, again);
  });

  test('a changed sentence checks its own story again; a changed dataset cell, every story that reads it', () => {
    const { root, first, second, cache } = project();
    stored(root, cache);
    appendFileSync(join(root, 'content', first, 'index.md'), '\nA sentence saved later.\n');
    const sentence = stored(root, cache);
    expect(sentence.afresh).toEqual([first]);
    expect(sentence.stories[0].ledeHtml).toContain('A sentence saved later.');
    edit(root, 'data/trade-copy/monthly.csv', (text) => text.replace('292.28', '292.29'));
    const cell = stored(root, cache);
    expect(cell.afresh).toEqual([second]);
    sameAsFresh(root, cell);
  });

  test('settings, a new dataset folder and public/\'s files count for every story', () => {
    const { root, first, second, cache } = project();
    stored(root, cache);
    edit(root, 'content/site.yaml', (text) => text.replace(/^description: .*$/m, 'description: Another description.'));
    expect(stored(root, cache).afresh).toEqual([first, second]);
    cpSync(join(root, 'data/trade'), join(root, 'data/trade-third'), { recursive: true });
    expect(stored(root, cache).afresh).toEqual([first, second]);
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public/extra.txt'), '');
    expect(stored(root, cache).afresh).toEqual([first, second]);
    expect(stored(root, cache).afresh).toEqual([]);
  });

  test('an entry cut short or not the engine\'s is checked again, and a story with a problem is never stored', () => {
    const { root, first, second, cache } = project();
    stored(root, cache);
    for (const name of readdirSync(join(cache, 'engine'))) writeFileSync(join(cache, 'engine', name), readFileSync(join(cache, 'engine', name)).subarray(0, 40));
    const cut = stored(root, cache);
    expect(cut.afresh).toEqual([first, second]);
    sameAsFresh(root, cut);
    // A chart type there is not: a problem of the story's own.
    const section = readdirSync(join(root, 'content', first)).find((name) => /^\d+-.*\.md$/.test(name) && /^\s+type: /m.test(readFileSync(join(root, 'content', first, name), 'utf8')))!;
    edit(root, `content/${first}/${section}`, (text) => text.replace(/^(\s+type: ).*$/m, '$1pie'));
    const broken = stored(root, cache);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(stored(root, cache).afresh).toEqual([first]);
  });

  test('an empty folder named like a section is a problem, not a kept story', () => {
    const { root, first, cache } = project();
    stored(root, cache);
    mkdirSync(join(root, 'content', first, '09-folder.md'));
    const folder = stored(root, cache);
    expect(folder.afresh).toContain(first);
    expect(folder.problems.map((p) => p.file)).toContain(`content/${first}/09-folder.md`);
  });
});
