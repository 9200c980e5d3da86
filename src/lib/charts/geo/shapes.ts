/**
 * Country shapes simplified to what a drawing `width` pixels wide can
 * show: arcs lose the points whose triangle with their neighbours covers
 * less than two pixels (Visvalingam's method, topojson-simplify), so
 * that no detail finer than the pixels is shipped. No country is dropped,
 * however small: a country with data is always drawn. Shared borders stay
 * shared, so simplified neighbours still meet.
 */
import { feature, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { atlasIndex, TOPOLOGY } from './atlas.ts';

const cache = new Map<number, Map<string, Feature<Geometry, { name: string }>>>();
const topologies = new Map<number, typeof TOPOLOGY>();

/** The atlas with its arcs simplified for `width`. */
function simplifiedAt(width: number): typeof TOPOLOGY {
  return simplifiedTopology(TOPOLOGY, topologies, width, minWeight(width));
}

/** `topology` with its arcs simplified to `weight` (square degrees), kept in `cache` by `width`. */
export function simplifiedTopology<T>(topology: T, cache: Map<number, T>, width: number, weight: number): T {
  let simplified = cache.get(width);
  if (!simplified) {
    simplified = simplify(presimplify(structuredClone(topology) as never), weight) as unknown as T;
    cache.set(width, simplified);
  }
  return simplified;
}

/**
 * Countries `ids` as one shape at `width`, their shared borders dissolved:
 * a region drawn as a whole, or the map's context countries as one grey land.
 */
export function mergedShape(width: number, ids: Iterable<string>): Feature<Geometry> {
  const topology = simplifiedAt(width);
  const wanted = new Set(ids);
  const geometries = topology.objects.countries.geometries.filter((g) => wanted.has(geometryId(g)));
  return { type: 'Feature', properties: {}, geometry: merge(topology as never, geometries as never) };
}

function geometryId(g: { id?: string | number; properties?: object | null }): string {
  return g.id === undefined ? ((g.properties as { name?: string } | null | undefined)?.name ?? '') : String(g.id);
}

/** Two square pixels, in square degrees at this width (a world map spans 360°). */
export function minWeight(width: number): number {
  const pixelsPerDegree = width / 360;
  return 2 / (pixelsPerDegree * pixelsPerDegree);
}

/** Each country's shape at `width`, by atlas id. */
export function countryShapes(width: number): Map<string, Feature<Geometry, { name: string }>> {
  const cached = cache.get(width);
  if (cached) return cached;
  const simplified = simplifiedAt(width);
  const all = feature(simplified, simplified.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const kept = new Set(atlasIndex().countries.map((c) => c.id));
  const shapes = new Map<string, Feature<Geometry, { name: string }>>();
  for (const f of all.features) {
    const id = f.id === undefined ? f.properties.name : String(f.id);
    if (kept.has(id)) shapes.set(id, f);
  }
  cache.set(width, shapes);
  return shapes;
}

/**
 * `shape` without the polygons whose area (as `area` measures it, in
 * square pixels) is under `min`: specks a drawing cannot show.
 */
export function withoutSpecks(shape: Feature<Geometry>, area: (f: Feature<Geometry>) => number, min: number): Feature<Geometry> {
  const { geometry } = shape;
  if (geometry.type !== 'MultiPolygon') return shape;
  const kept = geometry.coordinates.filter((coordinates) => area({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }) >= min);
  return { ...shape, geometry: { type: 'MultiPolygon', coordinates: kept } };
}
