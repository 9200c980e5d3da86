/**
 * Country shapes simplified to what a drawing `width` pixels wide can
 * show: arcs lose the points whose triangle with their neighbours covers
 * less than two pixels (Visvalingam's method, topojson-simplify), so
 * that no detail finer than the pixels is shipped. No country is dropped,
 * however small: a country with data is always drawn. Shared borders stay
 * shared, so simplified neighbours still meet.
 */
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { atlasIndex, TOPOLOGY } from './atlas.ts';

const cache = new Map<number, Map<string, Feature<Geometry, { name: string }>>>();

/** Two square pixels, in square degrees at this width (a world map spans 360°). */
export function minWeight(width: number): number {
  const pixelsPerDegree = width / 360;
  return 2 / (pixelsPerDegree * pixelsPerDegree);
}

/** Each country's shape at `width`, by atlas id. */
export function countryShapes(width: number): Map<string, Feature<Geometry, { name: string }>> {
  const cached = cache.get(width);
  if (cached) return cached;
  const weight = minWeight(width);
  const simplified = simplify(presimplify(structuredClone(TOPOLOGY) as never), weight) as unknown as typeof TOPOLOGY;
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
