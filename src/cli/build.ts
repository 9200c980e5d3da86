/**
 * `npm run build`: validates first, then builds into a fresh folder and
 * swaps it into place. On any problem it refuses to build and the previous
 * dist/ stays exactly as it was.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validate } from './validate.ts';
import { readTimings } from '../lib/timings.ts';

const astroRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(process.env.PLOTLINE_OUT_DIR ?? join(astroRoot, 'dist'));
const staging = `${outDir}.building`;

const started = performance.now();
const valid = validate();
const checked = performance.now();
if (!valid) {
  console.error(`build refused: nothing was written${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}`);
  process.exit(1);
}

// Astro is loaded only once the content is sound: a refused build stays quick.
const { build } = await import('astro');
rmSync(staging, { recursive: true, force: true });
try {
  await build({ root: astroRoot, outDir: staging, logLevel: process.env.PLOTLINE_QUIET ? 'warn' : 'info' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error('build failed: the previous site is unchanged');
  process.exit(1);
}
// Swapped by renames, which are atomic: an interrupted build leaves either
// the old site or the new one in place, never a half-deleted folder.
const previous = `${outDir}.previous`;
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
// For `npm run bench`: where the time went, by phase.
if (process.env.PLOTLINE_TIMINGS) {
  const ended = performance.now();
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.PLOTLINE_TIMINGS, JSON.stringify({ totalMs: ended - started, checkMs: checked - started, cpuMs: (user + system) / 1000, phases: readTimings() }));
}
console.log(`site written to ${outDir}`);
