import { describe, expect, test } from 'vitest';
import { CHART_FIXTURES, checkChart, fixtureSvg } from '../fixtures/charts.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { plotSvg } from '../../src/lib/charts/render.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { findUsPlace, usPlaceHint } from '../../src/lib/charts/geo/usAtlas.ts';
import { quantileClasses } from '../../src/lib/charts/geo/quantileClasses.ts';
import { colourClasses } from '../../src/lib/charts/geo/mapOptions.ts';
import { mergedUsShape } from '../../src/lib/charts/geo/usShapes.ts';
import { keyValues } from '../../src/lib/charts/geo/sizeKey.ts';
import { overlaps } from '../../src/lib/charts/geo/mapLabels.ts';
import { textWidth } from '../../src/lib/share/textWidth.ts';
import { geoPath, type GeoProjection } from 'd3-geo';

const COUNTIES = { data: 'counties.rate', type: 'choropleth' };
const STATES = { data: 'states.population', type: 'choropleth' };
const paths = (svg: string) => [...svg.matchAll(/<path\b[^>]*\bd="([^"]+)"/g)].map((m) => m[1]);

describe('US places', () => {
  test('findUsPlace() matches FIPS codes, postal codes and names, from the geometry and us-state-codes', () => {
    for (const text of ['48', 'TX', 'tx', 'Texas']) expect(findUsPlace('us-states', text)?.id).toBe('48');
    expect(findUsPlace('us-states', 'Puerto Rico')?.id).toBe('72');
    for (const text of ['48201', 'Harris, Texas', 'Harris County, Texas', 'Harris, TX', 'harris county, tx']) expect(findUsPlace('us-counties', text)?.id).toBe('48201');
    // Two places of one name in a state: the independent city and the county.
    expect(findUsPlace('us-counties', 'Richmond city, Virginia')?.id).toBe('51760');
    expect(findUsPlace('us-counties', 'Richmond County, Virginia')?.id).toBe('51159');
    expect(findUsPlace('us-counties', 'Richmond, Virginia')).toBeUndefined();
    expect(usPlaceHint('us-counties', 'Richmond, Virginia')).toContain('51159 and 51760');
    expect(findUsPlace('us-states', '6')).toBeUndefined();
    expect(usPlaceHint('us-states', '6')).toContain('did you mean 06 (California)?');
  });
});

describe('US county choropleth (vega-datasets unemployment)', () => {
  test('merges the counties of each colour class into one shape, hatches the rest and keys both', () => {
    const { wide, chart } = fixtureSvg('us-counties', COUNTIES);
    const narrow = plotSvg(plotOptions(chart, SIZES.narrow, SIZES.wide));
    expect(chart.data.length).toBeGreaterThan(3000);
    // A few class shapes, the no-data shape and the state borders: not 3,000 paths.
    expect(paths(wide).length).toBeLessThanOrEqual(12);
    expect(wide).toContain('url(#w-nodata)');
    expect(wide).toContain('No data');
    // The phone drawing shows the desktop drawing's shapes through <use>.
    expect(narrow).toMatch(/<use\b/);
    expect(paths(narrow).length).toBeLessThanOrEqual(2);
    expect(chart.notes.join(' ')).toContain('2017 edition (Connecticut\'s counties before 2022)');
  });

  test('classes: quantile cuts the classes at the quintiles, so that each holds about a fifth of the counties, and keys the rounded edges', () => {
    const { wide, chart } = fixtureSvg('us-counties', { ...COUNTIES, classes: 'quantile' });
    const rates = chart.data.map((d) => d.y!);
    const { edges, colour, colours } = quantileClasses(rates);
    expect(edges).toEqual([1.2, 6, 7.8, 9.3, 11.6, 30.1]);
    for (const c of colours) expect(rates.filter((r) => colour(r) === c).length / rates.length).toBeGreaterThan(0.15);
    for (const edge of ['1.2%', '6%', '7.8%', '11.6%', '30.1%']) expect(wide).toContain(`>${edge}</text>`);
    // Equal widths (the default) over 0–40% put nine counties in ten in the first class or the second.
    const equal = colourClasses(rates);
    expect(rates.filter((r) => equal.colours.indexOf(equal.colour(r)) < 2).length / rates.length).toBeGreaterThan(0.9);
  });

  test('quantileClasses() merges tied edges and keeps one colour per class', () => {
    expect(quantileClasses([5, 5, 5, 5, 5, 5, 9]).edges).toEqual([5, 9]);
    expect(quantileClasses([3, 3, 3]).edges).toEqual([3, 4]);
    const negative = quantileClasses([-40, -30, -20, -10, -1]);
    expect(negative.colour(-40)).not.toBe(negative.colour(-1));
    expect(negative.colours).toHaveLength(negative.edges.length - 1);
  });

  test('is described by its extremes and its median place, by name', () => {
    const text = describeChart(fixtureSvg('us-counties', COUNTIES).chart);
    expect(text).toMatch(/^Map of US counties shaded by unemployment rate/);
    expect(text).toContain('Highest: Imperial, California 30.1%');
    expect(text).toMatch(/Median: [A-Z][\w .'-]+, [A-Z][a-z]+[\w ]*, \d+(\.\d)?%\./);
    expect(text).toMatch(/No data for \d+ counties/);
  });

  test('refuses Connecticut\'s 2022 planning regions at dataset.yaml, with a hint', () => {
    const problems = checkChart('us-counties', "  data: counties.rate\n  type: choropleth\n", {
      'unemployment.csv': (csv) => csv.replace(/^09\d{3},.*\n/gm, '') + '09110,4.1\n09120,5.2\n09130,3.9\n',
    });
    const yaml = problems.find((p) => p.startsWith('data/us-counties/dataset.yaml:'));
    expect(yaml).toMatch(/dataset\.yaml:\d+:\d+ +table counties: column "county" holds Connecticut's 2022 planning regions \(09110, 09120, 09130\)/);
    expect(yaml).toContain('recode Connecticut');
  });

  test('a code that lost its leading zero is an error at its CSV line, with the padded code', () => {
    const problems = checkChart('us-counties', "  data: counties.rate\n  type: choropleth\n", { 'unemployment.csv': (csv) => csv.replace('01001,', '1001,') });
    expect(problems).toContainEqual(expect.stringMatching(/^data\/us-counties\/unemployment\.csv:2:1 +no US county on the map matches county "1001" — did you mean 01001 \(Autauga, Alabama\)\?/));
  });

  test('counties the 2017 map lacks are errors at their lines, naming the nearest codes', () => {
    const problems = checkChart('us-counties', "  data: counties.rate\n  type: choropleth\n", { 'unemployment.csv': (csv) => `${csv}46113,11.2\n` });
    expect(problems).toContainEqual(expect.stringMatching(/unemployment\.csv:\d+:1 +no US county on the map matches county "46113" — nearest codes on the map: 46111 \(Sanborn, South Dakota\)/));
  });

  test('more than a few per cent of the counties without data is an error unless partial: true', () => {
    const half = (csv: string) => csv.split('\n').filter((line, i) => i % 2 === 0 || line === '').join('\n');
    const problems = checkChart('us-counties', "  data: counties.rate\n  type: choropleth\n", { 'unemployment.csv': half });
    expect(problems).toContainEqual(expect.stringMatching(/of the map's \d+ counties \(\d+%\) have no value to draw: .*— .*declare partial: true/));
    expect(checkChart('us-counties', "  data: counties.rate\n  type: choropleth\n  partial: true\n", { 'unemployment.csv': half })).toEqual([]);
  });
});

describe('US state maps (vega-datasets population)', () => {
  test('draw Puerto Rico in its inset; without its row it is hatched and named as no data', () => {
    const { chart, wide } = fixtureSvg('us-states', STATES);
    expect(chart.places?.get('Puerto Rico')).toEqual(['72']);
    expect(wide).not.toContain('No data');
    expect(describeChart(chart)).toContain('52 states');
    const problems = new Problems();
    const dataset = loadDataset(CHART_FIXTURES, 'us-states', problems)!;
    const table = dataset.tables.get('states')!;
    table.rows = table.rows.filter((row) => row.categories.state !== 'Puerto Rico');
    const result = chartData(dataset, chartSchema.parse({ title: 'No Puerto Rico', ...STATES }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(describeChart(result.chart)).toContain('No data for Puerto Rico.');
    expect(plotSvg(plotOptions(result.chart, SIZES.wide))).toContain('No data');
  });

  test('a misspelt state name is an error at its CSV line with the nearest name', () => {
    const problems = checkChart('us-states', "  data: states.population\n  type: choropleth\n", { 'population.csv': (csv) => csv.replace('Pennsylvania,', 'Pensylvania,') });
    expect(problems).toContainEqual(expect.stringMatching(/^data\/us-states\/population\.csv:\d+:1 +no US state on the map matches state "Pensylvania" — did you mean "Pennsylvania"\?/));
  });

  test('a symbol map sizes a circle per state and names the largest few', () => {
    const { wide, chart } = fixtureSvg('us-states', { ...STATES, type: 'symbolMap' });
    // A circle per state, and three in the key of sizes.
    expect(wide.match(/<circle\b/g)?.length).toBe(chart.data.length + 3);
    expect(wide).toContain('California 39.3');
    expect(describeChart(chart)).toMatch(/^Map of US states with circles sized by population/);
  });
});

const AIRPORTS = { data: 'airports.departures', type: 'symbolMap', x: 'city', map: 'us', lon: 'longitude', lat: 'latitude' };
/** An element's attributes, in whatever order the DOM wrote them. */
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const circles = (svg: string) => [...svg.matchAll(/<circle\b[^>]*>/g)].map((m) => attributes(m[0])).map((a) => ({ x: Number(a.cx), y: Number(a.cy), r: Number(a.r) }));

describe('US symbol map of points (vega-datasets airports, 2008 departures)', () => {
  test('puts each airport at its longitude and latitude, Alaska\'s, Hawaii\'s and Puerto Rico\'s in their insets', () => {
    const chart = fixtureSvg('airports', AIRPORTS).chart;
    for (const size of [SIZES.wide, SIZES.narrow]) {
      const options = plotOptions(chart, size) as { projection: GeoProjection };
      const svg = plotSvg(options);
      const drawn = circles(svg);
      const path = geoPath(options.projection);
      for (const [state, name] of [['02', 'Anchorage'], ['15', 'Honolulu'], ['72', 'San Juan'], ['06', 'Los Angeles']] as const) {
        const row = chart.data.find((d) => d.label === name)!;
        const [x, y] = options.projection([row.row!.values.longitude!, row.row!.values.latitude!])!;
        // A circle is drawn there, within the box of its state's shape as the map draws it.
        expect(drawn.some((c) => Math.abs(c.x - x) < 0.1 && Math.abs(c.y - y) < 0.1), name).toBe(true);
        const [[x0, y0], [x1, y1]] = path.bounds(mergedUsShape('us-states', size.width, [state]));
        expect(x >= x0 - 2 && x <= x1 + 2 && y >= y0 - 2 && y <= y1 + 2, `${name} in ${state}`).toBe(true);
      }
      expect(drawn.length).toBe(chart.data.length + 3);
    }
  });

  test('sizes circles by area: radius squared in proportion to the value, with a key of round values', () => {
    const { wide, chart } = fixtureSvg('airports', AIRPORTS);
    const value = (city: string) => chart.data.find((d) => d.label === city)!.y!;
    const options = plotOptions(chart, SIZES.wide) as { projection: GeoProjection };
    const radiusOf = (city: string) => {
      const row = chart.data.find((d) => d.label === city)!;
      const [x, y] = options.projection([row.row!.values.longitude!, row.row!.values.latitude!])!;
      return circles(wide).find((c) => Math.abs(c.x - x) < 0.1 && Math.abs(c.y - y) < 0.1)!.r;
    };
    expect(radiusOf('Atlanta')).toBe(24);
    expect((radiusOf('Denver') / radiusOf('Atlanta')) ** 2).toBeCloseTo(value('Denver') / value('Atlanta'), 2);
    expect(keyValues(414513)).toEqual([400000, 100000, 20000]);
    expect(wide).toContain('400,000');
    expect(describeChart(chart)).toMatch(/^Map of US places with circles sized by departures in 2008 \(flights\), 303 places\. Highest: Atlanta 414,513 flights/);
  });

  test('names the largest few and the highlighted, none overlapping another', () => {
    for (const size of [SIZES.wide, SIZES.narrow]) {
      const { wide, narrow } = fixtureSvg('airports', { ...AIRPORTS, highlight: 'Honolulu' });
      const svg = size === SIZES.wide ? wide : narrow;
      const labels = [...svg.matchAll(/(<text\b[^>]*font-weight="bold"[^>]*>)([^<]+)</g)].map((m) => {
        const a = attributes(m[1]);
        const [x, y, anchor, px, text] = [Number(a.x), Number(a.y), a['text-anchor'], Number(a['font-size']), m[2]];
        const w = textWidth(text, px);
        return { text, x: anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2, y: y - px * 0.85, width: w, height: px };
      });
      expect(labels.map((l) => l.text.split(' ')[0])).toEqual(expect.arrayContaining(['Honolulu', 'Atlanta', 'Chicago']));
      for (const a of labels) for (const b of labels) if (a !== b) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
    }
  });

  test('refuses at the CSV line a point outside the map, off the globe or without a coordinate', () => {
    const chart = '  data: airports.departures\n  type: symbolMap\n  x: city\n  map: us\n  lon: longitude\n  lat: latitude\n';
    expect(checkChart('airports', chart, { 'airports.csv': (csv) => `${csv}LHR,London Heathrow,London,NA,-0.4543,51.47,1000\n` })).toEqual([
      expect.stringMatching(/^data\/airports\/airports\.csv:305:1 +city "London" \(longitude -0\.4543, latitude 51\.47\) lies outside the US map/),
    ]);
    expect(checkChart('airports', chart, { 'airports.csv': (csv) => csv.replace('-84.4269,33.6404', '33.6404,-184.4269') })).toEqual([expect.stringMatching(/^data\/airports\/airports\.csv:20:1 +city "Atlanta" is at longitude 33.6404, latitude -184.4269: no place on Earth/)]);
    expect(checkChart('airports', chart, { 'airports.csv': (csv) => csv.replace(',33.6404,', ',,') })).toEqual([expect.stringMatching(/^data\/airports\/airports\.csv:20:1 +city "Atlanta" has no latitude/)]);
    expect(checkChart('airports', chart, { 'airports.csv': (csv) => csv.replace('-84.4269', 'W84.4269') })).toEqual([expect.stringMatching(/^data\/airports\/airports\.csv:20:\d+ +"W84.4269" is not a number in column "longitude"/)]);
    expect(checkChart('airports', chart.replace('lon: longitude', 'lon: longtude'))).toEqual([expect.stringMatching(/lon: table airports has no number column "longtude" — did you mean lon: longitude\?/)]);
  });
});
