/**
 * An editor's day, on a throwaway copy of this project: add a story on a
 * new dataset, delete one of the stories already there, and the project
 * still checks, builds and passes its tests.
 *
 * Which tests run there: `npm run check`, `npm run build`, and the content
 * tests (tests/content/, this file excepted), which are the tests that read
 * content/ and data/. The engine tests read only tests/fixtures/ — the last
 * test below holds them to that — so a change to content/ cannot change
 * their outcome, and running them a second time in the copy would only
 * double the time CI takes. This file itself is left out there, or it would
 * copy the copy for ever.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE, PROJECT, tempProject } from '../helpers.ts';
import { listStories } from '../../src/lib/story/loadStory.ts';

/** What is not the project's own, by path: installed packages, builds, caches, results, git. */
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'dist.builds', 'dist.lock', 'dist.next', 'dist.cache', 'dist.building', 'dist.previous', '.astro', 'bench', 'tests/screenshots']);

/** The environment an editor's shell would have: without Vitest's and Vite's variables. */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || ['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'PLOTLINE_ROOT', 'PLOTLINE_OUT_DIR', 'PLOTLINE_CONTENT_ROOT'].includes(key)) delete env[key];
  return { ...env, ...extra };
}

function run(root: string, command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: shellEnv(env), timeout: LONG });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A name not yet taken under `dir`. */
function freeName(dir: string, wanted: string): string {
  let name = wanted;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${wanted}-${i}`;
  return name;
}

const inside = process.env.PLOTLINE_THROWAWAY === '1';

/**
 * Each step runs whole commands (a build, a test run with Chromium): on a
 * busy machine that takes minutes, so they get all the time they need; a
 * real failure still fails on its exit status, not on a clock.
 */
const LONG = 900_000;

describe.skipIf(inside)('a throwaway copy of the project with a story added and one removed', () => {
  let root: string;
  let added: string;
  let removed: string | undefined;

  beforeAll(() => {
    root = tempProject();
    cpSync(PROJECT, root, { recursive: true, filter: (src) => !LEFT_OUT.has(relative(PROJECT, src).split(sep).join('/')) });
    symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');

    // A new dataset and a story on it, taken from the engine's fixture project.
    const dataset = freeName(join(root, 'data'), 'fixture-trade');
    mkdirSync(join(root, 'data'), { recursive: true });
    cpSync(join(FIXTURE, 'data/trade'), join(root, 'data', dataset), { recursive: true });
    added = freeName(join(root, 'content'), 'fixture-commodities');
    cpSync(join(FIXTURE, 'content/commodities'), join(root, 'content', added), { recursive: true });
    const index = join(root, 'content', added, 'index.md');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/^dataset: .*$/m, `dataset: ${dataset}`));

    // And one of the stories that were there goes.
    removed = listStories(PROJECT)[0];
    if (removed) rmSync(join(root, 'content', removed), { recursive: true });
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('npm run check passes', { timeout: LONG }, () => {
    const checked = run(root, 'npm', ['run', '--silent', 'check']);
    expect(checked.status, checked.output).toBe(0);
  });

  test('npm run build makes the new story, and no page for the removed one', { timeout: LONG }, () => {
    const built = run(root, 'npm', ['run', '--silent', 'build']);
    expect(built.status, built.output).toBe(0);
    expect(existsSync(join(root, 'dist', added, 'index.html'))).toBe(true);
    if (removed) expect(existsSync(join(root, 'dist', removed))).toBe(false);
    const home = readFileSync(join(root, 'dist/index.html'), 'utf8');
    expect(home).toContain(`/${added}/`);
    if (removed) expect(home).not.toContain(`/${removed}/`);
  });

  test('the content tests pass there', { timeout: LONG }, () => {
    const files = readdirSync(join(PROJECT, 'tests/content')).filter((f) => f.endsWith('.test.ts') && f !== 'throwaway.test.ts').map((f) => `tests/content/${f}`);
    const tested = run(root, process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/vitest.config.ts', ...files], { PLOTLINE_THROWAWAY: '1', NO_COLOR: '1' });
    const output = tested.output.replace(/\x1b\[[0-9;]*m/g, '');
    expect(tested.status, output.slice(-4000)).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed/);
    // The added story was among those tested, and the removed one was not.
    expect(output).toContain(`content/${added}`);
    if (removed) expect(output).not.toContain(`content/${removed}`);
  });
});

/** Ways a test could reach the editors' content/ and data/ rather than its fixtures. */
const READS_CONTENT = [
  /(?:checkProject|loadSite|loadDataset|listStories|siteOrThrow)\(PROJECT\b/,
  // (content/README.md is the editor's guide, part of the engine's documentation.)
  /join\(PROJECT, ['"](?:content|data)(?:['"]|\/(?!README\.md))/,
  /tempProject\([^)]*\[[^\]]*['"](?:content|data)['"]/,
];

test('outside tests/content/, no test reads content/ or data/ of the project', () => {
  const files = (dir: string): string[] =>
    readdirSync(join(PROJECT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name === 'fixtures' || d.name === 'content' ? [] : files(join(dir, d.name))) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  const offenders = files('tests').flatMap((file) => {
    const text = readFileSync(join(PROJECT, file), 'utf8');
    return READS_CONTENT.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
  });
  expect(offenders).toEqual([]);
  // The patterns do catch what they are for.
  for (const reads of ["tempProject({}, ['content', 'data'])", "join(PROJECT, 'content')", "join(PROJECT, 'data/x/dataset.yaml')", 'loadSite(PROJECT)']) {
    expect(READS_CONTENT.some((p) => p.test(reads)), reads).toBe(true);
  }
  expect(READS_CONTENT.some((p) => p.test("join(PROJECT, 'content/README.md')"))).toBe(false);
});
