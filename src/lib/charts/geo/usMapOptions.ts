/**
 * US maps with Plot's geo marks, drawn at build time: a choropleth of
 * states or counties (the places of each colour class merged into one
 * shape, places without data hatched, state borders on top) or a symbol
 * map (a circle per place, its area in proportion to the value, the
 * largest few named). The projection is Albers USA with Alaska, Hawaii,
 * Puerto Rico and the smaller territories as insets
 * (geoAlbersUsaTerritories, d3-composite-projections).
 */
import * as Plot from '@observablehq/plot';
import { geoCentroid, geoPath, type GeoProjection } from 'd3-geo';
import geoAlbersUsaTerritories from 'd3-composite-projections/src/albersUsaTerritories.js';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import { formatShort } from '../../format.ts';
import type { ChartData, Datum, Size } from '../model.ts';
import { ACCENT, PRIMARY } from '../palette.ts';
import { mapClasses, colourKey, KEY_HEIGHT, NO_DATA, sharedShapes, withId } from './mapOptions.ts';
import { alwaysDrawn, US_TOPOLOGY, usIndex, type UsPlaceSet } from './usAtlas.ts';
import { mergedUsShape, stateBorders } from './usShapes.ts';

/** Places named on a symbol map: the largest this many. */
const NAMED = 5;
const SHARED = ['land', 'places', 'borders'] as const;

export function usMapOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  const set = chart.table.places![chart.x] as UsPlaceSet;
  const choropleth = chart.kind.shades === true;
  const idOf = (d: Datum) => chart.places?.get(String(d.x))?.[0];
  const drawn = chart.data.filter((d) => d.y !== null && idOf(d) !== undefined);
  const withData = new Set(drawn.map((d) => idOf(d)!));
  // The 50 states, DC and Puerto Rico always; the smaller territories when the data has them.
  const shown = usIndex(set).places.filter((p) => alwaysDrawn(p) || withData.has(p.id));
  const states = new Set(shown.map((p) => p.state));
  const frame = usFrame(choropleth, size);
  const projection = fittedUsProjection(frame);
  const marks: Plot.Markish[] = [patternDefs()];
  const source = shapesFrom ?? size;

  if (shapesFrom) marks.push(sharedShapes(fittedUsProjection(usFrame(choropleth, shapesFrom)), projection, choropleth ? SHARED : ['land', 'borders']));
  if (choropleth) {
    const classes = mapClasses(chart, drawn.map((d) => d.y!));
    if (!shapesFrom) {
      const byColour = new Map<string, string[]>();
      for (const d of drawn) byColour.set(classes.colour(d.y!), [...(byColour.get(classes.colour(d.y!)) ?? []), idOf(d)!]);
      const missing = shown.filter((p) => !withData.has(p.id)).map((p) => p.id);
      const classShapes = [...byColour].map(([colour, ids]) => ({ ...mergedUsShape(set, source.width, ids), colour }));
      marks.push(
        Plot.geo([mergedUsShape(set, source.width, missing)], { fill: 'url(#nodata)', stroke: 'currentColor', strokeOpacity: 0.3, strokeWidth: 0.5, render: withId('land', true) } as Plot.GeoOptions),
        Plot.geo(classShapes, { fill: (f: { colour: string }) => f.colour, render: withId('places') } as Plot.GeoOptions),
      );
    }
    marks.push(colourKey(classes, chart, frame, missingCount(shown, withData) ? NO_DATA : undefined));
  } else if (!shapesFrom) {
    marks.push(Plot.geo([mergedUsShape('us-states', source.width, states)], { fill: 'currentColor', fillOpacity: 0.1, render: withId('land') } as Plot.GeoOptions));
  }
  if (!shapesFrom) {
    marks.push(Plot.geo([stateBorders(source.width, states)], { stroke: 'var(--page)', strokeWidth: set === 'us-counties' && choropleth ? 0.75 : 0.5, render: withId('borders', true) } as Plot.GeoOptions));
  }
  if (!choropleth) marks.push(...circles(chart, drawn, idOf, projection, size.width));
  return { ...frame, projection, style: undefined, marks } as unknown as Plot.PlotOptions;
}

function missingCount(shown: { id: string }[], withData: Set<string>): number {
  return shown.filter((p) => !withData.has(p.id)).length;
}

/** The drawing's frame: the US about 1.6 times as wide as it is tall, under the key of a choropleth. */
function usFrame(choropleth: boolean, size: Size) {
  const marginTop = choropleth ? KEY_HEIGHT : 8;
  const mapHeight = Math.round(size.width * 0.62);
  return { width: size.width, height: mapHeight + marginTop + 4, marginTop, marginRight: 4, marginBottom: 4, marginLeft: 4 };
}

let unitBounds: [[number, number], [number, number]] | undefined;

/**
 * Albers USA with its insets, fitted to every state and territory: at any
 * size, the same map scaled and moved. The nation's bounds (the states'
 * outer edge) at scale 150 are measured once: streaming every state's full
 * outline took a second per drawing. The fit for a frame is then the
 * arithmetic of d3's fitExtent.
 */
function fittedUsProjection(frame: ReturnType<typeof usFrame>): GeoProjection {
  unitBounds ??= geoPath(geoAlbersUsaTerritories().scale(150).translate([0, 0])).bounds(feature(US_TOPOLOGY as never, US_TOPOLOGY.objects.nation as never) as unknown as FeatureCollection);
  const [[x0, y0], [x1, y1]] = unitBounds;
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = frame;
  const w = width - marginRight - marginLeft;
  const h = height - marginBottom - marginTop;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  return geoAlbersUsaTerritories().scale(k * 150).translate([marginLeft + (w - k * (x1 + x0)) / 2, marginTop + (h - k * (y1 + y0)) / 2]);
}

/** The hatching of places without data: thin diagonal lines in the text colour on a grey ground. */
function patternDefs(): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = doc.createElementNS(ns, 'defs');
    const pattern = doc.createElementNS(ns, 'pattern');
    for (const [name, value] of [['id', 'nodata'], ['width', '4'], ['height', '4'], ['patternUnits', 'userSpaceOnUse'], ['patternTransform', 'rotate(45)']]) pattern.setAttribute(name, value);
    // A grey ground under the lines: on a dark page, lines alone read as a hole in the map.
    const ground = doc.createElementNS(ns, 'rect');
    for (const [name, value] of [['width', '4'], ['height', '4'], ['fill', 'currentColor'], ['fill-opacity', '0.12']]) ground.setAttribute(name, value);
    const line = doc.createElementNS(ns, 'path');
    for (const [name, value] of [['d', 'M0 0V4'], ['stroke', 'currentColor'], ['stroke-opacity', '0.45'], ['stroke-width', '1']]) line.setAttribute(name, value);
    pattern.append(ground, line);
    defs.append(pattern);
    return defs as unknown as SVGElement;
  };
}

/** A circle per place at its centre, area in proportion to the value; the largest few named. */
function circles(chart: ChartData, drawn: Datum[], idOf: (d: Datum) => string | undefined, projection: GeoProjection, width: number): Plot.Markish[] {
  const narrow = width < 480;
  const set = chart.table.places![chart.x] as UsPlaceSet;
  const spots = drawn
    .map((d) => {
      const id = idOf(d)!;
      const [lon, lat] = geoCentroid(mergedUsShape(set, width, [id]));
      return { ...d, lon, lat, name: usIndex(set).byId.get(id)!.name };
    })
    .filter((d) => Number.isFinite(d.lon) && projection([d.lon, d.lat]) !== null)
    .sort((a, b) => b.y! - a.y!);
  const max = spots[0]?.y ?? 1;
  const rMax = narrow ? 14 : 24;
  const radius = (v: number) => rMax * Math.sqrt(v / max);
  const named = chart.spec.values === 'none' ? [] : spots.slice(0, chart.spec.values === 'all' ? spots.length : NAMED);
  const text = (d: (typeof spots)[number]) => `${d.name.split(',')[0]} ${formatShort(d.y!, chart.unit, undefined, chart.locale)}`;
  return [
    Plot.dot(spots, { x: 'lon', y: 'lat', r: (d: Datum) => radius(d.y!), fill: (d: Datum) => (d.highlight ? ACCENT : PRIMARY), fillOpacity: 0.5, stroke: (d: Datum) => (d.highlight ? ACCENT : PRIMARY), strokeWidth: 0.75 } as Plot.DotOptions),
    // A name goes right of its circle, or left of it in the map's right quarter.
    ...named.map((d) => Plot.text([d], { x: 'lon', y: 'lat', text, ...beside(d, projection, radius(d.y!), width), fontSize: 11, fontWeight: 'bold', fill: 'currentColor', className: 'halo' } as Plot.TextOptions)),
  ];
}

function beside(d: { lon: number; lat: number }, projection: GeoProjection, r: number, width: number): { dx: number; textAnchor: string } {
  const x = projection([d.lon, d.lat])?.[0] ?? 0;
  const gap = Math.ceil(r) + 3;
  return x > width * 0.75 ? { dx: -gap, textAnchor: 'end' } : { dx: gap, textAnchor: 'start' };
}
