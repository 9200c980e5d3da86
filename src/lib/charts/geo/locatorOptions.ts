/**
 * A locator map: where a handful of places are. Each row of the chart is
 * a place, put on the map by its table's longitude and latitude columns
 * (`lon`/`lat` or `longitude`/`latitude`), or, when its column declares
 * `places:`, drawn as the country, state or county it names; with
 * `series:`, the rows of each value are joined into a line
 * (locatorLines.ts), whose ends are marked. The frame
 * is fitted to the places with room around them; the basemap is Natural
 * Earth's countries at the scale the frame needs (1:110m for a
 * continent, 1:50m for a region: 1:10m would take half a minute to
 * simplify at each build),
 * clipped to the frame and simplified to its pixels. A small globe in a
 * corner shows where the frame is, names are placed clear of each other
 * and of the corners, and a scale bar gives the distance. All SVG.
 */
import * as Plot from '@observablehq/plot';
import { geoDistance, geoInterpolate, geoMercator, geoOrthographic, geoPath, geoCentroid, geoBounds, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import world110 from 'world-atlas/countries-110m.json' with { type: 'json' };
import world50 from 'world-atlas/countries-50m.json' with { type: 'json' };
import type { Topology, GeometryCollection } from 'topojson-specification';
import { formatShort } from '../../format.ts';
import type { ChartData, Datum, Size } from '../model.ts';
import { ACCENT } from '../palette.ts';
import { simplifiedTopology } from './shapes.ts';
import { countryShapes } from './shapes.ts';
import { isUsPlaceSet } from './usAtlas.ts';
import { mergedUsShape } from './usShapes.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';
import { mapLabelMark, placeMapLabels, type Box, type Segment, type WantedLabel } from './mapLabels.ts';
import { locatorTracks, trackEnds, trackMark, type Track } from './locatorLines.ts';

type World = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

/** Credit printed under every locator map. */
export const LOCATOR_NOTE = 'Basemap: Natural Earth (public domain), via world-atlas.';


/** Natural Earth scales by the frame's span in degrees of latitude. */
const SCALES: { span: number; name: string; topology: World }[] = [
  { span: 40, name: '1:50m', topology: world50 as unknown as World },
  { span: Infinity, name: '1:110m', topology: world110 as unknown as World },
];
const simplified = new Map<string, Map<number, World>>();

/** A place on a locator map: where its mark goes, and the shape it names, if any. */
export interface Spot {
  d: Datum;
  lon: number;
  lat: number;
  area?: Feature<Geometry>;
}

/**
 * Each drawn row's place: its coordinates, or the centre of the shape its
 * column names. On a map of lines (`series:`), only the lines' ends.
 */
export function locatorSpots(chart: ChartData, tracks: Track[] = locatorTracks(chart)): Spot[] {
  const columns = coordinateColumns(chart.table, chart.spec);
  const set = chart.table.places?.[chart.x];
  const spots: Spot[] = [];
  const seen = new Set<string>();
  const rows = tracks.length ? trackEnds(tracks).map((s) => s.d) : chart.data;
  for (const d of rows) {
    const name = String(d.x);
    if (seen.has(name)) continue;
    seen.add(name);
    const ids = chart.places?.get(name) ?? [];
    const area = ids.length === 0 ? undefined : isUsPlaceSet(set) ? mergedUsShape(set, 2000, ids) : worldArea(ids);
    const point = pointOf(d, columns);
    if (point) spots.push({ d, lon: point[0], lat: point[1], area });
    else if (area) {
      const [cx, cy] = geoCentroid(area);
      spots.push({ d, lon: cx, lat: cy, area });
    }
  }
  return spots;
}

function worldArea(ids: string[]): Feature<Geometry> | undefined {
  const shapes = countryShapes(2000);
  const features = ids.map((id) => shapes.get(id)).filter((f) => f !== undefined);
  if (features.length === 0) return undefined;
  return { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: features.map((f) => f.geometry) } };
}

/** The frame around the places and lines: their bounds with a third more on each side, at least 3° tall. */
export function locatorBounds(spots: Spot[], tracks: Track[] = []): [[number, number], [number, number]] {
  const points = [...spots.flatMap((s) => (s.area ? geoBounds(s.area) : [[s.lon, s.lat] as [number, number]])), ...tracks.flatMap((t) => t.stops.map((s) => [s.lon, s.lat] as [number, number]))];
  let [west, south, east, north] = [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
  const padLat = Math.max((north - south) / 3, 1.5);
  const padLon = Math.max((east - west) / 3, 1.5 / Math.cos((((north + south) / 2) * Math.PI) / 180));
  [west, east, south, north] = [west - padLon, east + padLon, Math.max(-80, south - padLat), Math.min(84, north + padLat)];
  return [[west, south], [east, north]];
}

export function locatorOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const tracks = locatorTracks(chart);
  const spots = locatorSpots(chart, tracks);
  const height = Math.round(size.width * (narrow ? 0.8 : 0.62));
  const frame = { width: size.width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0 };
  const [[west, south], [east, north]] = locatorBounds(spots, tracks);
  const box: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south]] } };
  const projection = geoMercator().fitExtent([[0, 0], [size.width, height]], box).clipExtent([[0, 0], [size.width, height]]);
  const scale = SCALES.find((s) => north - south <= s.span)!;
  const basemap = basemapAt(scale, projection);
  const areas = spots.filter((s) => s.area).map((s) => s.area!);
  const marks: Plot.Markish[] = [
    Plot.geo([basemap.land], { fill: 'currentColor', fillOpacity: 0.08 } as Plot.GeoOptions),
    Plot.geo([basemap.borders], { stroke: 'currentColor', strokeOpacity: 0.3, strokeWidth: 0.6 } as Plot.GeoOptions),
  ];
  if (areas.length) marks.push(Plot.geo(areas, { fill: ACCENT, fillOpacity: 0.25, stroke: ACCENT, strokeWidth: 1 } as Plot.GeoOptions));
  if (tracks.length) marks.push(trackMark(tracks, narrow));
  const points = spots.filter((s) => !s.area);
  marks.push(
    Plot.dot(points, { x: 'lon', y: 'lat', r: 3.5, fill: ACCENT, stroke: 'var(--page)', strokeWidth: 1 } as Plot.DotOptions),
    placedLabels(chart, spots, tracks, projection, size.width, height, narrow),
    scaleBar(projection, size.width, height),
    insetGlobe([[west, south], [east, north]], size.width, narrow),
  );
  return { ...frame, projection, style: undefined, marks } as unknown as Plot.PlotOptions;
}

/** The countries' land and borders at `scale`, simplified to the projection's pixels. */
function basemapAt(scale: (typeof SCALES)[number], projection: GeoProjection): { land: Feature<Geometry>; borders: Feature<Geometry> } {
  // Pixels per degree at the frame's middle, rounded so that near-equal frames share a simplification.
  const pixelsPerDegree = 2 ** Math.round(Math.log2((projection.scale() * Math.PI) / 180));
  const cache = simplified.get(scale.name) ?? new Map<number, World>();
  simplified.set(scale.name, cache);
  const topology = simplifiedTopology(scale.topology, cache, pixelsPerDegree, 1 / (pixelsPerDegree * pixelsPerDegree));
  const countries = feature(topology as never, topology.objects.countries as never) as unknown as FeatureCollection;
  return {
    land: { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: countries.features.map((f) => f.geometry) } },
    borders: { type: 'Feature', properties: {}, geometry: mesh(topology as never, topology.objects.countries as never, (a, b) => a !== b) },
  };
}

/**
 * Names beside their marks, placed clear of each other, of the other
 * marks, of the corners the scale bar and globe take and of the lines
 * (mapLabels.ts): right, left, above, below, then the corners. A name
 * that fits nowhere is left off the drawing (the description and table
 * still have it).
 */
function placedLabels(chart: ChartData, spots: Spot[], tracks: Track[], projection: GeoProjection, width: number, height: number, narrow: boolean): Plot.RenderFunction {
  const size = narrow ? 10 : 12;
  const inset = insetSize(narrow);
  const taken: Box[] = [{ x: 0, y: height - 28, width: 130, height: 28 }, { x: width - inset - 8, y: 0, width: inset + 8, height: inset + 8 }];
  const withValues = chart.spec.values === 'all';
  const wanted: WantedLabel[] = [];
  for (const s of spots) {
    const point = projection([s.lon, s.lat]);
    if (!point || !Number.isFinite(point[0])) continue;
    taken.push({ x: point[0] - 4, y: point[1] - 4, width: 8, height: 8 });
    const text = withValues && s.d.y !== null ? `${s.d.label} ${formatShort(s.d.y, chart.unit, undefined, chart.locale)}` : s.d.label;
    wanted.push({ text, x: point[0], y: point[1], radius: 3 });
  }
  return mapLabelMark(placeMapLabels(wanted, { width, height, size, taken, lines: trackSegments(tracks, projection) }), size);
}

/** The lines as straight pieces in pixels: each leg along its great circle, in sixteen steps. */
function trackSegments(tracks: Track[], projection: GeoProjection): Segment[] {
  const segments: Segment[] = [];
  for (const t of tracks) {
    for (let i = 1; i < t.stops.length; i++) {
      const along = geoInterpolate([t.stops[i - 1].lon, t.stops[i - 1].lat], [t.stops[i].lon, t.stops[i].lat]);
      const points = Array.from({ length: 17 }, (_, k) => projection(along(k / 16)));
      for (let k = 1; k < points.length; k++) {
        const [p, q] = [points[k - 1], points[k]];
        if (p && q) segments.push([p, q]);
      }
    }
  }
  return segments;
}

/** A bar of a round number of kilometres, about a fifth of the frame wide, in the bottom-left corner. */
function scaleBar(projection: GeoProjection, width: number, height: number): Plot.RenderFunction {
  const y = height - 12;
  const [a, b] = [projection.invert!([12, y - 10]), projection.invert!([12 + width / 5, y - 10])];
  const km = (geoDistance(a!, b!) * 6371) / (width / 5);
  const target = (width / 5) * km;
  const nice = [1, 10, 100, 1000, 10000].flatMap((p) => [1, 2, 5].map((m) => m * p)).filter((n) => n <= target).at(-1) ?? 1;
  const length = nice / km;
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const path = doc.createElementNS(ns, 'path');
    path.setAttribute('d', `M12,${y - 4}V${y}H${(12 + length).toFixed(1)}V${y - 4}`);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    const label = doc.createElementNS(ns, 'text');
    for (const [name, value] of [['x', 12], ['y', y - 7], ['text-anchor', 'start']] as const) label.setAttribute(name, String(value));
    label.textContent = `${nice.toLocaleString('en')} km`;
    g.append(path, label);
    return g as unknown as SVGElement;
  };
}

const insetSize = (narrow: boolean) => (narrow ? 52 : 72);

/** A small globe centred on the frame, the frame outlined on it, in the top-right corner. */
function insetGlobe(bounds: [[number, number], [number, number]], width: number, narrow: boolean): Plot.RenderFunction {
  const diameter = insetSize(narrow);
  const [[west, south], [east, north]] = bounds;
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const globe = geoOrthographic().rotate([-centre[0], -centre[1]]).scale(diameter / 2).translate([width - diameter / 2 - 4, diameter / 2 + 4]).clipAngle(90);
  const path = geoPath(globe);
  const land = feature(world110 as never, (world110 as unknown as World).objects.land as never) as unknown as FeatureCollection;
  const ring: [number, number][] = [];
  for (let k = 0; k <= 8; k++) ring.push([west + ((east - west) * k) / 8, south]);
  for (let k = 0; k <= 8; k++) ring.push([east, south + ((north - south) * k) / 8]);
  for (let k = 0; k <= 8; k++) ring.push([east - ((east - west) * k) / 8, north]);
  for (let k = 0; k <= 8; k++) ring.push([west, north - ((north - south) * k) / 8]);
  const frame = { type: 'LineString' as const, coordinates: ring };
  const round = (d: string | null) => (d ?? '').replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 2) / 2));
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const shapes: [string, Record<string, string>][] = [
      [round(path({ type: 'Sphere' })), { fill: 'var(--page)', stroke: 'currentColor', 'stroke-opacity': '0.5' }],
      [round(path(land)), { fill: 'currentColor', 'fill-opacity': '0.25' }],
      [round(path(frame)), { fill: 'none', stroke: ACCENT, 'stroke-width': '1.5' }],
    ];
    for (const [d, attributes] of shapes) {
      if (!d) continue;
      const p = doc.createElementNS(ns, 'path');
      p.setAttribute('d', d);
      for (const [name, value] of Object.entries(attributes)) p.setAttribute(name, value);
      g.append(p);
    }
    return g as unknown as SVGElement;
  };
}
