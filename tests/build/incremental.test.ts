/**
 * Incremental builds (inputKeys.ts, buildCache.ts, checkStore.ts): a build
 * copies from the last one the pages whose inputs did not change, and
 * takes from the disk cache the checks of the stories whose inputs did not
 * change. A warm build is byte for byte a cold one; a changed dataset cell
 * checks and renders again every story that reads that dataset, and a
 * changed sentence only its own story.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureProject, hashTree } from '../helpers.ts';
import { runCli } from './runBuild.ts';

let root: string;
/** The disk cache of drawings and checks: this project's own. */
let cache: string;
let scratch: string;
const dist = () => join(root, 'dist');

/**
 * Builds with Astro's log on: the story pages it rendered and those it
 * copied from the last build, and the stories it checked (the others were
 * taken from the disk cache).
 */
function build(env: Record<string, string> = {}): { rendered: Set<string>; restored: Set<string>; checked: string[] } {
  const timings = join(scratch, 'timings.json');
  const result = runCli('build', root, dist(), { PLOTLINE_QUIET: '', PLOTLINE_CACHE_DIR: cache, PLOTLINE_TIMINGS: timings, ...env });
  expect(result.status, result.stderr).toBe(0);
  const { afresh } = JSON.parse(readFileSync(timings, 'utf8')) as { afresh: string[] };
  const rendered = new Set<string>();
  const restored = new Set<string>();
  // Astro colours its log when it thinks it runs in CI (CI=true), even into a pipe.
  for (const line of stripVTControlCharacters(result.stdout).split('\n')) {
    const page = /├─ \/([a-z0-9-]+)\/\S+ \((restored|cached|\+[\d.]+m?s)\)/.exec(line);
    if (page) (page[2] === 'restored' || page[2] === 'cached' ? restored : rendered).add(page[1]);
  }
  return { rendered, restored, checked: [...afresh].sort() };
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'plotline-incremental-'));
  cache = join(scratch, 'cache');
  // Three stories: two on the dataset "trade", one on a copy of it.
  root = fixtureProject();
  cpSync(join(root, 'content/surplus'), join(root, 'content/surplus-again'), { recursive: true });
  cpSync(join(root, 'data/trade'), join(root, 'data/trade-copy'), { recursive: true });
  edit('content/commodities/index.md', (text) => text.replace(/^dataset: trade$/m, 'dataset: trade-copy'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run build, again', () => {
  let cold: string;

  test('a warm build writes the same bytes as a cold one, copying every story page and checking no story', () => {
    const first = build({ PLOTLINE_CACHE: 'off' });
    expect([...first.rendered].sort()).toEqual(['commodities', 'surplus', 'surplus-again']);
    expect(first.checked).toEqual(['commodities', 'surplus', 'surplus-again']);
    cold = hashTree(dist());
    build(); // fills the cache
    const warm = build();
    expect(hashTree(dist())).toBe(cold);
    expect([...warm.rendered]).toEqual([]);
    expect([...warm.restored].sort()).toEqual(['commodities', 'surplus', 'surplus-again']);
    expect(warm.checked).toEqual([]);
  });

  test('without the last build\'s pages, every page is rendered from the checks taken from disk: the same bytes', () => {
    rmSync(`${dist()}.cache`, { recursive: true, force: true });
    const after = build();
    expect(after.checked).toEqual([]);
    expect([...after.rendered].sort()).toEqual(['commodities', 'surplus', 'surplus-again']);
    expect(hashTree(dist())).toBe(cold);
  });

  test('a changed dataset cell renders again every story that reads the dataset, and no other', () => {
    // The surplus of March 2023: a chart draws it, no sentence states it.
    edit('data/trade/monthly.csv', (text) => text.replace(/^(2023-03,[\d.]+,[\d.]+,)([\d.]+)/m, (_, head: string, value: string) => `${head}${(Number(value) + 1).toFixed(2)}`));
    const after = build();
    expect(after.checked).toEqual(['surplus', 'surplus-again']);
    expect([...after.rendered].sort()).toEqual(['surplus', 'surplus-again']);
    expect([...after.restored]).toEqual(['commodities']);
    // And the warm result is what a cold build of the same files makes.
    const warm = hashTree(dist());
    expect(warm).not.toBe(cold);
    build({ PLOTLINE_CACHE: 'off' });
    expect(hashTree(dist())).toBe(warm);
  });

  test('a changed sentence renders again its own story only', () => {
    edit('content/surplus-again/05-monthly-surplus.md', (text) => `${text.trimEnd()} One sentence more.\n`);
    const after = build();
    expect(after.checked).toEqual(['surplus-again']);
    expect([...after.rendered]).toEqual(['surplus-again']);
    expect([...after.restored].sort()).toEqual(['commodities', 'surplus']);
    expect(readFileSync(join(dist(), 'surplus-again/index.html'), 'utf8')).toContain('One sentence more.');
    expect(readFileSync(join(dist(), 'surplus/index.html'), 'utf8')).not.toContain('One sentence more.');
  });

  test('a build that died while Astro wrote leaves the next one rendering everything', () => {
    writeFileSync(join(`${dist()}.cache`, 'plotline-building'), '1\n');
    const after = build();
    expect([...after.restored]).toEqual([]);
    expect([...after.rendered].sort()).toEqual(['commodities', 'surplus', 'surplus-again']);
  });

  test('a changed setting checks every story again, and the warm result is a cold build\'s', () => {
    edit('content/site.yaml', (text) => text.replace(/^description: .*$/m, 'description: Stories checked again.'));
    const after = build();
    expect(after.checked).toEqual(['commodities', 'surplus', 'surplus-again']);
    const warm = hashTree(dist());
    build({ PLOTLINE_CACHE: 'off' });
    expect(hashTree(dist())).toBe(warm);
  });
});
