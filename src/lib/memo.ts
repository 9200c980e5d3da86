import { createHash } from 'node:crypto';

/**
 * A process-wide store of results by content hash, so that the same input
 * is worked on once: a CSV parsed by the build's check is reused by the
 * pages, and in `npm run dev` a reload after an edit redraws only the
 * charts whose data changed. It hangs off globalThis because the CLI and
 * Astro's bundle hold separate copies of this module. The oldest entries
 * go first once it is full.
 */
const KEY = Symbol.for('plotline.memo');
const LIMIT = 4000;

function store(): Map<string, unknown> {
  const global = globalThis as { [KEY]?: Map<string, unknown> };
  global[KEY] ??= new Map();
  return global[KEY];
}

/** A hash of everything in `parts` (JSON: Dates by their ISO text). */
export function contentKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** The stored result for `key`, else `make()`, stored unless `keep` says no. */
export function memo<T>(key: string, make: () => T, keep: (value: T) => boolean = () => true): T {
  const entries = store();
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    // Re-insert: recently used entries are the last to go.
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = make();
  if (keep(value)) {
    entries.set(key, value);
    if (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
  }
  return value;
}
