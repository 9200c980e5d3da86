import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { miniProject } from '../fixtures/mini.ts';
import { PROJECT } from '../helpers.ts';

/** A throwaway git repository holding the mini project, committed once. */
function committedProject(): string {
  const root = miniProject();
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-C', root, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'first release');
  return root;
}

function revise(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function diff(root: string, revision = 'HEAD') {
  const { NODE_ENV: _node, BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
  const result = spawnSync(process.execPath, ['src/cli/diff.ts', revision], { cwd: PROJECT, env: { ...env, PLOTLINE_ROOT: root }, encoding: 'utf8' });
  return { status: result.status, report: result.stdout, stderr: result.stderr };
}

/** The report's text under a `### heading`, up to the next one. */
function part(report: string, heading: string): string {
  const start = report.indexOf(`### ${heading}\n`);
  expect(start, `no "${heading}" in:\n${report}`).toBeGreaterThanOrEqual(0);
  const end = report.indexOf('\n### ', start + 1);
  return report.slice(start, end < 0 ? undefined : end);
}

const positions = (text: string) => [...text.matchAll(/\x60(content\/[^\x60]+:\d+:\d+)\x60/g)].map((m) => m[1]);
const chartIds = (text: string) => [...text.matchAll(/\(\x60([a-z0-9-]+)\x60, \x60content\/[^\x60]+\x60\)/g)].map((m) => m[1]);

describe('npm run diff', () => {
  test('a revised month lists exactly the facts and charts it feeds, and passes when they still hold', () => {
    const root = committedProject();
    revise(root, 'data/trade/monthly.csv', '2025-03,15,9,', '2025-03,15.02,9,');
    const { status, report, stderr } = diff(root);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report).toMatch(/^## Data update report: `HEAD` → working tree\n/);
    expect(part(report, 'Data cells')).toContain('| revised | `data/trade/monthly.csv:5` | 2025-03 |  | exports | 15 | 15.02 |');
    expect(part(report, 'Data cells').match(/^\| (revised|added|removed) /gm)).toHaveLength(1);
    expect(part(report, 'Facts that now fail')).toContain('None.');
    // March exports feed the printed figure and the growth rate computed from them; nothing else.
    const moved = part(report, 'Facts still passing whose value moved within their rounding');
    expect(positions(moved)).toEqual(['content/mini/01-first.md:10:26', 'content/mini/01-first.md:10:80']);
    expect(moved).toContain('| :value monthly.exports at 2025-03 | 15 | 15.02 | 14.95 to 15.05 |');
    expect(moved).toContain('| :fact[up 25 per cent] monthly.exports_yoy at 2025-03 | 25 | 25.1667 | 24.5 to 25.5 |');
    // The balance chart draws March; the partner chart does not use the monthly table.
    const charts = part(report, 'Charts drawn differently');
    expect(chartIds(charts)).toEqual(['mini-first']);
    expect(charts).toContain('Mar 2025: 6 → 6.02');
    const reread = part(report, 'Sentences to re-read');
    expect(reread).toContain('“In March exports reached US$15.0 billion, up 25 per cent.”');
    expect(reread).not.toContain('02-second.md');
  });

  test('a revision that breaks a fact says which and why, and exits 1', () => {
    const root = committedProject();
    revise(root, 'data/trade/monthly.csv', '2025-03,15,9,', '2025-03,16,9,');
    const { status, report } = diff(root);
    expect(status).toBe(1);
    expect(report).toContain('**1 fact fails**');
    const failing = part(report, 'Facts that now fail');
    expect(positions(failing)).toEqual(['content/mini/01-first.md:10:80']);
    expect(failing).toContain('(data 25 → 33.3333)');
    expect(failing).toContain('the text says up 25 per cent, the data gives up 33 per cent');
    // The printed figure changed: not a move within rounding, a sentence to re-read.
    expect(part(report, 'Facts still passing whose value moved within their rounding')).toContain('None.');
    expect(part(report, 'Sentences to re-read')).toContain('“In March exports reached US$16.0 billion, up 25 per cent.” (its figure fails)');
  });

  test('lists added and removed rows and the chart points they take away', () => {
    const root = committedProject();
    revise(root, 'data/trade/partners.csv', '2025-03,Japan,2.25\n', '');
    revise(root, 'data/trade/monthly.csv', '2025-04,16,,imports not reported\n', '2025-04,16,,imports not reported\n2025-05,17,10,\n');
    const { status, report } = diff(root);
    expect(status).toBe(0);
    const cells = part(report, 'Data cells');
    expect(cells).toContain('| removed | `data/trade/partners.csv:3` | 2025-03 | partner=Japan | exports | 2.25 |  |');
    expect(cells).toContain('| added | `data/trade/monthly.csv:7` | 2025-05 |  | exports |  | 17 |');
    const charts = part(report, 'Charts drawn differently');
    // May lies after the story's through: 2025-04, so no chart draws it.
    expect(chartIds(charts)).toEqual(['mini-second']);
    expect(charts).toContain('Japan: 2.25 → not drawn');
  });

  test('an edited sentence and a moved line keep their facts matched', () => {
    const root = committedProject();
    revise(root, 'content/mini/02-second.md', 'Sales to the United States', 'Shipments to the United States\nthat month');
    revise(root, 'content/mini/01-first.md', ':fact[up 25 per cent]', ':fact[up 25%]');
    const { status, report } = diff(root);
    expect(status).toBe(0);
    expect(report).toContain('No fact fails, 0 facts moved within their rounding, 0 charts drawn differently, 0 data cells changed.');
    expect(report).not.toContain('Figures added or removed');
  });

  test('refuses a revision git does not know, with exit 2', () => {
    const root = committedProject();
    const { status, stderr } = diff(root, 'no-such-branch');
    expect(status).toBe(2);
    expect(stderr).toContain('"no-such-branch" is not a revision');
  });
});
