/**
 * One key per story for Astro's incremental build (a page whose key and
 * code are those of the last build is copied from it, not rendered): a
 * hash of everything its pages are made from that Astro cannot see — the
 * story's folder, its dataset's folder, the site settings and the
 * engine's fingerprint (diskCache.ts). The home page, feed, sitemap and
 * every page without a story are rendered on every build, so they always
 * list every story as it is.
 *
 * The folders are hashed before the check reads them: a file saved while
 * the build runs changes the next build's key, so a page is never kept
 * with older content than its key stands for.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { contentKey } from './memo.ts';
import { folders } from './files.ts';

/** A hash of each folder under content/ and data/, by project-relative path ("content/<slug>", "data/<name>"): by `hash`, the bytes of its files unless told. */
export function hashInputs(root: string, hash: (dir: string) => string = hashFolder): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const part of ['content', 'data']) {
    for (const name of folders(join(root, part))) hashes.set(`${part}/${name}`, hash(join(root, part, name)));
  }
  return hashes;
}

/** The key of a story's pages, or undefined (render them every time) when a folder was not hashed. */
export function storyKey(hashes: Map<string, string>, story: { slug: string; dataset: { name: string } }, settings: unknown, engine: string): string | undefined {
  const own = hashes.get(`content/${story.slug}`);
  const data = hashes.get(`data/${story.dataset.name}`);
  if (own === undefined || data === undefined) return undefined;
  return contentKey(engine, settings, own, data);
}

/** Names and bytes of every file under `dir`, links followed, in a fixed order. */
function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  eachFile(dir, (relative, path) => hash.update(`${relative}\0`).update(readFileSync(path)).update('\0'), (relative, what) => hash.update(`${relative}\0${what}\0`));
  return hash.digest('base64url');
}

/**
 * Calls `file` for every file under `dir` (links followed, 32 folders deep
 * at most), by its path relative to `dir`, in a fixed order, and `other`
 * for every other entry: each folder, what cannot be read, and what is
 * neither file nor folder (a pipe, a folder too deep). An empty folder or a
 * pipe where a section file should be is a problem the check reports, so
 * a fingerprint must change with them too.
 */
export function eachFile(dir: string, file: (relative: string, path: string, stat: Stats) => void, other: (relative: string, what: 'folder' | 'unreadable' | 'special') => void): void {
  const walk = (path: string, relative: string, depth: number) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      other(relative, 'unreadable');
      return;
    }
    if (stat.isDirectory() && depth < 32) {
      other(relative, 'folder');
      for (const name of readdirSync(path).sort()) walk(join(path, name), `${relative}/${name}`, depth + 1);
    } else if (stat.isFile()) {
      file(relative, path, stat);
    } else {
      other(relative, 'special');
    }
  };
  walk(dir, '', 0);
}
