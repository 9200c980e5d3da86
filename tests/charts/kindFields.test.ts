import { describe, expect, test } from 'vitest';
import { KIND_FIELDS, type ChartKind } from '../../src/lib/charts/kinds/kind.ts';
import { CHART_TYPES, KINDS } from '../../src/lib/charts/kinds/registry.ts';
import { unhonouredFields } from '../../src/lib/charts/kindFields.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { checkChart, FIXTURE_SECTION } from '../fixtures/charts.ts';

const VALUES = { zero: true, sort: 'value', facet: 'industry', layout: 'stack', size: 'rate', log: 'y', regions: { A: ['USA'] }, partial: true, classes: 'quantile', lon: 'lon', lat: 'lat', map: 'us' } as const;

describe('the chart kinds registry', () => {
  test('one kind per type, each named, the schema accepting exactly their types', () => {
    expect(new Set(CHART_TYPES).size).toBe(KINDS.length);
    for (const kind of KINDS) expect(kind.name).toMatch(/^[A-Z]/);
    expect(chartSchema.shape.type.unwrap().options).toEqual(CHART_TYPES);
  });

  test('every kind field is honoured by some kind, and refused by every other', () => {
    for (const field of KIND_FIELDS) {
      const users = (KINDS as readonly ChartKind[]).filter((k) => k.honours.includes(field));
      expect(users.length, field).toBeGreaterThan(0);
      for (const kind of KINDS) {
        const problems = unhonouredFields(chartSchema.parse({ data: 'a.b', title: 'T', type: kind.type, [field]: VALUES[field] }));
        if (users.includes(kind)) expect(problems).toEqual([]);
        else expect(problems).toEqual([{ field, onKey: true, message: `type: ${kind.type} does not use ${field}:`, hint: expect.stringContaining(`applies to type: ${users[0].type}`) }]);
      }
    }
  });
});

describe('a field the kind does not honour', () => {
  test('is refused at its line, naming the kinds that use it', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  where: { industry: Finance }\n  regions: { Finance: [USA] }\n')).toEqual([
      `${FIXTURE_SECTION}:5:3  type: line does not use regions: — regions: applies to type: choropleth, symbolMap or locator only; delete it, or change type:`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  where: { industry: Finance }\n  partial: true\n')[0]).toMatch(/^content\/fixture\/01-chart\.md:5:3  type: line does not use partial: — partial: applies to type: choropleth/);
  });

  test("is reported once, by the kind's own check where it has one", () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: bar\n  where: { industry: Finance }\n  log: y\n')).toEqual([
      `${FIXTURE_SECTION}:6:8  a log scale cannot draw bars, which start at zero — draw the values as type: line or type: dot (or scatter), or leave log off`,
    ]);
  });
});
