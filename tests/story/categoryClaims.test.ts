import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { PROJECT } from '../helpers.ts';

/** US states from vega-datasets: a table without periods (Florida 110 hurricanes, Texas 59, California 39,250,017 people). */
const dataset = loadDataset(join(PROJECT, 'tests/fixtures/charts'), 'states', new Problems());
const FILE = 'content/s/01-a.md';

function check(body: string): string[] {
  const problems = new Problems();
  renderMarkdown({ file: FILE, body, bodyLine: 1, dataset, problems });
  return problems.sorted().map(formatProblem);
}

describe('claims on a table without periods', () => {
  test('claim=highest and claim=lowest rank the row among the table\'s categories', () => {
    expect(check(':fact[110 hurricanes]{key=states.hurricanes state=Florida claim=highest} and :fact[39,250,017 people]{key=states.population state=California claim=highest}')).toEqual([]);
  });

  test('a row that is not the highest is refused, naming the category that is higher, with no period', () => {
    expect(check(':fact[59 hurricanes]{key=states.hurricanes state=Texas claim=highest}')).toEqual([
      `${FILE}:1:1  fact "59 hurricanes": claim=highest (the highest among the state values of states) does not hold for states.hurricanes (state=Texas) — Florida is higher (110 hurricanes)`,
    ]);
  });

  test('a tie is not the lowest', () => {
    const [problem] = check(':fact[0 hurricanes]{key=states.hurricanes state=Alaska claim=lowest}');
    expect(problem).toMatch(/claim=lowest \(the lowest among the state values of states\) does not hold for states\.hurricanes \(state=Alaska\) — \w[\w ]* is the same \(0 hurricanes\): a tie is not the lowest/);
    expect(problem).not.toContain('undefined');
  });

  test('claims about periods are refused with what to use instead', () => {
    expect(check(':fact[110 hurricanes]{key=states.hurricanes state=Florida claim=record}')).toEqual([
      `${FILE}:1:1  fact "110 hurricanes": claim=record compares periods for states.hurricanes (state=Florida) — table states has none: use claim=highest or claim=lowest, the figure's place among the state values of the table`,
    ]);
  });
});
