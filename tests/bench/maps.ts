/**
 * The maps a newsroom draws every week, drawn from the chart fixtures as a
 * page carries them: the desktop and phone drawings of one figure (the
 * phone one showing the desktop one's shapes), gzipped together, against
 * their budgets; and the time each takes to resolve and draw, from cold
 * (shapes simplified for the first time) and again (shapes cached).
 * `node tests/bench/maps.ts` prints them alone.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/charts', import.meta.url));

const MAPS: { name: string; budget: number; dataset: string; spec: Record<string, unknown> }[] = [
  { name: 'US county choropleth, 3,212 counties', budget: 40 * 1024, dataset: 'us-counties', spec: { data: 'counties.rate', type: 'choropleth' } },
  { name: 'US county choropleth, quantile classes', budget: 40 * 1024, dataset: 'us-counties', spec: { data: 'counties.rate', type: 'choropleth', classes: 'quantile' } },
  { name: 'US state choropleth, 52 states', budget: 12 * 1024, dataset: 'us-states', spec: { data: 'states.population', type: 'choropleth' } },
  { name: 'US state symbol map, 52 states', budget: 12 * 1024, dataset: 'us-states', spec: { data: 'states.population', type: 'symbolMap' } },
  { name: 'US symbol map by coordinates, 303 airports', budget: 16 * 1024, dataset: 'airports', spec: { data: 'airports.departures', type: 'symbolMap', x: 'city', map: 'us' } },
  { name: 'locator, 6 New England capitals', budget: 20 * 1024, dataset: 'capitals', spec: { data: 'capitals.lat', type: 'locator', x: 'city', where: { state: ['Massachusetts', 'Connecticut', 'Rhode Island', 'Vermont', 'New Hampshire', 'Maine'] } } },
  { name: 'locator with lines, 5 routes from Seattle', budget: 20 * 1024, dataset: 'flights', spec: { data: 'routes.flights', type: 'locator', x: 'city', series: 'route' } },
];

export interface MapFigure {
  name: string;
  budget: number;
  /** Both drawings of the figure, gzipped together. */
  bytes: number;
  coldMs: number;
  warmMs: number;
}

export function mapFigures(): MapFigure[] {
  return MAPS.map(({ name, budget, dataset, spec }, i) => {
    const problems = new Problems();
    const loaded = loadDataset(join(FIXTURES), dataset, problems);
    if (!loaded || problems.size) throw new Error(`chart fixture ${dataset} does not load`);
    const draw = (title: string) => {
      const began = performance.now();
      const result = chartData(loaded, chartSchema.parse({ title, ...spec }));
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
      const figure = makeFigure(`m${i}`, result.chart, 'bench');
      return { figure, ms: performance.now() - began };
    };
    const cold = draw(name);
    // Another title is another drawing: the shapes are cached, the SVG is drawn again.
    const warm = draw(`${name}, again`);
    return { name, budget, bytes: gzipSync(cold.figure.svg.wide + cold.figure.svg.narrow).length, coldMs: cold.ms, warmMs: warm.ms };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const m of mapFigures()) console.log(`${m.name}: ${(m.bytes / 1024).toFixed(1)} KB gzip at both widths (budget ${(m.budget / 1024).toFixed(0)} KB); drawn in ${m.coldMs.toFixed(0)} ms cold, ${m.warmMs.toFixed(0)} ms again`);
}
