import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems, formatProblem } from '../../src/lib/problems.ts';
import { scaffoldStory, starterKey } from '../../src/lib/story/scaffold.ts';
import { CLIMATE, climateProject, checkClimate, editClimate } from '../fixtures/climate.ts';

/** The climate project with only `tables` of its dataset kept, and no story. */
function projectWith(tables: string[]): string {
  const yaml = CLIMATE['data/air/dataset.yaml'];
  const [head, body] = yaml.split('tables:\n');
  const blocks = body.split(/\n(?= {2}\w)/).filter((block) => tables.some((t) => block.startsWith(`  ${t}:`)));
  const files: Record<string, string | null> = { 'data/air/dataset.yaml': `${head}tables:\n${blocks.join('\n')}\n` };
  for (const path of Object.keys(CLIMATE)) if (path.startsWith('content/')) files[path] = null;
  return climateProject(files);
}

function scaffold(tables: string[]): { text: string; problems: string[] } {
  const root = projectWith(tables);
  const problems = new Problems();
  const dataset = loadDataset(root, 'air', problems)!;
  expect(problems.list).toEqual([]);
  const starter = starterKey(dataset)!;
  const files = scaffoldStory('new-story', 'air', starter, '2026-01-01');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { text: files['content/new-story/01-intro.md'], problems: checkProject(root).problems.map(formatProblem) };
}

describe('npm run new on any table', () => {
  test('a table with categories gets one line per category, a few chosen with where:', () => {
    const { text, problems } = scaffold(['lifespan']);
    expect(problems).toEqual([]);
    expect(text).toContain('  type: line\n  series: country\n  where:\n    country: ["Chile", "Japan"]\n');
  });

  test('a table without periods gets bars by category', () => {
    const { text, problems } = scaffold(['decades']);
    expect(problems).toEqual([]);
    expect(text).toContain('  type: barX\n  x: decade\n');
  });

  test('a single series gets a plain line, with a :value from the data', () => {
    const { text, problems } = scaffold(['weather']);
    expect(problems).toEqual([]);
    expect(text).toContain('  type: line\n');
    expect(text).toMatch(/:value\{key=weather\.\w+ at=2015-07-03\}/);
  });
});

describe('a line through many categories', () => {
  test('is refused, naming the category and how to split it', () => {
    const problems = checkClimate(editClimate('content/air/03-life.md', '  series: country\n', ''));
    expect(problems).toEqual([
      'content/air/03-life.md:4:9  one line would zig-zag through 2 values of "country" in each period — add series: country for one line per country, with where: { country: ["Chile", "Japan"] } to pick a few; or type: barX with where: on one period',
    ]);
  });
});
