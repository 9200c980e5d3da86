/**
 * Results kept on disk from one build to the next, by the hash of what went
 * into them: a chart's drawings (by the drawing key figure.ts already
 * computes) and share cards (by their SVG). Entries live in a folder named
 * after the engine's fingerprint (every file of src/, the lock file and the
 * config), so that a change to the engine or a dependency starts afresh;
 * folders of other fingerprints are deleted when the cache is opened.
 *
 * Nothing is cached until `openDiskCache` is called (the build does it):
 * tests and `npm run dev` draw everything. A missing, unreadable or
 * half-written entry is drawn again, never trusted; entries are written
 * to a temporary name and renamed into place, so a build killed mid-write
 * leaves none. Like memo.ts it hangs off globalThis: the CLI and Astro's
 * bundle hold separate copies of this module.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const KEY = Symbol.for('plotline.diskCache');

type Global = { [KEY]?: string };

/** Where the build keeps it: inside node_modules, which git and npm ci leave to the machine. */
export function cacheHome(engineRoot: string): string {
  return process.env.PLOTLINE_CACHE_DIR || join(engineRoot, 'node_modules/.cache/plotline');
}

/**
 * A hash of everything that shapes a drawing or a card besides its own
 * inputs: the engine's source (src/, fonts included), the exact
 * dependencies (package-lock.json) and the config.
 */
export function engineFingerprint(engineRoot: string): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(join(engineRoot, 'src')), ...['package-lock.json', 'package.json', 'astro.config.mjs'].map((name) => join(engineRoot, name))];
  for (const file of files) {
    hash.update(relative(engineRoot, file)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
  return hash.digest('base64url').slice(0, 16);
}

/** Uses `home/<fingerprint>` for the rest of this process, deleting the folders of other fingerprints. */
export function openDiskCache(home: string, fingerprint: string): void {
  try {
    mkdirSync(join(home, fingerprint), { recursive: true });
    for (const name of readdirSync(home)) {
      if (name !== fingerprint) rmSync(join(home, name), { recursive: true, force: true });
    }
    (globalThis as Global)[KEY] = join(home, fingerprint);
  } catch {
    // A cache that cannot be written is no cache: the build draws everything.
    (globalThis as Global)[KEY] = undefined;
  }
}

/** Stops using the disk cache in this process. */
export function closeDiskCache(): void {
  (globalThis as Global)[KEY] = undefined;
}

/** The bytes stored under `key`, else `make()`'s, stored. */
export function cachedBytes(key: string, make: () => Uint8Array): Uint8Array {
  const found = storedBytes(key);
  if (found) return found;
  const value = make();
  storeBytes(key, value);
  return value;
}

/** Whether a disk cache is open in this process. */
export function diskCacheOpen(): boolean {
  return (globalThis as Global)[KEY] !== undefined;
}

/** The bytes stored under `key`; undefined when none are, or no cache is open. */
export function storedBytes(key: string): Uint8Array | undefined {
  const dir = (globalThis as Global)[KEY];
  if (!dir) return undefined;
  try {
    return readFileSync(join(dir, key));
  } catch {
    return undefined;
  }
}

/** Stores `bytes` under `key` (nothing when no cache is open). */
export function storeBytes(key: string, bytes: Uint8Array): void {
  const dir = (globalThis as Global)[KEY];
  if (dir) store(join(dir, key), bytes);
}

/** The JSON value stored under `key`, else `make()`'s, stored. */
export function cachedJson<T>(key: string, make: () => T): T {
  const dir = (globalThis as Global)[KEY];
  if (!dir) return make();
  const file = join(dir, key);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { value: T };
    if (stored && typeof stored === 'object' && 'value' in stored) return stored.value;
  } catch {
    // not stored yet, or cut short: made again
  }
  const value = make();
  store(file, Buffer.from(JSON.stringify({ value })));
  return value;
}

function store(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    });
}
