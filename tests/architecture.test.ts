/**
 * The shape of src/: no module imports itself through others (an import
 * cycle), type-only imports included. Shared types and frame helpers stand
 * below the chart kinds (src/lib/README.md); a cycle means something that
 * several modules share has been put in one of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT } from './helpers.ts';

const SRC = join(PROJECT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

/** Each file's imports of other files in src/ (static imports and re-exports, `import type` too). */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm)]
      .map((m) => resolve(dirname(file), m[1] ?? m[2]))
      .filter((target) => target.startsWith(SRC));
    graph.set(relative(PROJECT, file), [...new Set(targets.map((t) => relative(PROJECT, t)))]);
  }
  return graph;
}

/** The strongly connected groups of more than one file (or a file importing itself): Tarjan's algorithm. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node)?.includes(node)) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

test('the import graph reads every module of src/', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(50);
  expect(graph.get('src/lib/charts/figure.ts')).toContain('src/lib/charts/render.ts');
});

test('src/ has no import cycle', () => {
  expect(cycles(importGraph()).map((group) => group.join(' → '))).toEqual([]);
});

test('the cycle finder finds a cycle', () => {
  expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
});
