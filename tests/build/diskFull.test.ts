/**
 * A disk that fills during the build: one line naming the place, the room
 * and the fix, never the bundler's crash report, and the site shown before
 * stays whole, with no half-written build left beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { PROJECT } from '../helpers.ts';
import { runCli } from './runBuild.ts';
import { miniProject } from '../fixtures/mini.ts';
import { writeFailureOf } from '../../src/cli/writeFailure.ts';

/** A previous build as the swap leaves it: dist → dist.builds/old. */
function previousSite(folder: string): void {
  mkdirSync(join(folder, 'dist.builds/old'), { recursive: true });
  writeFileSync(join(folder, 'dist.builds/old/index.html'), 'old site');
  symlinkSync('dist.builds/old', join(folder, 'dist'));
}

const FULL_DISK = `--import=${join(PROJECT, 'tests/build/fullDisk.ts')}`;
const lastLine = (stderr: string) => stripVTControlCharacters(stderr).trim().split('\n').at(-1);
const ROOM = String.raw`: \d+\.\d [MG]B free, and a build needs more than the last site's 0\.0 MB \(the new site is written beside the old, with Astro's working files\)`;
const FIX = ' — free space on that disk (old builds, caches), or build on another disk with PLOTLINE_OUT_DIR=/path/dist, then build again; the previous site is unchanged';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a disk that fills during the build', () => {
  test('while Astro writes the pages: one line naming the site, the room and the fix; the old site shown, nothing left', () => {
    const root = miniProject();
    previousSite(root);
    const result = runCli('build', root, join(root, 'dist'), { NODE_OPTIONS: FULL_DISK, PLOTLINE_TEST_FULL_AT: join(root, 'dist.builds/2') });
    expect(result.status).toBe(1);
    expect(lastLine(result.stderr)).toMatch(new RegExp(`^build failed: disk full at ${escape(join(root, 'dist'))}${ROOM}${escape(FIX)}$`));
    expect(result.stderr).not.toMatch(/\n\s+at |backtrace/i);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('old site');
    expect(readdirSync(join(root, 'dist.builds'))).toEqual(['old']);
  });

  test('before anything is written (the lock): the same line at the lock', () => {
    const root = miniProject();
    previousSite(root);
    const result = runCli('build', root, join(root, 'dist'), { NODE_OPTIONS: FULL_DISK, PLOTLINE_TEST_FULL_AT: join(root, 'dist.lock') });
    expect(result.status).toBe(1);
    expect(lastLine(result.stderr)).toMatch(new RegExp(`^build failed: disk full at ${escape(join(root, 'dist.lock'))}${ROOM}${escape(FIX)}$`));
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('old site');
  });

  // A real full disk needs a small file system mounted where Astro stages its pages (beside the site, under the
  // folder the build runs in): possible as root, skipped elsewhere. The bundler's own crash report is read here.
  test('on a real disk of 1 MB: the bundler\'s report becomes the one line', ({ skip }) => {
    const mount = join(PROJECT, `node_modules/.cache/plotline-full-disk-${process.pid}`);
    mkdirSync(mount, { recursive: true });
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]).status !== 0) {
      rmSync(mount, { recursive: true, force: true });
      skip();
    }
    try {
      const root = miniProject();
      previousSite(mount);
      const result = runCli('build', root, join(mount, 'dist'));
      expect(result.status).toBe(1);
      expect(lastLine(result.stderr)).toMatch(new RegExp(`^build failed: disk full at ${escape(join(mount, 'dist'))}${ROOM}${escape(FIX)}$`));
      expect(result.stderr).not.toMatch(/backtrace|rolldown/i);
      expect(readFileSync(join(mount, 'dist/index.html'), 'utf8')).toBe('old site');
      expect(readdirSync(join(mount, 'dist.builds'))).toEqual(['old']);
    } finally {
      spawnSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});

describe('writeFailureOf()', () => {
  test('reads Node\'s code and path, a cause, and the bundler\'s words', () => {
    const node = Object.assign(new Error("ENOSPC: no space left on device, write '/a/b.html'"), { code: 'ENOSPC', path: '/a/b.html' });
    expect(writeFailureOf(node)).toEqual({ code: 'ENOSPC', path: '/a/b.html' });
    expect(writeFailureOf(new Error('wrapped', { cause: node }))).toEqual({ code: 'ENOSPC', path: '/a/b.html' });
    const rolldown = new Error('Build failed with 1 error:\n[UNHANDLEABLE_ERROR] Something went wrong inside rolldown\nFailed to write file in /s/x.mjs\n\nCaused by:\n    No space left on device (os error 28)\n\nStack backtrace:\n   0: <unknown>');
    expect(writeFailureOf(rolldown)).toEqual({ code: 'ENOSPC', path: '/s/x.mjs' });
    expect(writeFailureOf(new Error("EACCES: permission denied, open '/r/x'"))).toEqual({ code: 'EACCES', path: '/r/x' });
    expect(writeFailureOf(new Error('Cannot read properties of undefined'))).toBeUndefined();
  });
});
