/** Timed builds and the statistics the bench reports. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../build/runBuild.ts';
import type { Timings } from '../../src/lib/timings.ts';

export interface BuildTime {
  /** The whole `npm run build` process, Node's start-up included. */
  wallMs: number;
  dataMs: number;
  markdownMs: number;
  chartsMs: number;
  /** Everything Plotline does: the check (data, Markdown and charts are part of it), the site model, share cards, per-chart files, the output check. */
  plotlineMs: number;
  /** The files written per chart (images, oEmbed, CSV: src/lib/outputs), part of plotlineMs. */
  filesMs: number;
  /** How many of them. */
  files: number;
  /** Everything else: Astro and Vite, page rendering, writing files, start-up. */
  astroMs: number;
  /**
   * CPU time of the build process (all its threads). Unlike wall time it
   * hardly moves when other programs compete for the cores, so growth is
   * judged on it.
   */
  cpuMs: number;
  /** The build process's peak resident memory. */
  peakRssMb: number;
}

export const PHASES = ['dataMs', 'markdownMs', 'chartsMs', 'filesMs', 'plotlineMs', 'astroMs', 'wallMs', 'cpuMs'] as const;

/**
 * Builds `root` into `outDir` once and says where the time went: a cold
 * build (no cache from earlier builds) unless `warm` is set.
 */
export function timedBuild(root: string, outDir: string, { warm = false, env = {} as Record<string, string> } = {}): BuildTime {
  const scratch = mkdtempSync(join(tmpdir(), 'plotline-timings-'));
  const file = join(scratch, 'timings.json');
  const start = performance.now();
  const result = runCli('build', root, outDir, { PLOTLINE_TIMINGS: file, ...(warm ? {} : { PLOTLINE_CACHE: 'off' }), ...env }, 3_600_000);
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`build of ${root} failed:\n${result.stderr}`);
  const { phases, cpuMs, peakRssKb } = JSON.parse(readFileSync(file, 'utf8')) as { phases: Timings; cpuMs: number; peakRssKb: number };
  rmSync(scratch, { recursive: true, force: true });
  const dataMs = phases.data.ms;
  const markdownMs = phases.markdown.ms;
  const chartsMs = phases.charts.ms;
  // A record written before the per-chart files were timed has no `files`.
  const filesMs = phases.files?.ms ?? 0;
  const plotlineMs = phases.check.ms + phases.site.ms + phases.share.ms + filesMs + phases.output.ms;
  return { wallMs, dataMs, markdownMs, chartsMs, filesMs, files: phases.files?.calls ?? 0, plotlineMs, astroMs: wallMs - plotlineMs, cpuMs, peakRssMb: peakRssKb / 1024 };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1)! };
}

/** Median, min and max of each phase over several builds. */
export function spreadByPhase(runs: BuildTime[]): Record<(typeof PHASES)[number], Spread> {
  return Object.fromEntries(PHASES.map((phase) => [phase, spread(runs.map((run) => run[phase]))])) as Record<(typeof PHASES)[number], Spread>;
}

/** A plain text table, columns padded; numbers right-aligned. */
export function textTable(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) => row.map((cell, i) => (/^[-\d.,]+( \w+)?%?$/.test(cell) && i > 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
