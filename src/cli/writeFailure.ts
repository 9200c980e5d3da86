/**
 * A build that cannot write (a full disk, a read-only or foreign folder)
 * says so in one line: what happened, where, and what to do. The error
 * may come from Node (with a code and a path), from Astro (which keeps
 * Node's message) or from the bundler, rolldown, whose report carries the
 * operating system's words, the file and a stack backtrace.
 */
import { lstatSync, readdirSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The operating system's numbers and words for each code, as rolldown reports them. */
const CODES: Record<string, { errno: number; words: string }> = {
  ENOSPC: { errno: 28, words: 'No space left on device' },
  EDQUOT: { errno: 122, words: 'Disk quota exceeded' },
  EACCES: { errno: 13, words: 'Permission denied' },
  EPERM: { errno: 1, words: 'Operation not permitted' },
  EROFS: { errno: 30, words: 'Read-only file system' },
  EXDEV: { errno: 18, words: 'Invalid cross-device link' },
};

export interface WriteFailure {
  code: string;
  /** The file or folder that could not be written, when the error names one. */
  path?: string;
}

/** The write failure behind `error` (itself, a cause, or its message), or undefined when it is another fault. */
export function writeFailureOf(error: unknown): WriteFailure | undefined {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, path } = e as NodeJS.ErrnoException;
    if (code && code in CODES) return { code, path: path ?? pathIn(messageOf(e)) };
    const message = messageOf(e);
    for (const [name, { errno, words }] of Object.entries(CODES)) {
      if (message.includes(`${name}:`) || message.includes(`(os error ${errno})`) || message.includes(words)) return { code: name, path: pathIn(message) };
    }
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The path in Node's "…, open '/a/b'" or rolldown's "Failed to write file in /a/b". */
function pathIn(message: string): string | undefined {
  return /, \w+ '([^'\n]+)'/.exec(message)?.[1] ?? /Failed to write file in (\S+)/.exec(message)?.[1];
}

/** "12.3 MB", "75.9 GB" */
function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Bytes free for this user on the disk that holds `path` (or its nearest existing folder). */
function freeAt(path: string): number | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      const stats = statfsSync(dir);
      return stats.bavail * stats.bsize;
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/** Bytes of the files under `dir`, following no links: the last site's size, what a new one needs about as much as. */
export function sizeOf(dir: string): number {
  let total = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 32) return;
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const stat = lstatSync(join(d, name), { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(join(d, name), depth + 1);
      else if (stat?.isFile()) total += stat.size;
    }
  };
  walk(dir, 0);
  return total;
}

/**
 * The one line a build prints when it cannot write: `outDir` is the site
 * folder, `lastSite` the folder of the site it would replace (to say how
 * much room a build takes), `cwd` where Astro stages its pages, and
 * `staging` the folder of the build that failed, which is discarded.
 */
export function writeFailureLine(failure: WriteFailure, outDir: string, lastSite: string | undefined, cwd: string, staging?: string): string {
  // A file of the build being discarded is named by the site it was for.
  const where = failure.path === undefined || (staging !== undefined && failure.path.startsWith(staging)) ? outDir : failure.path;
  const unchanged = 'the previous site is unchanged';
  if (failure.code === 'ENOSPC' || failure.code === 'EDQUOT') {
    const needed = lastSite ? sizeOf(lastSite) : 0;
    const free = freeAt(where);
    const full = failure.code === 'ENOSPC' ? 'disk full' : 'disk quota used up';
    const room = [free === undefined ? undefined : `${megabytes(free)} free`, needed > 0 ? `a build needs more than the last site's ${megabytes(needed)} (the new site is written beside the old, with Astro's working files)` : undefined].filter(Boolean).join(', and ');
    return `build failed: ${full} at ${where}${room ? `: ${room}` : ''} — free space on that disk (old builds, caches), or build on another disk with PLOTLINE_OUT_DIR=/path/dist, then build again; ${unchanged}`;
  }
  if (failure.code === 'EXDEV') {
    return `build failed: ${where} is on another disk than ${cwd}, where Astro stages the pages it moves into the site (EXDEV) — build to a folder on the same disk (PLOTLINE_OUT_DIR), or run the build from a folder on the site's disk; ${unchanged}`;
  }
  return `build failed: ${where} cannot be written (${failure.code}) — check that it and the folders that hold it can be written by the account that builds (not read-only, not owned by another user); ${unchanged}`;
}
