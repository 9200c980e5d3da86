import { describe, expect, test } from 'vitest';
import { checkChart } from '../fixtures/charts.ts';

const LINES = '  data: deaths.deaths\n  type: line\n  series: type\n  where: { type: [Earthquake, Flood, Drought] }\n';

describe('highlight:', () => {
  test('each item of a list is checked as strictly as a single value, at its item, with did-you-mean', () => {
    expect(checkChart('disasters', `${LINES}  highlight: [Earthquake, Flod, Tsunami]\n`)).toEqual([
      'content/fixture/01-chart.md:7:27  highlight "Flod" matches nothing in the chart — did you mean "Flood"?',
      'content/fixture/01-chart.md:7:33  highlight "Tsunami" matches nothing in the chart — name a period (2025-11), a category or a series that the chart draws',
    ]);
    expect(checkChart('disasters', `${LINES}  highlight:\n    - Earthquake\n    - Flod\n`)).toEqual(['content/fixture/01-chart.md:9:7  highlight "Flod" matches nothing in the chart — did you mean "Flood"?']);
  });

  test('a single value is refused with the nearest name too, and a list of matching names passes', () => {
    expect(checkChart('disasters', `${LINES}  highlight: Earthquak\n`)).toEqual(['content/fixture/01-chart.md:7:14  highlight "Earthquak" matches nothing in the chart — did you mean "Earthquake"?']);
    expect(checkChart('disasters', `${LINES}  highlight: [Earthquake, 2010]\n`)).toEqual([]);
  });
});
