import { describe, expect, test } from 'vitest';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { fixtureChart } from '../fixtures/charts.ts';

// Hurricanes by state: a table without periods (tests/fixtures/charts/data/states).
const STATES = ['Florida', 'Texas', 'Louisiana', 'North Carolina', 'Georgia', 'Alabama', 'Maine', 'Ohio'];
const figure = () => makeFigure('hurricanes', fixtureChart('states', { data: 'states.hurricanes', type: 'barX', where: { state: STATES }, values: 'all' }), 'Fixture source');

describe('a barX chart of a table without periods', () => {
  test('its description names no empty period', () => {
    const { description } = figure();
    expect(description).toMatch(/^Bar chart of hurricanes \(hurricanes\), 8 states\. Florida 110 hurricanes, Texas 59 hurricanes/);
    expect(description).not.toMatch(/, \./);
  });

  test('its table lists the states as the bars stand, largest first', () => {
    expect(figure().table.rows.map((r) => r.label)).toEqual(['Florida', 'Texas', 'Louisiana', 'North Carolina', 'Alabama', 'Georgia', 'Maine', 'Ohio']);
  });

  test("its value labels keep the unit's decimals: 0", () => {
    const texts = [...figure().svg.wide.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('59');
    expect(texts).not.toContain('59.0');
  });
});
