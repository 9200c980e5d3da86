/**
 * Astro's incremental build cache for one site folder: `dist.cache/` beside
 * `dist` (so the folder's lock guards it too), where Astro keeps a copy of
 * every keyed page it wrote and a manifest of their keys. A build copies
 * from it the pages whose key (inputKeys.ts) and code are unchanged,
 * into the fresh folder it swaps in (siteFolder.ts): the site shown is
 * still the old one or the new one, whole.
 *
 * Astro writes the copies as it renders but the manifest only at the end,
 * so a build that dies midway can leave copies newer than the manifest
 * says. A marker file stands while Astro runs; a build that finds one
 * left behind drops the manifest and renders every page afresh.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteFolder } from './siteFolder.ts';

/** Astro's name for its manifest under cacheDir (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';
const MARKER = 'plotline-building';

export interface BuildCache {
  cacheDir: string;
  /** Whether the last build finished: false when a marker was left behind (the manifest is dropped then). */
  trusted: boolean;
  /** Called once Astro has written the site and the manifest. */
  done(): void;
}

/** Opens the cache of `folder` for one build: call once its lock is held. */
export function openBuildCache(folder: SiteFolder): BuildCache {
  const cacheDir = `${folder.outDir}.cache`;
  const marker = join(cacheDir, MARKER);
  const trusted = !existsSync(marker);
  if (!trusted) rmSync(join(cacheDir, MANIFEST), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, `${process.pid}\n`);
  return { cacheDir, trusted, done: () => rmSync(marker, { force: true }) };
}
