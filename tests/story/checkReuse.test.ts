import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject, type Checked } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { emptyReuse, type CheckReuse } from '../../src/lib/checkReuse.ts';
import { fixtureProject } from '../helpers.ts';

// `npm run dev` checks the site again after every save, keeping each
// story's last check: a story whose files, dataset and settings did not
// change is taken whole, and everything else is checked afresh. Whatever is
// reused, the result must be the one a fresh check gives.

/** The fixture project with its second story moved onto a copy of the dataset, so the two stories read different folders. */
function project(): { root: string; first: string; second: string } {
  const root = fixtureProject();
  const [first, second] = checkProject(root).stories.map((s) => s.slug);
  cpSync(join(root, 'data/trade'), join(root, 'data/trade-copy'), { recursive: true });
  const index = join(root, 'content', second, 'index.md');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/^dataset: trade$/m, 'dataset: trade-copy'));
  return { root, first, second };
}

const bySlug = (checked: Checked) => new Map(checked.stories.map((s) => [s.slug, s]));

/** The parts of a check that a reader or editor sees, comparable with toEqual. */
function seen(checked: Checked) {
  return {
    stories: checked.stories.map((s) => s.slug),
    problems: checked.problems.map(formatProblem),
    figures: [...checked.figures].map(([slug, figures]) => [slug, figures.map((f) => f.svg.wide)]),
    facts: [...checked.traces].map(([slug, trace]) => [slug, trace.facts.length]),
  };
}

/** Checks with `reuse`, and asserts the result is what a fresh check of the same files gives. */
function checkBoth(root: string, reuse: CheckReuse): Checked {
  const kept = checkProject(root, undefined, reuse);
  expect(seen(kept)).toEqual(seen(checkProject(root)));
  return kept;
}

describe('checkProject() with the stories of its last check', () => {
  test('with nothing changed, every story is the one checked before', () => {
    const { root } = project();
    const reuse = emptyReuse();
    const before = bySlug(checkBoth(root, reuse));
    const after = bySlug(checkBoth(root, reuse));
    expect(after.size).toBe(2);
    for (const [slug, story] of after) expect(story, slug).toBe(before.get(slug));
  });

  test('a saved sentence checks its story again, and only that one', () => {
    const { root, first, second } = project();
    const reuse = emptyReuse();
    const before = bySlug(checkBoth(root, reuse));
    appendFileSync(join(root, 'content', first, 'index.md'), '\nA sentence saved later.\n');
    const after = bySlug(checkBoth(root, reuse));
    expect(after.get(first)).not.toBe(before.get(first));
    expect(after.get(first)!.ledeHtml).toContain('A sentence saved later.');
    expect(after.get(second)).toBe(before.get(second));
  });

  test('a changed dataset checks again the stories that read it, and only those', () => {
    const { root, first, second } = project();
    const reuse = emptyReuse();
    const before = bySlug(checkBoth(root, reuse));
    const csv = join(root, 'data/trade-copy/monthly.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('292.28', '292.29'));
    const after = bySlug(checkBoth(root, reuse));
    expect(after.get(second)).not.toBe(before.get(second));
    expect(after.get(second)!.dataset).not.toBe(before.get(second)!.dataset);
    expect(after.get(first)).toBe(before.get(first));
    expect(after.get(first)!.dataset).toBe(before.get(first)!.dataset);
  });

  test('a dataset with a problem keeps reporting it on every check until it is fixed', () => {
    const { root, second } = project();
    const reuse = emptyReuse();
    const csv = join(root, 'data/trade-copy/monthly.csv');
    const good = readFileSync(csv, 'utf8');
    writeFileSync(csv, good.replace('292.28', 'lots'));
    const broken = checkBoth(root, reuse);
    expect(broken.problems.some((p) => p.file === 'data/trade-copy/monthly.csv')).toBe(true);
    expect(checkBoth(root, reuse).problems).toEqual(broken.problems);
    writeFileSync(csv, good);
    expect(bySlug(checkBoth(root, reuse)).has(second)).toBe(true);
  });

  test('a story with a problem keeps reporting it until it is fixed, and a fixed one comes back', () => {
    const { root, first } = project();
    const reuse = emptyReuse();
    const index = join(root, 'content', first, 'index.md');
    const good = readFileSync(index, 'utf8');
    writeFileSync(index, good.replace(/^dataset: trade$/m, 'dataset: trades'));
    const broken = checkBoth(root, reuse);
    expect(broken.problems.map(formatProblem).join('\n')).toContain('unknown dataset "trades"');
    expect(bySlug(checkBoth(root, reuse)).has(first)).toBe(false);
    expect(checkBoth(root, reuse).problems).toEqual(broken.problems);
    writeFileSync(index, good);
    expect(bySlug(checkBoth(root, reuse)).has(first)).toBe(true);
  });

  test('a new dataset folder, a changed setting and a deleted story are all seen', () => {
    const { root, first, second } = project();
    const reuse = emptyReuse();
    const before = bySlug(checkBoth(root, reuse));
    cpSync(join(root, 'data/trade'), join(root, 'data/trade-third'), { recursive: true });
    const renamed = bySlug(checkBoth(root, reuse));
    // The list of datasets is part of every story's hints, so every story is checked again.
    expect(renamed.get(first)).not.toBe(before.get(first));
    appendFileSync(join(root, 'content/site.yaml'), '\nbyline: By the data desk\n');
    const bylined = bySlug(checkBoth(root, reuse));
    expect(bylined.get(second)).not.toBe(renamed.get(second));
    rmSync(join(root, 'content', first), { recursive: true });
    expect([...bySlug(checkBoth(root, reuse)).keys()]).toEqual([second]);
    expect([...reuse.stories.keys()]).toEqual([second]);
  });
});
