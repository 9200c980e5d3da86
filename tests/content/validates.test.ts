/**
 * The editors' content, whatever it is: every story under content/ and
 * every dataset under data/ must pass `npm run check`. A failure lists each
 * problem as `path:line:col  message — hint`, naming the file and line to fix.
 */
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { CONTENT_ROOT, DATASETS, SLUGS } from './root.ts';

const checked = checkProject(CONTENT_ROOT);
const problemsUnder = (prefix: string) => checked.problems.filter((p) => p.file.startsWith(prefix)).map(formatProblem);

describe('content/ and data/', () => {
  test('npm run check finds no problem anywhere', () => {
    expect(checked.problems.map(formatProblem)).toEqual([]);
  });

  test('there is at least one story to publish', () => {
    expect(SLUGS.length, 'content/ holds no story folder with an index.md').toBeGreaterThan(0);
  });
});

describe.each(SLUGS)('content/%s', (slug) => {
  test('validates: every field, section, chart and key is sound', () => {
    expect(problemsUnder(`content/${slug}/`)).toEqual([]);
    expect(checked.stories.map((s) => s.slug)).toContain(slug);
  });

  test('every :fact holds against the data', () => {
    const wrong = problemsUnder(`content/${slug}/`).filter((line) => /\bfact\b/.test(line));
    expect(wrong).toEqual([]);
    const story = checked.stories.find((s) => s.slug === slug);
    // The check really looked at the facts: each section's Markdown was rendered against the dataset.
    expect(story?.sections.every((s) => typeof s.html === 'string')).toBe(true);
  });
});

describe.each(DATASETS)('data/%s', (name) => {
  test('validates, whether or not a story uses it', () => {
    const problems = new Problems();
    const dataset = loadDataset(CONTENT_ROOT, name, problems);
    expect(problems.sorted().map(formatProblem)).toEqual([]);
    expect(dataset?.tables.size).toBeGreaterThan(0);
  });
});
