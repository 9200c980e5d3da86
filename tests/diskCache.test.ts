import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cachedBytes, cachedJson, closeDiskCache, engineFingerprint, openDiskCache } from '../src/lib/diskCache.ts';
import { tempProject } from './helpers.ts';

afterEach(() => closeDiskCache());

describe('cachedJson()', () => {
  test('makes a value once, and the next process reads it from disk', () => {
    const home = join(tempProject(), 'cache');
    let made = 0;
    const make = () => ({ made: ++made, svg: '<svg/>' });
    openDiskCache(home, 'engine-a');
    expect(cachedJson('svg-one', make)).toEqual({ made: 1, svg: '<svg/>' });
    // A later build opens the same folder: nothing is made again.
    closeDiskCache();
    openDiskCache(home, 'engine-a');
    expect(cachedJson('svg-one', make)).toEqual({ made: 1, svg: '<svg/>' });
    expect(made).toBe(1);
  });

  test('makes again what is cut short or unreadable, and stores it whole', () => {
    const home = join(tempProject(), 'cache');
    openDiskCache(home, 'engine-a');
    mkdirSync(join(home, 'engine-a'), { recursive: true });
    writeFileSync(join(home, 'engine-a', 'svg-cut'), '{"value":{"wi');
    writeFileSync(join(home, 'engine-a', 'svg-other'), '"not an entry"');
    expect(cachedJson('svg-cut', () => 'drawn')).toBe('drawn');
    expect(cachedJson('svg-other', () => 'drawn too')).toBe('drawn too');
    expect(cachedJson('svg-cut', () => 'drawn again')).toBe('drawn');
    // No temporary file is left beside the entries.
    expect(readdirSync(join(home, 'engine-a')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a new engine fingerprint starts afresh and deletes the old entries', () => {
    const home = join(tempProject(), 'cache');
    openDiskCache(home, 'engine-a');
    cachedJson('svg-one', () => 'old engine');
    openDiskCache(home, 'engine-b');
    expect(cachedJson('svg-one', () => 'new engine')).toBe('new engine');
    expect(existsSync(join(home, 'engine-a'))).toBe(false);
  });

  test('without an open cache, makes every time and writes nothing', () => {
    let made = 0;
    expect(cachedJson('svg-none', () => ++made)).toBe(1);
    expect(cachedJson('svg-none', () => ++made)).toBe(2);
  });
});

describe('cachedBytes()', () => {
  test('keeps bytes as they were made', () => {
    const home = join(tempProject(), 'cache');
    openDiskCache(home, 'engine-a');
    const png = Uint8Array.from([137, 80, 78, 71, 0, 255]);
    expect([...cachedBytes('png-one', () => png)]).toEqual([...png]);
    expect([...cachedBytes('png-one', () => Uint8Array.from([1]))]).toEqual([...png]);
  });
});

describe('engineFingerprint()', () => {
  test('changes with any file of src/, the lock file or the config, and not otherwise', () => {
    const root = tempProject();
    mkdirSync(join(root, 'src/lib'), { recursive: true });
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const first = engineFingerprint(root);
    expect(engineFingerprint(root)).toBe(first);
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 2;');
    const second = engineFingerprint(root);
    expect(second).not.toBe(first);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(engineFingerprint(root)).not.toBe(second);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    expect(engineFingerprint(root)).not.toBe(second);
  });
});
