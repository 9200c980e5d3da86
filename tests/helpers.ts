import { mkdtempSync, mkdirSync, writeFileSync, cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatProblem, type Problem } from '../src/lib/problems.ts';

export const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The engine tests' own project: a frozen dataset and two stories on it that
 * editors never touch. Tests of the generator read this, never the
 * project's content/ and data/, which belong to the editors (the tests in
 * tests/content/ check those, whatever they hold).
 */
export const FIXTURE = join(PROJECT, 'tests/fixtures/newsroom');

/** A temporary copy of the fixture project's `parts` (content and data), plus `files`. */
export function fixtureProject(files: Record<string, string> = {}, parts: ('content' | 'data')[] = ['content', 'data']): string {
  const root = tempProject();
  for (const part of parts) cpSync(join(FIXTURE, part), join(root, part), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Writes `files` (path → text) into a fresh temporary folder; returns it. */
export function tempProject(files: Record<string, string> = {}, copy: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'plotline-'));
  for (const path of copy) cpSync(join(PROJECT, path), join(root, path), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Asserts that exactly one problem matches: file, line, and text in the formatted line. */
export function expectProblem(problems: readonly Problem[], file: string, line: number, ...texts: string[]): Problem {
  const lines = problems.map(formatProblem);
  const found = problems.filter((p) => p.file === file && p.line === line && texts.every((t) => formatProblem(p).includes(t)));
  expect(found, `expected a problem at ${file}:${line} containing ${JSON.stringify(texts)}; got:\n${lines.join('\n')}`).toHaveLength(1);
  return found[0];
}

/** One hash over every file's path and bytes under `dir`: equal hashes mean a byte-identical tree. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(dir.length)).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}
