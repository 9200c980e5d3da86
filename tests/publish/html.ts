import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Every file under `dir`, as sorted paths relative to it (dotfiles included). */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** sha256 of every file under `dir`, by relative path. */
export function hashFiles(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Every URL a page points at: href, src, srcset candidates, and share/canonical URLs in <meta>/<link>. */
export function pageUrls(document: Document): string[] {
  const urls: string[] = [];
  for (const el of document.querySelectorAll('[href], [src], [srcset], [xlink\\:href]')) {
    for (const name of ['href', 'src', 'xlink:href']) {
      const value = el.getAttribute(name);
      if (value !== null) urls.push(value);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]).filter(Boolean));
  }
  for (const meta of document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')) {
    const content = meta.getAttribute('content') ?? '';
    if (/^https?:\/\//.test(content)) urls.push(content);
  }
  return urls;
}

/** url(...) references in a stylesheet. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]);
}
