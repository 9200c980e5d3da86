/**
 * `npm run build`: validates first, then builds into a fresh folder and
 * swaps it into place. On any problem it refuses to build and the previous
 * dist/ stays exactly as it was.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validate } from './validate.ts';

const astroRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(process.env.PLOTLINE_OUT_DIR ?? join(astroRoot, 'dist'));
const staging = `${outDir}.building`;

if (!validate()) {
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
rmSync(outDir, { recursive: true, force: true });
renameSync(staging, outDir);
console.log(`site written to ${outDir}`);
