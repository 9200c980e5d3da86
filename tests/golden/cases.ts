/**
 * What the golden files hold besides the two built sites: every fixture
 * chart (tests/fixtures/charts), one per kind and per option that changes
 * the drawing, and charts that `npm run check` must refuse. Add a case here
 * when you add a chart kind or a chart field, then regenerate (README.md).
 */

export interface ChartCase {
  /** File name of the golden file: tests/golden/files/charts/<name>.txt.golden. */
  name: string;
  dataset: 'jobs' | 'health' | 'people' | 'capitals' | 'us-states' | 'us-counties' | 'stocks' | 'flights' | 'states' | 'airports';
  spec: Record<string, unknown>;
}

const RATE = { data: 'industries.rate' };
const CONSTRUCTION = { ...RATE, where: { industry: 'Construction' }, from: '2007-01' };
const THREE = { industry: ['Construction', 'Manufacturing', 'Finance'] };
const CHANGE = { ...RATE, from: '2000-01', to: '2010-02' };
const PEOPLE = { data: 'countries.population_share', x: 'country', regions: { 'Hong Kong, China': ['HKG'] } };
const SCATTER = { data: 'countries.life_expect', type: 'scatter', x: 'fertility' };

export const CHART_CASES: ChartCase[] = [
  { name: 'line', dataset: 'jobs', spec: CONSTRUCTION },
  { name: 'line-series-highlight', dataset: 'jobs', spec: { ...RATE, series: 'industry', where: THREE, highlight: 'Construction' } },
  { name: 'line-many-series', dataset: 'jobs', spec: { ...RATE, series: 'industry' } },
  { name: 'line-by-month', dataset: 'jobs', spec: { ...RATE, x: 'month', series: 'year', where: { industry: 'Construction', year: [2008, 2009] }, highlight: '2009' } },
  { name: 'line-annotations', dataset: 'jobs', spec: { ...CONSTRUCTION, annotations: [{ value: 10, text: 'One in ten' }, { from: '2007-12', to: '2009-06', text: 'Recession' }, { event: '2008-09', text: 'Lehman collapses' }, { at: '2010-02', text: 'The peak' }] } },
  { name: 'line-values-all', dataset: 'jobs', spec: { ...CONSTRUCTION, from: '2009-06', values: 'all' } },
  { name: 'area', dataset: 'jobs', spec: { ...CONSTRUCTION, type: 'area', highlight: '2009-06' } },
  { name: 'area-stack', dataset: 'jobs', spec: { ...RATE, type: 'area', layout: 'stack', series: 'industry', where: THREE, from: '2008-01' } },
  { name: 'bar', dataset: 'jobs', spec: { ...CONSTRUCTION, type: 'bar', from: '2009-01', highlight: '2009-06' } },
  { name: 'bar-stack', dataset: 'jobs', spec: { ...RATE, type: 'bar', layout: 'stack', series: 'industry', where: THREE, from: '2009-01', highlight: 'Finance' } },
  { name: 'bar-group', dataset: 'jobs', spec: { ...RATE, type: 'bar', layout: 'group', x: 'industry', series: 'year', where: { ...THREE, year: [2008, 2009] }, from: '2008-12', to: '2009-12' } },
  { name: 'bar-categories', dataset: 'jobs', spec: { ...RATE, type: 'bar', x: 'industry', from: '2010-02', sort: '-value' } },
  { name: 'barX', dataset: 'jobs', spec: { ...RATE, type: 'barX', x: 'industry', from: '2010-02', highlight: 'Construction' } },
  { name: 'dot', dataset: 'jobs', spec: { ...CONSTRUCTION, type: 'dot', from: '2009-10', values: 'all' } },
  { name: 'facet', dataset: 'jobs', spec: { ...RATE, facet: 'industry', from: '2007-01', highlight: '2009-06', annotations: [{ from: '2007-12', to: '2009-06', text: 'Recession' }, { value: 20, text: 'One in five' }] } },
  { name: 'facet-bars-by-month', dataset: 'jobs', spec: { ...RATE, type: 'bar', x: 'month', series: 'year', facet: 'series', where: { industry: 'Construction', year: [2007, 2008, 2009] } } },
  { name: 'dumbbell', dataset: 'jobs', spec: { ...CHANGE, type: 'dumbbell', highlight: 'Construction' } },
  { name: 'arrow', dataset: 'jobs', spec: { ...CHANGE, type: 'arrow', where: { industry: ['Finance', 'Construction', 'Government'] }, annotations: [{ value: 10, text: 'One in ten' }] } },
  { name: 'slope', dataset: 'jobs', spec: { ...CHANGE, type: 'slope', highlight: 'Construction' } },
  { name: 'scatter', dataset: 'health', spec: { ...SCATTER, highlight: ['Japan', 'Rwanda'] } },
  { name: 'scatter-sized', dataset: 'health', spec: { ...SCATTER, size: 'population', series: 'cluster' } },
  { name: 'line-log', dataset: 'stocks', spec: { data: 'prices.price', series: 'symbol', log: 'y', highlight: '2009-03' } },
  { name: 'barX-top', dataset: 'states', spec: { data: 'states.population', type: 'barX', x: 'state', top: 10 } },
  { name: 'dot-log', dataset: 'stocks', spec: { data: 'prices.price', type: 'dot', where: { symbol: 'AAPL' }, log: 'y' } },
  { name: 'scatter-log', dataset: 'health', spec: { data: 'countries.fertility', type: 'scatter', x: 'population', log: 'x' } },
  { name: 'choropleth', dataset: 'people', spec: { ...PEOPLE, type: 'choropleth', highlight: 'India' } },
  { name: 'symbolMap', dataset: 'people', spec: { ...PEOPLE, type: 'symbolMap', highlight: ['China', 'India'] } },
  { name: 'heatmap', dataset: 'jobs', spec: { ...RATE, type: 'heatmap', x: 'month', series: 'year', where: { industry: 'Construction', year: [2007, 2008, 2009, 2010] }, highlight: '2009' } },
  { name: 'locator', dataset: 'capitals', spec: { data: 'capitals.lat', type: 'locator', x: 'city', where: { state: ['Massachusetts', 'Connecticut', 'Rhode Island'] } } },
  { name: 'us-counties-choropleth', dataset: 'us-counties', spec: { data: 'counties.rate', type: 'choropleth' } },
  { name: 'us-states-choropleth', dataset: 'us-states', spec: { data: 'states.population', type: 'choropleth' } },
  { name: 'us-states-choropleth-quantile', dataset: 'us-states', spec: { data: 'states.population', type: 'choropleth', classes: 'quantile' } },
  { name: 'us-states-symbolMap', dataset: 'us-states', spec: { data: 'states.population', type: 'symbolMap', highlight: 'Puerto Rico' } },
  { name: 'locator-lines', dataset: 'flights', spec: { data: 'routes.flights', type: 'locator', x: 'city', series: 'route' } },
  { name: 'locator-areas', dataset: 'capitals', spec: { data: 'capitals.lat', type: 'locator', x: 'state', where: { state: ['Colorado', 'Utah'] } } },
  { name: 'us-airports-symbolMap', dataset: 'airports', spec: { data: 'airports.departures', type: 'symbolMap', x: 'city', map: 'us', lon: 'longitude', lat: 'latitude', highlight: 'Honolulu' } },
];

export interface CheckCase {
  name: string;
  dataset: 'jobs' | 'health' | 'people' | 'capitals' | 'us-states' | 'us-counties' | 'stocks' | 'flights' | 'states' | 'airports';
  /** The lines under `chart:` in a one-section story, indented two spaces. */
  chart: string;
  /** Edits to the copied dataset's files, by file name. */
  edits?: Record<string, (text: string) => string>;
}

const COUNTY_MAP = '  data: counties.rate\n  type: choropleth\n';
const AIRPORTS = '  data: airports.departures\n  type: symbolMap\n  x: city\n  map: us\n  lon: longitude\n  lat: latitude\n';

/** Charts `npm run check` must refuse, and one it should refuse (a field the kind ignores). */
export const CHECK_CASES: CheckCase[] = [
  { name: 'unknown type', dataset: 'jobs', chart: '  data: industries.rate\n  type: pie\n' },
  { name: 'log on bars', dataset: 'jobs', chart: '  data: industries.rate\n  type: bar\n  where: { industry: Finance }\n  log: y\n' },
  { name: 'regions on a line', dataset: 'jobs', chart: '  data: industries.rate\n  where: { industry: Finance }\n  regions: { Finance: [USA] }\n' },
  { name: 'log on small multiples', dataset: 'jobs', chart: '  data: industries.rate\n  facet: industry\n  where: { industry: [Finance, Construction] }\n  log: y\n' },
  { name: 'log with zero', dataset: 'jobs', chart: '  data: industries.rate\n  where: { industry: Finance }\n  zero: true\n  log: y\n' },
  { name: 'zero on a scatter', dataset: 'health', chart: '  data: countries.life_expect\n  type: scatter\n  x: fertility\n  zero: true\n' },
  { name: 'sort on a map', dataset: 'people', chart: '  data: countries.population_share\n  type: choropleth\n  x: country\n  regions: { "Hong Kong, China": [HKG] }\n  sort: value\n' },
  { name: 'size on a line', dataset: 'jobs', chart: '  data: industries.rate\n  where: { industry: Finance }\n  size: rate\n' },
  { name: 'stack on a line', dataset: 'jobs', chart: '  data: industries.rate\n  type: line\n  layout: stack\n  series: industry\n' },
  { name: 'group on an area', dataset: 'jobs', chart: '  data: industries.rate\n  type: area\n  layout: group\n  series: industry\n' },
  { name: 'facet on barX', dataset: 'jobs', chart: '  data: industries.rate\n  type: barX\n  facet: industry\n  from: 2010-02\n' },
  { name: 'facet misspelt', dataset: 'jobs', chart: '  data: industries.rate\n  facet: industy\n' },
  { name: 'slope with series', dataset: 'jobs', chart: '  data: industries.rate\n  type: slope\n  series: industry\n' },
  { name: 'dumbbell of one period', dataset: 'jobs', chart: '  data: industries.rate\n  type: dumbbell\n  from: 2003-04\n  to: 2003-04\n' },
  { name: 'scatter on a category', dataset: 'health', chart: '  data: countries.life_expect\n  type: scatter\n  x: country\n' },
  { name: 'scatter size misspelt', dataset: 'health', chart: '  data: countries.life_expect\n  type: scatter\n  x: fertility\n  size: populaton\n' },
  { name: 'map of several periods', dataset: 'jobs', chart: '  data: industries.rate\n  type: choropleth\n  x: industry\n  where: { industry: Finance }\n  regions: { Finance: [USA] }\n' },
  { name: 'map region misspelt', dataset: 'people', chart: '  data: countries.population_share\n  type: choropleth\n  x: country\n  regions:\n    "Hong Kong, China": [HKG]\n    Nordic: [Norway, Swedn, Finland]\n' },
  { name: 'partial on a locator', dataset: 'capitals', chart: '  data: capitals.lat\n  type: locator\n  x: state\n  partial: true\n' },
  { name: 'regions on a locator by coordinates', dataset: 'capitals', chart: '  data: capitals.lat\n  type: locator\n  x: city\n  regions: { New England: [USA] }\n' },
  { name: 'US counties keyed to Connecticut\'s 2022 planning regions', dataset: 'us-counties', chart: COUNTY_MAP, edits: { 'unemployment.csv': (csv) => csv.replace(/^09\d{3},.*\n/gm, '') + '09110,4.1\n09120,5.2\n09130,3.9\n' } },
  { name: 'US county codes that lost their leading zero', dataset: 'us-counties', chart: COUNTY_MAP, edits: { 'unemployment.csv': (csv) => csv.replace('01001,', '1001,').replace('06037,', '6037,') } },
  { name: 'US county map missing half its counties', dataset: 'us-counties', chart: COUNTY_MAP, edits: { 'unemployment.csv': (csv) => csv.split('\n').filter((line, i) => i % 2 === 0 || line === '').join('\n') } },
  { name: 'US state name misspelt', dataset: 'us-states', chart: '  data: states.population\n  type: choropleth\n', edits: { 'population.csv': (csv) => csv.replace('Pennsylvania', 'Pensylvania') } },
  { name: 'lines on a locator of areas', dataset: 'us-states', chart: '  data: states.population\n  type: locator\n  series: state\n  where: { state: Texas }\n' },
  { name: 'heatmap over time', dataset: 'jobs', chart: '  data: industries.rate\n  type: heatmap\n  where: { industry: Finance }\n' },
  { name: 'US symbol map: a point outside the map', dataset: 'airports', chart: AIRPORTS, edits: { 'airports.csv': (csv) => `${csv}LHR,London Heathrow,London,NA,-0.4543,51.47,1000\n` } },
  { name: 'US symbol map: a longitude that is not a number', dataset: 'airports', chart: AIRPORTS, edits: { 'airports.csv': (csv) => csv.replace('-84.4269', 'W84.4269') } },
  { name: 'US symbol map: a point without its latitude', dataset: 'airports', chart: AIRPORTS, edits: { 'airports.csv': (csv) => csv.replace(',33.6404,', ',,') } },
  { name: 'US symbol map: a point off the globe', dataset: 'airports', chart: AIRPORTS, edits: { 'airports.csv': (csv) => csv.replace('-84.4269,33.6404', '33.6404,-184.4269') } },
  { name: 'symbol map: lon: misspelt', dataset: 'airports', chart: '  data: airports.departures\n  type: symbolMap\n  x: city\n  map: us\n  lon: longtude\n  lat: latitude\n' },
  { name: 'symbol map: lon: a column of text', dataset: 'airports', chart: '  data: airports.departures\n  type: symbolMap\n  x: city\n  map: us\n  lon: state\n  lat: latitude\n' },
  { name: 'symbol map: lon: without lat:', dataset: 'us-states', chart: '  data: states.population\n  type: symbolMap\n  lon: population\n' },
  { name: 'symbol map: map: us on countries', dataset: 'people', chart: '  data: countries.population_share\n  type: symbolMap\n  x: country\n  regions: { "Hong Kong, China": [HKG] }\n  map: us\n' },
  { name: 'symbol map: map: world on US states', dataset: 'us-states', chart: '  data: states.population\n  type: symbolMap\n  map: world\n' },
  { name: 'annotation nowhere', dataset: 'jobs', chart: '  data: industries.rate\n  where: { industry: Finance }\n  annotations:\n    - { text: "Nowhere" }\n' },
];
