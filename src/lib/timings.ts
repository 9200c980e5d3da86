/**
 * Where build time goes, for `npm run bench`. Phases add up their wall
 * time in one process-wide record: the CLI and Astro's bundled copy of
 * src/lib are separate module instances, so the record hangs off
 * globalThis. Costs one clock read per phase call; nothing else is kept.
 */

/**
 * `check` is the whole check (it holds `data`, `markdown` and `charts`,
 * and `kept` and `keep`: stories' checks read from the disk cache, one
 * call per story looked up, and written to it, checkStore.ts),
 * `site` the site model made from it (ledgers), `share` the share cards and
 * icons rasterised, `files` the files written per chart (src/lib/outputs:
 * images, oEmbed, CSV), `output` the written site's last check: together,
 * everything Plotline does in a build; the rest is Astro, Vite and Node.
 */
export const PHASES = ['data', 'markdown', 'charts', 'kept', 'keep', 'check', 'site', 'share', 'files', 'output'] as const;
export type Phase = (typeof PHASES)[number];

export type Timings = Record<Phase, { ms: number; calls: number }>;

const KEY = Symbol.for('plotline.timings');

function record(): Timings {
  const global = globalThis as { [KEY]?: Timings };
  global[KEY] ??= Object.fromEntries(PHASES.map((phase) => [phase, { ms: 0, calls: 0 }])) as Timings;
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
