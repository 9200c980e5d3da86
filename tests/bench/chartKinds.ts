/**
 * The size of each chart kind's SVG, gzipped, at both widths, drawn from
 * the chart fixtures (tests/fixtures/charts): the bench checks them against
 * the budgets of each kind. `node tests/bench/chartKinds.ts` prints them alone.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts', import.meta.url));

/** Budgets by kind, gzip bytes: a world map 15 KB, small multiples of 12 panels 12 KB, any other chart 5 KB. */
export const KIND_BUDGET = { map: 15 * 1024, multiples: 12 * 1024, chart: 5 * 1024 };

const TWELVE = ['Agriculture', 'Business services', 'Construction', 'Education and Health', 'Finance', 'Government', 'Information', 'Leisure and hospitality', 'Manufacturing', 'Mining and Extraction', 'Other', 'Self-employed'];

const KINDS: { name: string; budget: keyof typeof KIND_BUDGET; dataset: string; spec: Record<string, unknown> }[] = [
  { name: 'world choropleth, 62 countries', budget: 'map', dataset: 'people', spec: { data: 'countries.population_share', type: 'choropleth', x: 'country', regions: { 'Hong Kong, China': ['HKG'] } } },
  { name: 'world symbol map, 62 countries', budget: 'map', dataset: 'people', spec: { data: 'countries.population_share', type: 'symbolMap', x: 'country', highlight: ['China', 'India'], regions: { 'Hong Kong, China': ['HKG'] } } },
  { name: 'line, 14 series labelled, one highlighted', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', series: 'industry', highlight: 'Construction', from: '2007-01' } },
  { name: 'bar with reference line, span, event', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'bar', where: { industry: 'Construction' }, from: '2007-01', highlight: '2009-06', annotations: [{ value: 20, text: 'One in five' }, { from: '2007-12', to: '2009-06', text: 'Recession' }, { event: '2008-09', text: 'Lehman collapses' }] } },
  { name: 'dumbbell, 14 industries, one highlighted', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'dumbbell', from: '2000-01', to: '2010-02', highlight: 'Construction' } },
  { name: 'arrow, 14 industries, one highlighted', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'arrow', from: '2000-01', to: '2010-02', highlight: 'Construction' } },
  { name: 'slope, 14 industries labelled at both ends', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'slope', from: '2000-01', to: '2010-02', highlight: 'Construction' } },
  { name: 'stacked bars, 4 series over 38 months', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'bar', layout: 'stack', series: 'industry', where: { industry: TWELVE.slice(2, 6) }, from: '2007-01', highlight: 'Construction' } },
  { name: 'stacked areas, 5 series over 38 months', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'area', layout: 'stack', series: 'industry', where: { industry: TWELVE.slice(2, 7) }, from: '2007-01' } },
  { name: 'grouped bars, 5 series over 6 months', budget: 'chart', dataset: 'jobs', spec: { data: 'industries.rate', type: 'bar', layout: 'group', series: 'industry', where: { industry: TWELVE.slice(2, 7) }, from: '2009-09' } },
  { name: 'small multiples, 12 panels of 122 months', budget: 'multiples', dataset: 'jobs', spec: { data: 'industries.rate', facet: 'industry', where: { industry: TWELVE }, highlight: 'Construction' } },
  { name: 'scatter, sized, log x', budget: 'chart', dataset: 'health', spec: { data: 'countries.life_expect', type: 'scatter', x: 'population', size: 'population', log: 'x', highlight: ['Japan', 'Rwanda'] } },
];

export interface KindSize {
  name: string;
  budget: number;
  narrow: number;
  wide: number;
}

export function chartKindSizes(): KindSize[] {
  return KINDS.map(({ name, budget, dataset, spec }) => {
    const problems = new Problems();
    const loaded = loadDataset(join(FIXTURES), dataset, problems);
    if (!loaded || problems.size) throw new Error(`chart fixture ${dataset} does not load`);
    const result = chartData(loaded, chartSchema.parse({ title: name, ...spec }));
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
    const size = (s: (typeof SIZES)[keyof typeof SIZES]) => gzipSync(renderChart(plotOptions(result.chart, s), 'bench')).length;
    return { name, budget: KIND_BUDGET[budget], narrow: size(SIZES.narrow), wide: size(SIZES.wide) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const k of chartKindSizes()) console.log(`${k.name}: ${(k.narrow / 1024).toFixed(1)} KB phone, ${(k.wide / 1024).toFixed(1)} KB desktop (budget ${(k.budget / 1024).toFixed(0)} KB)`);
}
