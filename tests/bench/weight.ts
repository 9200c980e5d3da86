/**
 * Page weight: what a reader downloads for each page of a built site,
 * raw and gzipped, by kind (the HTML, the stylesheets, scripts and images
 * it loads), and the largest chart drawn inline.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: Size;
  css: Size;
  js: Size;
  images: Size;
  total: Size;
  /** The page's largest inline chart SVG. */
  largestSvg: Size & { id: string };
}

export function sizeOf(bytes: Buffer | string): Size {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return { raw: buffer.length, gzip: gzipSync(buffer).length };
}

const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Local URLs the page loads, by kind: <link> stylesheets and icons, <script src>, <img src>. */
function assets(html: string): { css: string[]; js: string[]; images: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const links = html.match(/<link\b[^>]*>/g) ?? [];
  return {
    css: links.filter((l) => /rel="stylesheet"/.test(l)).map((l) => attr(l, 'href')!),
    js: (html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? []).map((s) => attr(s, 'src')!),
    images: [
      // The favicon loads with the page; apple-touch-icon only when a reader adds the page to a home screen.
      ...links.filter((l) => /rel="icon"/.test(l)).map((l) => attr(l, 'href')!),
      ...(html.match(/<img\b[^>]*>/g) ?? []).map((i) => attr(i, 'src')!),
    ],
  };
}

/** Weight of every HTML page in `dist`, for a site served under `base`. */
export function pageWeights(dist: string, base = '/'): PageWeight[] {
  const total = (urls: string[]) =>
    [...new Set(urls)].reduce((sum, url) => {
      const file = join(dist, decodeURIComponent(url.slice(base.length - 1)));
      if (!url.startsWith(base) || !existsSync(file)) throw new Error(`page weight: ${url} is not a file of ${dist} under ${base}`);
      return add(sum, sizeOf(readFileSync(file)));
    }, ZERO);
  return listFiles(dist)
    .filter((file) => file.endsWith('.html'))
    .map((page) => {
      const html = readFileSync(join(dist, page), 'utf8');
      const linked = assets(html);
      const weight = { html: sizeOf(html), css: total(linked.css), js: total(linked.js), images: total(linked.images) };
      return { page, ...weight, total: [weight.html, weight.css, weight.js, weight.images].reduce(add), largestSvg: largestSvg(html) };
    });
}

/** The largest inline chart SVG of a page (gzipped on its own), named by its figure and width. */
export function largestSvg(html: string): Size & { id: string } {
  let largest = { id: '', ...ZERO };
  for (const [figure, id] of html.matchAll(/<figure\b[^>]*\bid="([^"]+)"[\s\S]*?<\/figure>/g)) {
    for (const [svg] of figure.matchAll(/<svg\b[\s\S]*?<\/svg>/g)) {
      const size = sizeOf(svg);
      const width = /viewBox="0 0 (\d+)/.exec(svg)?.[1] ?? '?';
      if (size.gzip > largest.gzip) largest = { id: `${id} (${width} px)`, ...size };
    }
  }
  return largest;
}
