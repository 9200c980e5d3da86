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
import { geoPath, type GeoProjection } from 'd3-geo';
import geoAlbersUsaTerritories from 'd3-composite-projections/src/albersUsaTerritories.js';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import { formatShort } from '../../format.ts';
import type { ChartData, Datum, Size } from '../model.ts';
import { ACCENT, PRIMARY } from '../palette.ts';
import { mapClasses, colourKey, KEY_HEIGHT, NO_DATA, sharedShapes, withId } from './mapOptions.ts';
import { alwaysDrawn, US_TOPOLOGY, usIndex, type UsPlaceSet } from './usAtlas.ts';
import { mergedUsShape, stateBorders } from './usShapes.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';
import { territoriesNear, usSpots, type UsSpot } from './usPoints.ts';
import { mapLabelMark, placeMapLabels } from './mapLabels.ts';
import { keyHeight, sizeKey } from './sizeKey.ts';

/** Places named on a symbol map: the largest this many. */
const NAMED = 5;
const SHARED = ['land', 'places', 'borders'] as const;

export function usMapOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  const set = chart.table.places?.[chart.x] as UsPlaceSet | undefined;
  const choropleth = chart.kind.shades === true;
  const idOf = (d: Datum) => chart.places?.get(String(d.x))?.[0];
  const columns = coordinateColumns(chart.table, chart.spec, chart.kind);
  const drawn = chart.data.filter((d) => d.y !== null && (idOf(d) !== undefined || pointOf(d, columns) !== undefined));
  const withData = new Set(drawn.map((d) => idOf(d)).filter((id) => id !== undefined));
  const frame = usFrame(choropleth, size);
  const projection = fittedUsProjection(frame);
  const spots = choropleth ? [] : usSpots(chart, drawn, projection, size.width);
  // The 50 states, DC and Puerto Rico always; the smaller territories when the data has them.
  const shown = set ? usIndex(set).places.filter((p) => alwaysDrawn(p) || withData.has(p.id)) : [...usIndex('us-states').places.filter(alwaysDrawn), ...territoriesNear(spots)];
  const states = new Set(shown.map((p) => p.state));
  const marks: Plot.Markish[] = [patternDefs()];
  const source = shapesFrom ?? size;

  if (shapesFrom) marks.push(sharedShapes(fittedUsProjection(usFrame(choropleth, shapesFrom)), projection, choropleth ? SHARED : ['land', 'borders']));
  if (choropleth && set) {
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
  if (!choropleth) marks.push(...circles(chart, spots, frame));
  return { ...frame, projection, style: undefined, marks } as unknown as Plot.PlotOptions;
}

function missingCount(shown: { id: string }[], withData: Set<string>): number {
  return shown.filter((p) => !withData.has(p.id)).length;
}

/** The drawing's frame: the US about 1.6 times as wide as it is tall, under the key of its colours or circle sizes. */
function usFrame(choropleth: boolean, size: Size) {
  const marginTop = choropleth ? KEY_HEIGHT : keyHeight(rMaxOf(size.width));
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

/** The largest circle's radius at a width. */
const rMaxOf = (width: number) => (width < 480 ? 14 : 24);

/**
 * A circle per place, its area in proportion to the value (the largest
 * `rMax` pixels round), largest drawn first so that small ones stay on
 * top; the largest few named, clear of each other, and the key of sizes.
 */
function circles(chart: ChartData, spots: UsSpot[], frame: ReturnType<typeof usFrame>): Plot.Markish[] {
  const narrow = frame.width < 480;
  const max = spots[0]?.d.y ?? 1;
  const rMax = rMaxOf(frame.width);
  const radius = (v: number) => rMax * Math.sqrt(Math.max(v, 0) / max);
  const named = chart.spec.values === 'none' ? [] : chart.spec.values === 'all' ? spots : [...spots.filter((s) => s.d.highlight), ...spots.slice(0, NAMED).filter((s) => !s.d.highlight)];
  const size = narrow ? 10 : 11;
  const placed = placeMapLabels(
    named.map((s) => ({ text: `${s.name} ${formatShort(s.d.y!, chart.unit, undefined, chart.locale)}`, x: s.px, y: s.py, radius: radius(s.d.y!) })),
    { width: frame.width, height: frame.height, size, taken: [{ x: 0, y: 0, width: frame.width, height: frame.marginTop }] },
  );
  const dots: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('fill-opacity', '0.5');
    g.setAttribute('stroke-width', '0.75');
    for (const s of spots) {
      const circle = doc.createElementNS(ns, 'circle');
      const colour = s.d.highlight ? ACCENT : PRIMARY;
      for (const [name, value] of [['cx', round(s.px)], ['cy', round(s.py)], ['r', round(Math.max(radius(s.d.y!), 1))], ['fill', colour], ['stroke', colour]] as const) circle.setAttribute(name, String(value));
      g.append(circle);
    }
    return g as unknown as SVGElement;
  };
  return [dots, mapLabelMark(placed, size), sizeKey(max, radius, chart.unit, chart.locale, frame.marginLeft, rMax)];
}

const round = (v: number) => Math.round(v * 10) / 10;
