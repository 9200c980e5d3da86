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
const LIMIT_KEY = Symbol.for('plotline.memo.limit');
/** The fewest entries kept, whatever the site's size. */
const FLOOR = 4000;

type Global = { [KEY]?: Map<string, unknown>; [LIMIT_KEY]?: number };

function store(): Map<string, unknown> {
  const global = globalThis as Global;
  global[KEY] ??= new Map();
  return global[KEY];
}

/**
 * Makes room for `entries` results besides as many again (the site being
 * loaded and the one before it, in `npm run dev`): sized from the site,
 * so that a large archive never evicts what the same load will ask for again.
 */
export function reserveMemo(entries: number): void {
  const global = globalThis as Global;
  global[LIMIT_KEY] = Math.max(global[LIMIT_KEY] ?? FLOOR, 2 * entries);
}

function limit(): number {
  return (globalThis as Global)[LIMIT_KEY] ?? FLOOR;
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
    if (entries.size > limit()) entries.delete(entries.keys().next().value!);
  }
  return value;
}
