import { describe, expect, test } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { CHART_FIXTURES } from '../fixtures/charts.ts';
import { tempProject } from '../helpers.ts';

/** Problems of a one-section story on the disasters fixture whose text is `text`. */
function check(text: string): string[] {
  const root = tempProject({
    'content/quakes/index.md': '---\ntitle: Quakes\npublished: 2025-01-01\ndataset: disasters\n---\n',
    'content/quakes/01-toll.md': `---\nchart:\n  data: deaths.deaths\n  where: { type: Earthquake }\n  title: Deaths in earthquakes\n---\n\n${text}\n`,
  });
  cpSync(join(CHART_FIXTURES, 'data/disasters'), join(root, 'data/disasters'), { recursive: true });
  return checkProject(root).problems.map(formatProblem);
}

describe(':fact at the wrong period', () => {
  test('leads with the period whose value matches the text, never with the wrong period\'s figure', () => {
    // Earthquakes killed 226,733 in 2010 and 20,946 in 2011.
    const [problem, ...rest] = check('Earthquakes killed :fact[226,733 people]{key=deaths.deaths at=2011 type=Earthquake}.');
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^content\/quakes\/01-toll\.md:8:\d+ {2}fact "226,733 people" does not match deaths\.deaths at 2011 \(type=Earthquake\): the text says 226,733 people, the data gives [\d,]+ people — did you mean at=2010\? deaths\.deaths gives "226,733 people" there; if at=2011 is right, the text should read "[\d,]+ people"$/);
  });

  test('a figure no period gives gets the plain correction', () => {
    const [problem] = check('Earthquakes killed :fact[226,734 people]{key=deaths.deaths at=2010 type=Earthquake}.');
    expect(problem).toContain('— correct the text to "226,733 people", or check the key and period');
  });
});
