import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkChart, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { chartCsv, chartTable } from '../../src/lib/charts/table.ts';
import { findCountry, normaliseName } from '../../src/lib/charts/geo/atlas.ts';
import { colourClasses } from '../../src/lib/charts/geo/mapOptions.ts';
import { countryShapes } from '../../src/lib/charts/geo/shapes.ts';

const PEOPLE = { data: 'countries.population_share', x: 'country', regions: { 'Hong Kong, China': ['HKG'] } };
const paths = (svg: string) => [...svg.matchAll(/<path\b[^>]*\bd="([^"]+)"/g)].map((m) => m[1]);
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').trim());

describe('country names', () => {
  test('are matched by Natural Earth name, English names and ISO codes, whatever the case and accents', () => {
    for (const name of ['United States', 'United States of America', 'USA', 'us', '840']) expect(findCountry(name)?.id).toBe('840');
    expect(findCountry('Cote d’Ivoire')?.name).toBe("Côte d'Ivoire");
    expect(findCountry('Czech Republic')?.name).toBe('Czechia');
    expect(normaliseName('The Bahamas')).toBe('bahamas');
    expect(findCountry('Atlantis')).toBeUndefined();
  });
});

describe('choropleth', () => {
  test('shades the countries with data by class, leaves the rest grey, and draws a key with the class edges', () => {
    const { wide, narrow, chart } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth' });
    const places = chart.data.filter((d) => d.y !== null).length;
    for (const svg of [wide, narrow]) {
      // One shape per place, and the countries without data as one grey land (each border drawn once, not twice).
      const shapes = paths(svg);
      expect(shapes.length).toBeGreaterThan(2);
      expect(shapes.length).toBeLessThanOrEqual(places + 1);
      expect(svg.match(/fill-opacity="0.1"/g)).toHaveLength(1);
      const classes = colourClasses(chart.data.map((d) => d.y!));
      for (const colour of classes.colours.slice(0, 2)) expect(svg).toContain(`fill="${colour}"`);
      // The key: one swatch per class and its edges written out.
      expect(texts(svg)).toEqual(expect.arrayContaining(['per cent', '0%']));
    }
    // Hong Kong is a real place, but too small for a 1:110m map: named in a note, not an error.
    expect(chart.notes.find((n) => n.startsWith('Too small for this map:'))).toContain('Hong Kong, China');
    expect(chart.notes.some((n) => n.startsWith('Boundaries: Natural Earth'))).toBe(true);
  });

  test('values of both signs get a diverging key centred on zero; one sign a sequential one from zero', () => {
    const both = colourClasses([-28.6, 4.3, 35.8]);
    expect(both.edges[3]).toBe(0);
    expect(both.edges[0]).toBe(-both.edges.at(-1)!);
    expect(both.colour(-28.6)).not.toBe(both.colour(35.8));
    const one = colourClasses([0.5, 12, 25.4]);
    expect(one.edges[0]).toBe(0);
    expect(one.edges.at(-1)!).toBeGreaterThanOrEqual(25.4);
    expect(one.colour(25.4)).toBe(one.colours.at(-1));
    expect(one.colour(0.5)).toBe(one.colours[0]);
  });

  test('has a description, a table and a CSV like any chart', () => {
    const { chart } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth', highlight: 'India' });
    const text = describeChart(chart);
    expect(text).toMatch(/^World map shaded by value of share of population \(per cent\), 62 countries, Jan–Dec 2005\. Highest: China 25\.43%, India 22\.50%/);
    expect(text).toContain('Highlighted: India, 22.50%.');
    expect(chartTable(chart).rows).toHaveLength(62);
    expect(chartCsv(chart).split('\n')[0]).toBe('period,country,series,key,value,unit,source_url,monthly_average');
  });

  test('a world map stays within its budget of 15 KB gzipped at either width', () => {
    const { wide, narrow } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth' });
    for (const svg of [wide, narrow]) expect(gzipSync(svg).length).toBeLessThan(15 * 1024);
  });

  test('shapes are simplified to the width: the phone map keeps fewer points than the desktop one', () => {
    const points = (width: number) => [...countryShapes(width).values()].reduce((n, f) => n + JSON.stringify(f.geometry).split('],[').length, 0);
    expect(points(360)).toBeLessThan(points(640));
    expect(points(640)).toBeLessThan(10000);
  });
});

describe('symbol map', () => {
  test('draws one circle per place, area in proportion to value, labels the highlighted ones beside their circle', () => {
    const { wide, chart } = fixtureSvg('people', { ...PEOPLE, type: 'symbolMap', highlight: ['China', 'India'] });
    const radii = [...wide.matchAll(/<circle\b[^>]*\br="([\d.]+)"/g)].map((m) => Number(m[1]));
    // 62 places, less those too small for the map.
    const unmapped = chart.notes.find((n) => n.startsWith('Too small for this map:'))!.split(';').length;
    expect(radii).toHaveLength(62 - unmapped);
    const china = chart.data.find((d) => d.x === 'China')!.y!;
    const india = chart.data.find((d) => d.x === 'India')!.y!;
    const [first, second] = [...radii].sort((a, b) => b - a);
    expect((second / first) ** 2).toBeCloseTo(india / china, 1);
    expect(texts(wide)).toEqual(expect.arrayContaining(['China 25.4%', 'India 22.5%']));
  });
});

describe('map errors', () => {
  test('a place that matches no country is reported at its CSV row, with the nearest name', () => {
    const problems = checkChart('people', '  data: countries.population_share\n  type: choropleth\n  x: country\n', { 'countries.csv': (csv) => csv.replace('2005-01/12,Germany,', '2005-01/12,Germny,') });
    expect(problems).toEqual([
      expect.stringMatching(/^data\/people\/countries\.csv:\d+:1 {2}no country on the map matches country "Germny" — did you mean "Germany"\?/),
      expect.stringMatching(/^data\/people\/countries\.csv:\d+:1 {2}no country on the map matches country "Hong Kong, China" — .*declare "Hong Kong, China" under the chart's regions:/),
    ]);
  });

  test('a region member that matches no country is reported at the member', () => {
    const problems = checkChart('people', '  data: countries.population_share\n  type: choropleth\n  x: country\n  regions:\n    "Hong Kong, China": [HKG]\n    Nordic: [Norway, Swedn, Finland]\n');
    expect(problems).toEqual([`${FIXTURE_SECTION}:8:22  region "Nordic": no country on the map matches "Swedn" — did you mean "Sweden"?`]);
  });

  test('a map of several periods is refused: one value per place', () => {
    const problems = checkChart('jobs', '  data: industries.rate\n  type: choropleth\n  x: industry\n  where: { industry: Finance }\n  regions: { Finance: [USA] }\n');
    expect(problems).toEqual([`${FIXTURE_SECTION}:5:6  a map shows one value per place, and industry "Finance" has 122 drawn values — pin one period with from: and to:, or filter with where:`]);
  });
});
