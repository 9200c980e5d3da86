import { describe, expect, test } from 'vitest';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkChart, CHART_FIXTURES, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { chartCsv, chartTable } from '../../src/lib/charts/table.ts';
import { findCountry, normaliseName } from '../../src/lib/charts/geo/atlas.ts';
import { colourClasses } from '../../src/lib/charts/geo/mapOptions.ts';
import { countryShapes, withoutSpecks } from '../../src/lib/charts/geo/shapes.ts';
import { makeFigure, standaloneNarrow } from '../../src/lib/charts/figure.ts';
import { SIZES } from '../../src/lib/charts/plotOptions.ts';

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

  test('a name two countries share ("Congo") is refused at its row, naming both; a region member too', () => {
    const CHART = '  data: countries.population_share\n  type: choropleth\n  x: country\n  regions: { "Hong Kong, China": [HKG] }\n';
    const problems = checkChart('people', CHART, { 'countries.csv': (csv) => csv.replace('2005-01/12,Germany,', '2005-01/12,Congo,') });
    const either = 'could be any of Democratic Republic of the Congo (COD), Republic of the Congo (COG) — write the full name or the ISO code of the one you mean: the map cannot guess';
    expect(problems).toEqual([`data/people/countries.csv:26:1  country "Congo" ${either}`]);
    expect(checkChart('people', CHART.replace('[HKG] }', '[HKG], Central: [Congo, Gabon] }'))).toEqual([`${FIXTURE_SECTION}:6:51  region "Central": "Congo" ${either}`]);
    expect(checkChart('people', CHART, { 'countries.csv': (csv) => csv.replace('2005-01/12,Germany,', '2005-01/12,Republic of the Congo,') })).toEqual([]);
  });

  test('a place given twice, under one name or two, is refused at the second row', () => {
    const CHART = '  data: countries.population_share\n  type: choropleth\n  x: country\n  regions: { "Hong Kong, China": [HKG] }\n';
    const twice = (name: string) => checkChart('people', CHART, { 'countries.csv': (csv) => `${csv.trimEnd()}\n2005-01/12,${name},9.0\n` });
    const last = readFileSync(join(CHART_FIXTURES, 'data/people/countries.csv'), 'utf8').trimEnd().split('\n').length + 1;
    expect(twice('Turkey')).toEqual([`data/people/countries.csv:${last}:1  duplicated period 2005-01/12 for Turkey (first on line 60) — keep one row per period; correct the period or delete the repeated row`]);
    expect(twice('Türkiye')).toEqual([`data/people/countries.csv:${last}:1  country "Türkiye" is the same place as "Turkey" (first on line 60): a map shows one value per place — keep one row per place: delete or correct this one`]);
  });

  test('a map of several periods is refused: one value per place', () => {
    const problems = checkChart('jobs', '  data: industries.rate\n  type: choropleth\n  x: industry\n  where: { industry: Finance }\n  regions: { Finance: [USA] }\n');
    expect(problems).toEqual([`${FIXTURE_SECTION}:5:6  a map shows one value per place, and industry "Finance" has 122 drawn values — pin one period with from: and to:, or filter with where:`]);
  });
});

describe('a map at both sizes on one page', () => {
  /** The extent of a relative path's points (as compactPath writes them), after `matrix(a 0 0 d e f)`. */
  const extent = (d: string, [k, , , , e, f] = [1, 0, 0, 1, 0, 0]) => {
    const tokens = d.match(/[Mmlz]|-?\d*\.?\d+/g) ?? [];
    let x = 0, y = 0, sx = 0, sy = 0, command = '';
    const xs: number[] = [], ys: number[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i];
      if (t === 'z') { [x, y] = [sx, sy]; i++; continue; }
      if (/[Mml]/.test(t)) { command = t; i++; continue; }
      const [a, b] = [Number(tokens[i]), Number(tokens[i + 1])];
      i += 2;
      if (command === 'M') [x, y] = [a, b];
      else [x, y] = [x + a, y + b];
      if (command !== 'l') { [sx, sy] = [x, y]; command = 'l'; }
      xs.push(k * x + e);
      ys.push(k * y + f);
    }
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };

  test('the narrow drawing shows the wide one\'s shapes, scaled onto its own projection, rather than carrying them twice', () => {
    const { chart, narrow: ownNarrow } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth' });
    const figure = makeFigure('people', chart, 'source');
    expect(figure.svg.wide).toContain('id="people-w-land"');
    expect(figure.svg.wide).toContain('id="people-w-places"');
    const uses = [...figure.svg.narrow.matchAll(/<use transform="matrix\(([^)]+)\)" href="#([^"]+)"/g)].map(([, matrix, id]) => [id, matrix]);
    expect(uses.map((u) => u[0])).toEqual(['people-w-land', 'people-w-places']);
    expect(paths(figure.svg.narrow)).toHaveLength(0);
    expect(figure.svg.narrow.length).toBeLessThan(figure.svg.wide.length / 2);
    // Moved by its matrix, the wide shapes fill the narrow frame (4 px margins, the key above) as its own projection fits the world to it.
    const matrix = uses[0][1].split(' ').map(Number) as [number, number, number, number, number, number];
    // The coloured places (all drawn, unlike grey specks), moved, lie where the narrow projection puts them.
    const places = paths(/<g id="people-w-places"[^>]*>([\s\S]*?)<\/g>/.exec(figure.svg.wide)![1]);
    const moved = places.map((d) => extent(d, matrix));
    const got = [Math.min(...moved.map((e) => e[0])), Math.min(...moved.map((e) => e[1])), Math.max(...moved.map((e) => e[2])), Math.max(...moved.map((e) => e[3]))];
    const shapes = countryShapes(640);
    const world = { type: 'FeatureCollection' as const, features: [...shapes.values()] };
    const withData = [...new Set(chart.data.filter((d) => d.y !== null).flatMap((d) => chart.places?.get(String(d.x)) ?? []))].filter((id) => shapes.has(id));
    const [[x0, y0], [x1, y1]] = geoPath(geoEqualEarth().fitExtent([[4, 34], [356, SIZES.narrow.height - 4]], world)).bounds({ type: 'FeatureCollection', features: withData.map((id) => shapes.get(id)!) });
    [x0, y0, x1, y1].forEach((want, i) => expect(Math.abs(got[i] - want)).toBeLessThan(1));
    expect(ownNarrow).toContain('id="n-land"');
  });

  test('on its own (a share card), the narrow drawing carries copies of the shapes', () => {
    const { chart } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth' });
    const figure = makeFigure('people', chart, 'source');
    const alone = standaloneNarrow(figure);
    expect(alone).not.toContain('<use');
    expect(paths(alone).length).toBe(paths(figure.svg.wide.replace(/<g\b(?![^>]*\bid="people-w-(?:land|places)")[^>]*>[\s\S]*?<\/g>/g, '')).length);
    expect(alone).toMatch(/<g transform="matrix\([^)]+\)"><g fill-opacity="0.1"><path d=/);
  });

  test('grey islands smaller than a speck are left out; places with data never are', () => {
    const square = (size: number, x: number) => [[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]];
    const shape = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: [square(10, 0), square(1, 20)] } };
    const area = (f: { geometry: { coordinates: unknown } }) => ((f.geometry.coordinates as number[][][])[0][1][0] - (f.geometry.coordinates as number[][][])[0][0][0]) ** 2;
    const kept = withoutSpecks(shape, area as never, 2);
    expect((kept.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(1);
    // The choropleth's small places (each of them with data) are all drawn.
    const { chart, wide } = fixtureSvg('people', { ...PEOPLE, type: 'choropleth' });
    const placesOf = (svg: string) => paths(/<g id="[^"]*places"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]).length;
    expect(placesOf(wide)).toBe(new Set(chart.data.filter((d) => d.y !== null && chart.places?.get(String(d.x))?.some((id) => countryShapes(640).has(id))).map((d) => d.x)).size);
  });
});
