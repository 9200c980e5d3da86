import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { PROJECT } from '../helpers.ts';
import { CHART_TYPES } from '../../src/lib/charts/kinds/registry.ts';
import { runCli } from '../build/runBuild.ts';
import { edit, MINI, miniProject } from '../fixtures/mini.ts';

describe('npm run check', () => {
  test('lists every problem of several sections and a CSV in one run, then the count', () => {
    const root = miniProject({
      ...edit('content/mini/01-first.md', 'type: bar', 'type: pie'),
      ...edit('content/mini/02-second.md', 'US$4.5 billion', 'US$5.4 billion'),
      ...edit('data/trade/monthly.csv', '2025-03,15,9,', '2025-03,fifteen,9,'),
      ...edit('content/mini/index.md', 'lead: first', 'lead: secnd'),
    });
    const result = runCli('check', root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `content/mini/01-first.md:5:9  invalid chart.type: pie (expected ${CHART_TYPES.join(', ')})`,
      'content/mini/02-second.md:10:36  fact "US$5.4 billion" does not match partners.exports at 2025-03 (partner=United States): the text says US$5.4 billion, the data gives US$4.5 billion — correct the text to "US$4.5 billion", or check the key and period',
      'content/mini/index.md:6:7  lead section "secnd" does not exist — did you mean "second"?',
      'data/trade/monthly.csv:5:9  "fifteen" is not a number in column "exports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing',
      '4 problems found',
    ]);
  });

  test('checks a dataset no story uses, as npm run new will', () => {
    const unused = MINI['data/trade/dataset.yaml'].replace('unit: usd_bn, label: Exports', 'unit: dollars, label: Exports');
    const root = miniProject({ 'data/spare/dataset.yaml': unused, 'data/spare/monthly.csv': MINI['data/trade/monthly.csv'], 'data/spare/ytd.csv': MINI['data/trade/ytd.csv'], 'data/spare/partners.csv': MINI['data/trade/partners.csv'] });
    const result = runCli('check', root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^data\/spare\/dataset\.yaml:14:38 {2}table monthly: unknown unit "dollars" for column "exports"/m);
    expect(result.stderr).toMatch(/^1 problem found$/m);
  });

  test('says so plainly when everything is fine', () => {
    // The mini story with its chart-and-text warnings answered: context marked offchart, two bars accepted.
    const agreed: Record<string, string> = {
      'content/mini/01-first.md': MINI['content/mini/01-first.md'].replace('format=usd_bn}', 'format=usd_bn offchart}').replace('at=2025-03}', 'at=2025-03 offchart}'),
      'content/mini/02-second.md': MINI['content/mini/02-second.md'].replace('heading: Second\n', 'heading: Second\naccept: [two-values]\n'),
    };
    const result = runCli('check', miniProject(agreed));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok: 1 story, 2 charts, 5 dataset keys checked; no problems found');
  });

  test('prints chart-and-text warnings at their lines, then builds on: exit 0', () => {
    const result = runCli('check', miniProject());
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^content\/mini\/01-first\.md:10:\d+ {2}warning \(off-chart\): /m);
    expect(result.stderr).toMatch(/^3 warnings: the page builds/m);
    expect(result.stdout.trim()).toBe('ok: 1 story, 2 charts, 5 dataset keys checked; no problems found');
  });

  test('reports a folder named like a section as a problem of that file', () => {
    const root = miniProject();
    mkdirSync(join(root, 'content/mini/03-folder.md'));
    const result = runCli('check', root);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'content/mini/03-folder.md:1:1  content/mini/03-folder.md is a folder — put a text file there, or rename or remove what is there',
      '1 problem found',
    ]);
  });

  test('reports a link loop at its path, without a stack trace', () => {
    const root = miniProject();
    symlinkSync('loop', join(root, 'content/loop')); // a link to itself cannot be followed
    const result = runCli('check', root);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'content/loop:1:1  content/loop is a link that leads back to itself (a link loop) — replace the link with the file or folder itself',
      '1 problem found',
    ]);
  });
});

describe('output through a pipe', () => {
  /** Runs a command whose stderr is a pipe nobody reads for a second, as a busy CI log collector. */
  function throughSlowPipe(command: 'check' | 'build', root: string): Promise<{ status: number | null; stderr: string }> {
    const { NODE_ENV: _n, BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...inherited } = process.env;
    const child = spawn(process.execPath, [`src/cli/${command}.ts`], { cwd: PROJECT, env: { ...inherited, PLOTLINE_ROOT: root, PLOTLINE_OUT_DIR: join(root, 'dist'), PLOTLINE_QUIET: '1' } });
    let stderr = '';
    child.stderr.pause();
    setTimeout(() => child.stderr.on('data', (chunk) => (stderr += chunk)).resume(), 1000);
    return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
  }
  const manyFaults = () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},x${i},1,`);
    return miniProject({ 'data/trade/monthly.csv': `period,exports,imports,note\n${rows.join('\n')}\n` });
  };

  test('every one of 3,000 problems arrives, then the count', async () => {
    const result = await throughSlowPipe('check', manyFaults());
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3001);
    expect(lines.at(-2)).toMatch(/^data\/trade\/monthly\.csv:3001:9  "x2999" is not a number/);
    expect(lines.at(-1)).toBe('3000 problems found');
  });

  test('a refused build ends with its count and the refusal', async () => {
    const lines = (await throughSlowPipe('build', manyFaults())).stderr.trim().split('\n');
    expect(lines).toHaveLength(3002);
    expect(lines.slice(-2)).toEqual(['3000 problems found', 'build refused: nothing was written']);
  });
});

describe('npm run build', () => {
  test('leaves the previous site and no staging folder when Astro itself fails', () => {
    const root = miniProject();
    const out = join(root, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous site');
    const result = runCli('build', root, out, { SITE_URL: 'not a url' }); // Astro refuses its config
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('build failed: the previous site is unchanged');
    // dist.cache is the incremental build's cache, not a staging folder: a build that fails
    // leaves it marked, so that the next build renders every page (src/cli/buildCache.ts).
    expect(readdirSync(root).filter((name) => name.startsWith('dist') && name !== 'dist.cache')).toEqual(['dist']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
  });

  test('refuses with the same list, and writes nothing', () => {
    const root = miniProject(edit('content/mini/01-first.md', 'chart:', 'chrat:'));
    const result = runCli('build', root, join(root, 'dist'));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'content/mini/01-first.md:3:1  unknown field "chrat" — did you mean "chart"?',
      '1 problem found',
      'build refused: nothing was written',
    ]);
  });
});
