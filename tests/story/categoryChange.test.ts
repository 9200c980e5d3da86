import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkChart, CHART_FIXTURES, FIXTURE_SECTION } from '../fixtures/charts.ts';

// The disasters fixture (EM-DAT via vega-datasets): in 2010 earthquakes killed 226,733 and droughts 20,000.
const CSV = readFileSync(join(CHART_FIXTURES, 'data/disasters/deaths.csv'), 'utf8');
const CHART = '  data: deaths.deaths\n  where: { type: [Earthquake, Drought] }\n  series: type\n';
const check = (body: string, edits = {}) => checkChart('disasters', CHART, edits, body);

describe('a multiple or a difference between two categories at one period (than="column=value" without a claim)', () => {
  test('the fixture holds the figures the tests state', () => {
    expect(CSV).toContain('Earthquake,2010,226733');
    expect(CSV).toContain('Drought,2010,20000');
  });

  test('"11.3 times" is the one category\'s value over the other\'s, checked', () => {
    expect(check('Earthquakes killed :fact[11.3 times]{key=deaths.deaths at=2010 type=Earthquake than="type=Drought"} as many as droughts.')).toEqual([]);
    expect(check('Earthquakes killed :fact[12.3 times]{key=deaths.deaths at=2010 type=Earthquake than="type=Drought"} as many as droughts.')).toEqual([
      `${FIXTURE_SECTION}:9:20  fact "12.3 times" does not match the multiple in deaths.deaths (type=Earthquake) against type=Drought at 2010: the text says 12.3 times, the data gives 11.3 times — correct the text to "11.3 times", or check the periods`,
    ]);
  });

  test('a difference in the column\'s unit and a change in per cent', () => {
    expect(check('Earthquakes killed :fact[206,733 more people]{key=deaths.deaths at=2010 type=Earthquake than="type=Drought"} than droughts.')).toEqual([]);
    expect(check('Droughts killed :fact[91% fewer]{key=deaths.deaths at=2010 type=Drought than="type=Earthquake"} than earthquakes.')).toEqual([]);
  });

  test('a category the column does not hold, a column the table lacks, and from= beside than= are refused at the fact', () => {
    const [wrongValue] = check('Earthquakes killed :fact[11.3 times]{key=deaths.deaths at=2010 type=Earthquake than="type=Drougth"} as many.');
    expect(wrongValue).toMatch(/fact "11\.3 times": no figure for type=Drougth to compare with: .* — did you mean "Drought"\?/);
    const [wrongColumn] = check('Earthquakes killed :fact[11.3 times]{key=deaths.deaths at=2010 type=Earthquake than="kind=Drought"} as many.');
    expect(wrongColumn).toMatch(/than="kind=Drought" names no category column of table deaths/);
    const [both] = check('Earthquakes killed :fact[11.3 times]{key=deaths.deaths at=2010 from=2009 type=Earthquake than="type=Drought"} as many.');
    expect(both).toMatch(/has both from= and than="type=Drought"/);
  });
});
