/**
 * Content test, generic over content/: every story's fact ledger is
 * complete, whatever stories ship. Counting is done on the files' text,
 * independently of the Markdown pipeline that builds the ledger.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { buildLedger } from '../../src/lib/audit/ledger.ts';
import { CONTENT_ROOT as PROJECT } from './root.ts';

const { stories, problems } = checkProject(PROJECT);
const DIRECTIVE = /(?<!\\):(fact\[|value\{)/g;

/** The Markdown body of a file: what follows the frontmatter. */
function body(text: string): { body: string; offset: number } {
  const end = /\n---[ \t]*\r?\n/.exec(text.slice(3));
  const offset = end ? 3 + end.index + end[0].length : 0;
  return { body: text.slice(offset), offset };
}

describe.each(stories.map((story) => [story.slug, story] as const))('the fact ledger of %s', (_slug, story) => {
  const ledger = buildLedger(story);
  const files = ['index.md', ...readdirSync(join(PROJECT, 'content', story.slug)).filter((f) => /^\d+-.*\.md$/.test(f))];

  test('has one entry per :fact and :value written in its files', () => {
    expect(problems).toEqual([]);
    for (const name of files) {
      const file = `content/${story.slug}/${name}`;
      const written = [...body(readFileSync(join(PROJECT, file), 'utf8')).body.matchAll(DIRECTIVE)].length;
      expect(ledger.facts.filter((f) => f.file === file).length, file).toBe(written);
    }
  });

  test('points each entry at its directive, with a value, a source and charts that exist', () => {
    const chartIds = new Set(story.charts.map((c) => c.id));
    for (const entry of ledger.facts) {
      const line = readFileSync(join(PROJECT, entry.file), 'utf8').split('\n')[entry.line - 1];
      expect(line.slice(entry.column - 1), entry.id).toMatch(/^:(fact|value)/);
      expect(Number.isFinite(entry.value), entry.id).toBe(true);
      expect(entry.sentence, entry.id).toContain(entry.text);
      expect(entry.source.url ?? ledger.datasetSources[0]?.url, entry.id).toMatch(/^https?:\/\//);
      expect(entry.source.publisher, entry.id).not.toBe('');
      for (const chart of entry.charts) expect(chartIds.has(chart.id), chart.id).toBe(true);
    }
  });
});
