/**
 * US shapes simplified to what a drawing `width` pixels wide can show
 * (Visvalingam's method, topojson-simplify, as shapes.ts does for the
 * world), and merged: all the places of one colour class become one
 * shape, so that a map of 3,000 counties is a handful of paths; state
 * borders are one mesh drawn on top.
 */
import { merge, mesh } from 'topojson-client';
import { geoArea } from 'd3-geo';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { US_TOPOLOGY, type UsPlaceSet } from './usAtlas.ts';
import { simplifiedTopology } from './shapes.ts';

const topologies = new Map<number, typeof US_TOPOLOGY>();

/** Two square pixels, in square degrees, for a map whose lower 48 span about 60° of longitude. */
function minWeight(width: number): number {
  const pixelsPerDegree = width / 60;
  return 2 / (pixelsPerDegree * pixelsPerDegree);
}

function simplifiedAt(width: number): typeof US_TOPOLOGY {
  return simplifiedTopology(US_TOPOLOGY, topologies, width, minWeight(width));
}

/** Places `ids` (FIPS codes) of `set` as one shape at `width`, their shared borders dissolved. */
export function mergedUsShape(set: UsPlaceSet, width: number, ids: Iterable<string>): Feature<Geometry> {
  const topology = simplifiedAt(width);
  const wanted = new Set(ids);
  const object = set === 'us-states' ? topology.objects.states : topology.objects.counties;
  const geometries = object.geometries.filter((g) => wanted.has(String(g.id)));
  return { type: 'Feature', properties: {}, geometry: rightWayRound(merge(topology as never, geometries as never)) };
}

/**
 * The polygons with their rings turned the way d3-geo reads them: a
 * county simplified to a sliver can come out wound the other way, which
 * on the sphere means "everything but this" and floods the map.
 */
function rightWayRound(geometry: MultiPolygon): MultiPolygon {
  const coordinates = geometry.coordinates.map((rings) => {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    return geoArea(polygon) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  });
  return { type: 'MultiPolygon', coordinates };
}

/** The borders between the states drawn (`ids`), as one line shape. */
export function stateBorders(width: number, ids: Set<string>): Feature<MultiLineString> {
  const topology = simplifiedAt(width);
  const states = { ...topology.objects.states, geometries: topology.objects.states.geometries.filter((g) => ids.has(String(g.id))) };
  return { type: 'Feature', properties: {}, geometry: mesh(topology as never, states as never, (a, b) => a !== b) };
}
