/**
 * Stored output to compare with: a set of files under
 * tests/golden/files/<set>/. Text is stored as it is, except that markup
 * (HTML, SVG, XML) gets a line break before each `<` so that a change shows
 * as a readable diff; the break is added to the output before comparing,
 * so equal files still mean byte-identical output. Binary files are stored
 * as a line of their SHA-256 in `binary.sha256`. Every text copy's name ends in
 * `.golden`, so that tools reading the tree's code (duplicates, linters)
 * leave the copies alone.
 *
 * UPDATE_GOLDEN=1 rewrites the set from the output instead of comparing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, relative } from 'node:path';
import { PROJECT } from '../helpers.ts';

export const GOLDEN = join(PROJECT, 'tests/golden/files');
export const UPDATE = process.env.UPDATE_GOLDEN === '1';
const UPDATE_COMMAND = 'UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/golden/';
const MARKUP = new Set(['.html', '.svg', '.xml', '.txt']);
const TEXT = new Set([...MARKUP, '.css', '.js', '.json', '.csv', '.webmanifest', '.nojekyll', '']);
const BINARY_LIST = 'binary.sha256';

/** A markup file with a line break before each tag (one-to-one: the break can be taken out again). */
export const broken = (text: string) => text.replaceAll('<', '\n<');

/** The files of `dir` (path relative to it → bytes). */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** What the set stores for `files`: text as it is (markup broken into lines), binaries as hashes. */
function stored(files: Map<string, Buffer | string>): Map<string, string> {
  const out = new Map<string, string>();
  const hashes: string[] = [];
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ext = extname(path);
    if (typeof bytes === 'string' || TEXT.has(ext)) {
      const text = bytes.toString();
      out.set(`${path}.golden`, MARKUP.has(ext) ? broken(text) : text);
    } else {
      hashes.push(`${createHash('sha256').update(bytes).digest('hex')}  ${path}`);
    }
  }
  if (hashes.length) out.set(BINARY_LIST, `${hashes.join('\n')}\n`);
  return out;
}

/** Where two texts first differ: the line number and both lines. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  // Long lines are shown around their first differing character.
  const [x, y] = [a[at] ?? '', b[at] ?? ''];
  let column = 0;
  while (column < x.length && x[column] === y[column]) column++;
  const from = Math.max(0, column - 100);
  const clip = (line: string | undefined) => (line === undefined ? '(none)' : `${from > 0 ? '…' : ''}${line.slice(from, from + 240)}${line.length > from + 240 ? '…' : ''}`);
  return `line ${at + 1}, column ${column + 1}:\n      stored: ${clip(a[at])}\n      now:    ${clip(b[at])}`;
}

/**
 * Compares `files` with the stored set `name` and returns the differences
 * as readable lines (empty when equal); with UPDATE_GOLDEN=1 stores them instead.
 */
export function compareGolden(name: string, files: Map<string, Buffer | string>): string[] {
  const dir = join(GOLDEN, name);
  const now = stored(files);
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    for (const [path, text] of now) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return [];
  }
  const before = existsSync(dir) ? filesOf(dir) : new Map<string, Buffer>();
  const differences: string[] = [];
  for (const [path, text] of now) {
    const old = before.get(path)?.toString();
    if (old === undefined) differences.push(`${name}/${path}: new (not stored)`);
    else if (old !== text) differences.push(`${name}/${path}: changed at ${firstDifference(old, text)}`);
  }
  for (const path of before.keys()) if (!now.has(path)) differences.push(`${name}/${path}: stored, no longer made`);
  if (differences.length) differences.push(`If the change is intended, regenerate with: ${UPDATE_COMMAND} and commit tests/golden/files (see tests/golden/README.md).`);
  return differences;
}
