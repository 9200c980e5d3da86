import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentSaved, watchContent, watchedSite } from '../../src/lib/site.ts';
import { fixtureProject } from '../helpers.ts';

describe('watchedSite()', () => {
  test('loads afresh on every call until a watcher counts saves, then only after a save', () => {
    const root = fixtureProject();
    const section = join(root, 'content/surplus/05-monthly-surplus.md');
    // No watcher yet: every call reads the files.
    expect(watchedSite(root)).not.toBe(watchedSite(root));
    watchContent();
    const kept = watchedSite(root);
    expect(watchedSite(root)).toBe(kept);
    writeFileSync(section, `${readFileSync(section, 'utf8').trimEnd()} A sentence saved in dev.\n`);
    // Until the watcher reports the save, the kept site is served…
    expect(watchedSite(root)).toBe(kept);
    contentSaved();
    // …and after it, the site as the files now are, kept in turn.
    const reloaded = watchedSite(root);
    expect(reloaded).not.toBe(kept);
    const html = (site: typeof kept) => site.stories.find((s) => s.story.slug === 'surplus')!.story.sections.map((s) => s.html).join('');
    expect(html(reloaded)).toContain('A sentence saved in dev.');
    expect(html(kept)).not.toContain('A sentence saved in dev.');
    expect(watchedSite(root)).toBe(reloaded);
    // Another project is its own site.
    expect(watchedSite(fixtureProject()).stories.length).toBe(kept.stories.length);
  });
});
