/**
 * Markdown at the edge of its limits (src/lib/story/markdownLimits.ts):
 * the CPU time to read the worst body just inside each limit, and just
 * past it (refused before the parser runs). bench.ts holds the first to
 * a budget; run this file alone for the figures.
 */
import { cpuUsage } from 'node:process';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { MAX_BRACKETS, MAX_EMPHASIS, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_LENGTH, MAX_MARKDOWN_LINES } from '../../src/lib/story/markdownLimits.ts';
import { Problems } from '../../src/lib/problems.ts';

const indentedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');

/** Each shape at the limit and one past it: the slowest inputs found for the parser. */
const SHAPES: { name: string; at: (past: number) => string }[] = [
  { name: 'lists nested by indentation', at: (past) => indentedList(MAX_MARKDOWN_DEPTH + past) },
  { name: 'quotes nested', at: (past) => `${'>'.repeat(MAX_MARKDOWN_DEPTH + past)} quoted` },
  { name: 'closing brackets in one paragraph', at: (past) => 'a]'.repeat(MAX_BRACKETS + past) },
  { name: 'link references in one paragraph', at: (past) => `${'[a]['.repeat(Math.floor(MAX_BRACKETS / 3))}${past ? '[[[' : ''}` },
  { name: 'emphasis marks in one paragraph', at: (past) => `${'*a_'.repeat(MAX_EMPHASIS / 2)}${past ? '*' : ''}` },
  { name: 'one-word paragraphs', at: (past) => `${'a\n\n'.repeat(MAX_MARKDOWN_LINES / 2)}${past ? 'b' : ''}` },
  { name: 'plain words', at: (past) => 'word '.repeat(MAX_MARKDOWN_LENGTH / 5 + 1).slice(0, MAX_MARKDOWN_LENGTH + past) },
];

export interface MarkdownTiming {
  name: string;
  /** CPU time to read the body at the limit, and the one past it. */
  atMs: number;
  pastMs: number;
  /** Whether the body past the limit was refused. */
  refused: boolean;
}

function cpuMs(run: () => void): number {
  const start = cpuUsage();
  run();
  const used = cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function timeMarkdownLimits(): MarkdownTiming[] {
  return SHAPES.map(({ name, at }) => {
    const read = (body: string, problems: Problems) => renderMarkdown({ file: 'bench.md', body, bodyLine: 1, dataset: undefined, problems });
    const inside = new Problems();
    const atMs = cpuMs(() => read(at(0), inside));
    if (inside.size > 0) throw new Error(`${name}: refused at the limit`);
    const past = new Problems();
    const pastMs = cpuMs(() => read(at(1), past));
    return { name, atMs, pastMs, refused: past.size > 0 };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const t of timeMarkdownLimits()) console.log(`${t.name}: ${t.atMs.toFixed(0)} ms at the limit, ${t.pastMs.toFixed(0)} ms past it (${t.refused ? 'refused' : 'NOT refused'})`);
}
