/**
 * Where a build writes, and how it puts the new site in place.
 *
 * `dist` is a symbolic link to one complete build in `dist.builds/`. A
 * build writes a new folder there, then points a fresh link at it and
 * renames that link over `dist`: rename(2) replaces a link in one step, so
 * at every instant `dist` is either the old site or the new one, whenever
 * the build is killed. Only then are older builds deleted. A `dist` that
 * is still a real folder (from before this scheme) is moved into
 * `dist.builds/` just before the first swap: for that one build, `dist` is
 * missing between two renames on the same disk, a few microseconds.
 *
 * `dist.lock` holds the id of the process building: a second build in the
 * same folder refuses rather than write beside it. A lock whose process
 * has gone (killed, machine restarted) is taken over.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface SiteFolder {
  /** The published folder (a link once a build has swapped it in). */
  outDir: string;
  /** Where complete builds live, one folder each. */
  builds: string;
  lock: string;
  /** The link made beside `outDir` and renamed over it. */
  nextLink: string;
}

export function siteFolder(outDir: string): SiteFolder {
  return { outDir, builds: `${outDir}.builds`, lock: `${outDir}.lock`, nextLink: `${outDir}.next` };
}

export type Lock = { ok: true; release: () => void } | { ok: false; holder: number };

/** Takes the folder's lock for this process, or says which process holds it. */
export function lockSiteFolder(folder: SiteFolder): Lock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(folder.lock, `${process.pid}\n`, { flag: 'wx' });
      return { ok: true, release: () => rmSync(folder.lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readOr(folder.lock, ''), 10);
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) return { ok: false, holder };
    // The build that held it is gone: its lock is stale.
    rmSync(folder.lock, { force: true });
  }
  return { ok: false, holder: Number.parseInt(readOr(folder.lock, '0'), 10) };
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A new, empty-to-be folder for this build, under `builds`. */
export function newBuildFolder(folder: SiteFolder): string {
  mkdirSync(folder.builds, { recursive: true });
  return join(folder.builds, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
}

/** Points `outDir` at `build` (see the module comment). */
export function swapIn(folder: SiteFolder, build: string): void {
  rmSync(folder.nextLink, { force: true });
  symlinkSync(relative(dirname(folder.outDir), build), folder.nextLink, 'dir');
  const current = lstatOrUndefined(folder.outDir);
  if (!current || current.isSymbolicLink()) {
    renameSync(folder.nextLink, folder.outDir);
    return;
  }
  // A real folder cannot be replaced by a rename: move it aside first.
  const aside = join(folder.builds, `earlier-${basename(build)}`);
  renameSync(folder.outDir, aside);
  try {
    renameSync(folder.nextLink, folder.outDir);
  } catch (error) {
    renameSync(aside, folder.outDir);
    throw error;
  }
}

/** Deletes every build but the one `outDir` shows, and staging left by older versions. */
export function pruneBuilds(folder: SiteFolder): void {
  const shown = currentBuild(folder);
  for (const name of listOr(folder.builds)) {
    if (join(folder.builds, name) !== shown) rmSync(join(folder.builds, name), { recursive: true, force: true });
  }
  for (const old of [`${folder.outDir}.building`, `${folder.outDir}.previous`, folder.nextLink]) rmSync(old, { recursive: true, force: true });
  removeIfEmpty(folder.builds);
}

/** Removes a build that will not be shown, and `builds` if nothing is left in it. */
export function discardBuild(folder: SiteFolder, build: string): void {
  rmSync(build, { recursive: true, force: true });
  rmSync(folder.nextLink, { force: true });
  removeIfEmpty(folder.builds);
}

/** The build folder `outDir` links to, if it is a link. */
function currentBuild(folder: SiteFolder): string | undefined {
  const stat = lstatOrUndefined(folder.outDir);
  if (!stat?.isSymbolicLink()) return undefined;
  return resolve(dirname(folder.outDir), readlinkSync(folder.outDir));
}

function lstatOrUndefined(path: string) {
  return lstatSync(path, { throwIfNoEntry: false });
}

function listOr(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or already gone
  }
}

