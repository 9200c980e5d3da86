import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { PROJECT } from '../helpers.ts';
import { checkChart } from '../fixtures/charts.ts';

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

describe('claims register on a table without periods', () => {
  /** A story on states whose register cites `fact` behind "the most populous state". */
  function checkRegister(fact: string): string[] {
    const register = `claims:\n  - text: the most populous state\n    fact: ${fact}\n`;
    return checkChart('states', '  data: states.population\n  type: barX\n  x: state\n', {}, 'California is the most populous state.', { 'content/fixture/claims.yaml': register });
  }

  test('an entry cites a row by its categories alone, with no period', () => {
    expect(checkRegister('states.population state=California')).toEqual([]);
  });

  test('an entry naming a row the table lacks is refused at its fact:', () => {
    expect(checkRegister('states.population state=Californa')).toEqual([
      expect.stringMatching(/^content\/fixture\/claims\.yaml:3:11 {2}.*Californa.*California/),
    ]);
  });
});
