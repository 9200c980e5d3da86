import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { slugProblem } from '../../src/lib/story/scaffold.ts';
import { runCli, type RunResult } from '../build/runBuild.ts';
import { PROJECT, fixtureProject } from '../helpers.ts';

/** Runs `npm run new -- …args` the way an editor would, on the project under `root`. */
function runNew(root: string, ...args: string[]): RunResult {
  const result = spawnSync(process.execPath, ['src/cli/new.ts', ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLOTLINE_ROOT: root },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('slugProblem()', () => {
  test.each(['steel', 'steel-exports', 'q3-2025'])('slugProblem() accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeUndefined();
  });
  test.each(['Steel', 'steel_exports', '-steel', 'steel-', 'steel--exports', '../steel', 'a b', ''])('slugProblem() refuses "%s"', (slug) => {
    expect(slugProblem(slug)).toBeDefined();
  });
});

describe('npm run new', () => {
  let root: string;
  let created: RunResult;
  let built: RunResult;
  const out = () => join(root, 'dist');

  beforeAll(() => {
    root = fixtureProject({}, ['data']);
    created = runNew(root, 'steel-exports');
    built = runCli('build', root, out());
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('npm run new <slug> writes index.md and one section with a chart', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('created content/steel-exports/index.md');
    const section = readFileSync(join(root, 'content/steel-exports/01-intro.md'), 'utf8');
    expect(section).toMatch(/^chart:\n {2}data: [a-z_]+\.[a-z_]+$/m);
    expect(readFileSync(join(root, 'content/steel-exports/index.md'), 'utf8')).toMatch(/^dataset: trade$/m);
  });

  test('the new story passes npm run check and builds into a page listed on the index', () => {
    const checked = runCli('check', root);
    expect(checked.status, checked.stderr).toBe(0);
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(join(out(), 'steel-exports/index.html'))).toBe(true);
    expect(readFileSync(join(out(), 'index.html'), 'utf8')).toContain('href="/steel-exports/"');
  });

  test('npm run new refuses a folder that exists, and leaves it as it was', () => {
    const before = readFileSync(join(root, 'content/steel-exports/index.md'), 'utf8');
    const again = runNew(root, 'steel-exports');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/steel-exports already exists — choose another name');
    expect(readFileSync(join(root, 'content/steel-exports/index.md'), 'utf8')).toBe(before);
  });

  test('npm run new refuses a bad slug, a missing slug and an unknown dataset, writing nothing', () => {
    const bad = runNew(root, 'Steel_Exports');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"Steel_Exports" is not a valid story name — use lower-case letters');
    expect(existsSync(join(root, 'content/Steel_Exports'))).toBe(false);
    expect(runNew(root).stderr).toContain('no story name given');
    const unknown = runNew(root, 'grain', '--dataset', 'grain');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown dataset "grain" — datasets under data/: trade');
    expect(existsSync(join(root, 'content/grain'))).toBe(false);
  });
});
