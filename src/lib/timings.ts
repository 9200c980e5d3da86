/**
 * Where build time goes, for `npm run bench`. Phases add up their wall
 * time in one process-wide record: the CLI and Astro's bundled copy of
 * src/lib are separate module instances, so the record hangs off
 * globalThis. Costs one clock read per phase call; nothing else is kept.
 */
export type Phase = 'data' | 'markdown' | 'charts';

export type Timings = Record<Phase, { ms: number; calls: number }>;

const KEY = Symbol.for('plotline.timings');

function record(): Timings {
  const global = globalThis as { [KEY]?: Timings };
  global[KEY] ??= { data: { ms: 0, calls: 0 }, markdown: { ms: 0, calls: 0 }, charts: { ms: 0, calls: 0 } };
  return global[KEY];
}

/** Runs `work`, adding its time to `phase`. */
export function timed<T>(phase: Phase, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    const entry = record()[phase];
    entry.ms += performance.now() - start;
    entry.calls += 1;
  }
}

/** A copy of the time spent so far, by phase. */
export function readTimings(): Timings {
  return structuredClone(record());
}
