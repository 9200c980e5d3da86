/**
 * `npm run build`: validates first, then builds into a fresh folder and
 * swaps it into place (siteFolder.ts). On any problem it refuses to build
 * and the previous site stays exactly as it was; a second build in the
 * same folder refuses while the first runs. Every line it prints arrives,
 * even through a pipe.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCaches, validate } from './validate.ts';
import { exitWhenFlushed } from './exit.ts';
import { discardBuild, lockSiteFolder, newBuildFolder, pruneBuilds, siteFolder, swapIn } from './siteFolder.ts';
import { readTimings, timed } from '../lib/timings.ts';
import { handSite, siteOf } from '../lib/site.ts';
import { engineFingerprint } from '../lib/diskCache.ts';
import { storyKey } from '../lib/inputKeys.ts';
import { openBuildCache, type BuildCache } from './buildCache.ts';
import { checkBuiltSite } from './checkSite.ts';
import { writeFailureLine, writeFailureOf } from './writeFailure.ts';

const astroRoot = resolve(import.meta.dirname, '../..');
const folder = siteFolder(resolve(process.env.PLOTLINE_OUT_DIR ?? join(astroRoot, 'dist')));
const { outDir } = folder;

/**
 * For tests of interrupted builds: PLOTLINE_PAUSE_AT=lock|swap|prune makes
 * the build print "paused before <step>" and wait there, to be killed.
 */
async function pauseFor(step: 'lock' | 'swap' | 'prune'): Promise<void> {
  if (process.env.PLOTLINE_PAUSE_AT !== step) return;
  console.log(`paused before ${step}`);
  await new Promise((resolve) => setTimeout(resolve, 600_000));
}

async function main(): Promise<number> {
  const started = performance.now();
  // PLOTLINE_CACHE=off builds everything afresh, as a first build does.
  const caching = process.env.PLOTLINE_CACHE !== 'off';
  const engine = engineFingerprint(astroRoot);
  // Drawings, share cards and checks of earlier builds, by the hash of their inputs (diskCache.ts), and the folders hashed before the check reads them (inputKeys.ts).
  const inputs = openCaches(astroRoot, engine);
  const valid = timed('check', () => validate(inputs));
  const checked = performance.now();
  if (!valid) {
    console.error(`build refused: nothing was written${existsSync(outDir) ? `; ${outDir} is unchanged` : ''}`);
    return 1;
  }
  const kept = valid.stories.length - valid.afresh.length;
  if (kept > 0 && !process.env.PLOTLINE_QUIET) console.log(`checked ${valid.afresh.length} of ${valid.stories.length} stories: ${kept} unchanged since the last build were taken from its cache`);
  let lock: ReturnType<typeof lockSiteFolder>;
  try {
    lock = lockSiteFolder(folder);
  } catch (error) {
    console.error(fullDisk(error) ?? `build failed: ${folder.lock} cannot be written (${codeOf(error)}) — check that the folder that holds ${outDir} can be written; the previous site is unchanged`);
    return 1;
  }
  if (!lock.ok) {
    console.error(`build refused: another build (process ${lock.holder}) is writing ${outDir} — wait for it to finish, then build again; if no build is running, delete ${folder.lock}`);
    return 1;
  }
  const release = lock.release;
  let build: string | undefined;
  // Ctrl-C or a CI cancel leaves neither a half-written build nor the lock.
  const interrupted = () => {
    if (build) discardBuild(folder, build);
    release();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await pauseFor('lock');
    // Astro is loaded only once the content is sound: a refused build stays quick.
    const { build: astroBuild } = await import('astro');
    try {
      build = newBuildFolder(folder);
    } catch (error) {
      console.error(fullDisk(error) ?? `build failed: ${folder.builds} cannot be created (${codeOf(error)}) — check that the folder that holds ${outDir} can be written; the previous site is unchanged`);
      return 1;
    }
    // The pages get the site this check loaded and drew: nothing is loaded twice.
    handSite(timed('site', () => siteOf(valid, (story) => inputs && storyKey(inputs, story, valid.settings, engine))));
    // Pages whose inputs did not change are copied from the last build (buildCache.ts).
    const cache: BuildCache | undefined = caching ? openBuildCache(folder) : undefined;
    try {
      await astroBuild({
        root: astroRoot,
        outDir: build,
        logLevel: process.env.PLOTLINE_QUIET ? 'warn' : 'info',
        ...(cache ? { cacheDir: cache.cacheDir, experimental: { incrementalBuild: true } } : {}),
      });
      cache?.done();
    } catch (error) {
      discardBuild(folder, build);
      // A disk that fills or a folder that cannot be written: one line, not the bundler's crash report.
      const failure = writeFailureOf(error);
      if (failure) {
        console.error(writeFailureLine(failure, outDir, existsSync(outDir) ? outDir : undefined, process.cwd(), build));
        return 1;
      }
      console.error(error instanceof Error ? error.message : error);
      console.error('build failed: the previous site is unchanged');
      return 1;
    }
    handSite(undefined);
    const written = build;
    const faults = timed('output', () => checkBuiltSite(written));
    if (faults.length > 0) {
      discardBuild(folder, build);
      for (const fault of faults.slice(0, 50)) console.error(fault);
      console.error(`build failed: the site written has ${faults.length} fault${faults.length === 1 ? '' : 's'} (above), so it was not published; the previous site is unchanged — report this with the lines above`);
      return 1;
    }
    await pauseFor('swap');
    const built = build;
    try {
      swapIn(folder, built);
      build = undefined; // it is the site now: an interrupt must not delete it
    } catch (error) {
      discardBuild(folder, built);
      console.error(fullDisk(error) ?? `build failed: ${outDir} cannot be replaced (${codeOf(error)}) — check that it and the folder that holds it can be written (not read-only, not immutable); the previous site is unchanged`);
      return 1;
    }
    await pauseFor('prune');
    pruneBuilds(folder);
    // For `npm run bench`: where the time went, by phase.
    if (process.env.PLOTLINE_TIMINGS) {
      const ended = performance.now();
      const { user, system } = process.cpuUsage();
      writeFileSync(process.env.PLOTLINE_TIMINGS, JSON.stringify({ totalMs: ended - started, checkMs: checked - started, afresh: valid.afresh, cpuMs: (user + system) / 1000, peakRssKb: process.resourceUsage().maxRSS, phases: readTimings() }));
    }
    console.log(`site written to ${outDir}`);
    return 0;
  } catch (error) {
    // Anything else that cannot be written (the cache's marker, the share cards): one line, and no half-written build.
    const failure = writeFailureOf(error);
    if (!failure) throw error;
    if (build) discardBuild(folder, build);
    console.error(writeFailureLine(failure, outDir, existsSync(outDir) ? outDir : undefined, process.cwd(), build));
    return 1;
  } finally {
    release();
  }
}

/** The line for a disk that is full, or undefined for other faults (which keep their own message). */
function fullDisk(error: unknown): string | undefined {
  const failure = writeFailureOf(error);
  if (failure?.code !== 'ENOSPC' && failure?.code !== 'EDQUOT') return undefined;
  return writeFailureLine(failure, outDir, existsSync(outDir) ? outDir : undefined, process.cwd());
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

await exitWhenFlushed(await main());
