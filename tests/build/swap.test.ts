/**
 * The swap of a new site into dist/, interrupted at each step, and builds
 * that cannot write or that meet another build in the same folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT } from '../helpers.ts';
import { runCli } from './runBuild.ts';
import { miniProject } from '../fixtures/mini.ts';
import { pruneBuilds, siteFolder, swapIn } from '../../src/cli/siteFolder.ts';

/** Starts `npm run build` paused before `step`; resolves once it has printed that it waits there. */
function buildPausedAt(root: string, step: 'lock' | 'swap' | 'prune'): Promise<ChildProcess> {
  const { NODE_ENV: _n, BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: PROJECT,
    env: { ...inherited, PLOTLINE_ROOT: root, PLOTLINE_OUT_DIR: join(root, 'dist'), PLOTLINE_QUIET: '1', PLOTLINE_PAUSE_AT: step },
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes(`paused before ${step}`)) resolve(child);
    });
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => reject(new Error(`build ended (${code}) before pausing at ${step}:\n${out}\n${err}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A previous build as the swap leaves it: dist → dist.builds/<id>. */
function previousSite(root: string): void {
  mkdirSync(join(root, 'dist.builds/old'), { recursive: true });
  writeFileSync(join(root, 'dist.builds/old/index.html'), 'old site');
  symlinkSync('dist.builds/old', join(root, 'dist'));
}

const shown = (root: string) => readFileSync(join(root, 'dist/index.html'), 'utf8');
// dist.cache (Astro's incremental build cache, buildCache.ts) is kept whatever happens: it is not the site.
const distNames = (root: string) => readdirSync(root).filter((name) => name.startsWith('dist') && name !== 'dist.cache').sort();

describe('an interrupted build', () => {
  test('killed at the swap leaves the old site; killed after it, the new one; the next build tidies up', async () => {
    const root = miniProject();
    previousSite(root);

    await kill(await buildPausedAt(root, 'swap'));
    expect(shown(root)).toBe('old site');
    expect(readdirSync(join(root, 'dist.builds'))).toHaveLength(2); // the old site and the unused build

    // The killed build's lock is stale: the next build takes it over.
    await kill(await buildPausedAt(root, 'prune'));
    expect(shown(root)).toContain('<!DOCTYPE html>');
    expect(existsSync(join(root, 'dist/mini/index.html'))).toBe(true);
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);

    const result = runCli('build', root, join(root, 'dist'));
    expect(result.status, result.stderr).toBe(0);
    expect(distNames(root)).toEqual(['dist', 'dist.builds']);
    expect(readdirSync(join(root, 'dist.builds'))).toHaveLength(1);
    expect(existsSync(join(root, 'dist/mini/index.html'))).toBe(true);
  });

  test('a second build in the same folder refuses while the first runs, and writes nothing', async () => {
    const root = miniProject();
    previousSite(root);
    const first = await buildPausedAt(root, 'lock');
    try {
      const second = runCli('build', root, join(root, 'dist'));
      expect(second.status).toBe(1);
      // Chart-and-text warnings may come first; the refusal is the last line.
      expect(second.stderr.trim().split('\n').at(-1)).toBe(`build refused: another build (process ${first.pid}) is writing ${join(root, 'dist')} — wait for it to finish, then build again; if no build is running, delete ${join(root, 'dist.lock')}`);
      expect(shown(root)).toBe('old site');
      expect(distNames(root)).toEqual(['dist', 'dist.builds', 'dist.lock']);
    } finally {
      await kill(first);
    }
  });
});

describe('a dist/ that cannot be replaced', () => {
  const chattr = spawnSync('chattr', ['--help']).error === undefined;

  test.skipIf(!chattr)('an immutable dist/ folder: a message, the old site, and no staging folder left', ({ skip }) => {
    const root = miniProject();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), 'old site');
    const lock = spawnSync('chattr', ['+i', join(root, 'dist')]);
    if (lock.status !== 0) skip(); // a file system without the immutable flag
    try {
      const result = runCli('build', root, join(root, 'dist'));
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(`build failed: ${join(root, 'dist')} cannot be replaced (EPERM) — check that it and the folder that holds it can be written (not read-only, not immutable); the previous site is unchanged`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(shown(root)).toBe('old site');
      expect(distNames(root)).toEqual(['dist']);
    } finally {
      spawnSync('chattr', ['-i', join(root, 'dist')]);
    }
  });

  test.skipIf(!chattr)('a folder that cannot be written: a message before Astro runs, and nothing left', ({ skip }) => {
    const root = miniProject();
    previousSite(root);
    if (spawnSync('chattr', ['+i', root]).status !== 0) skip();
    try {
      const result = runCli('build', root, join(root, 'dist'));
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n').at(-1)).toBe(`build failed: ${join(root, 'dist.lock')} cannot be written (EPERM) — check that the folder that holds ${join(root, 'dist')} can be written; the previous site is unchanged`);
      expect(shown(root)).toBe('old site');
    } finally {
      spawnSync('chattr', ['-i', root]);
    }
    expect(distNames(root)).toEqual(['dist', 'dist.builds']);
  });
});

describe('swapIn()', () => {
  test('replaces a dist/ that is still a real folder, keeps nothing else, and dist/ is a link afterwards', () => {
    const root = miniProject();
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/index.html'), 'old site');
    const folder = siteFolder(join(root, 'dist'));
    mkdirSync(join(root, 'dist.builds/new'), { recursive: true });
    writeFileSync(join(root, 'dist.builds/new/index.html'), 'new site');
    swapIn(folder, join(root, 'dist.builds/new'));
    expect(shown(root)).toBe('new site');
    pruneBuilds(folder);
    expect(readdirSync(join(root, 'dist.builds'))).toEqual(['new']);
    // A second swap replaces the link in one rename.
    mkdirSync(join(root, 'dist.builds/newer'));
    writeFileSync(join(root, 'dist.builds/newer/index.html'), 'newer site');
    swapIn(folder, join(root, 'dist.builds/newer'));
    pruneBuilds(folder);
    expect(shown(root)).toBe('newer site');
    expect(readdirSync(join(root, 'dist.builds'))).toEqual(['newer']);
    expect(distNames(root)).toEqual(['dist', 'dist.builds']);
  });
});
