/**
 * Where a US symbol map's circles stand: at each row's longitude and
 * latitude (coordinates.ts), else at the centre of the state or county
 * its place column names. Points are put by the composite projection's
 * own point function, which tries the lower 48 first and then each inset,
 * so that a point in Alaska, Hawaii or Puerto Rico lands in its inset; a
 * point that no part of the map takes is outside it (refused when the
 * chart is checked).
 */
import { geoBounds, geoCentroid, type GeoProjection } from 'd3-geo';
import geoAlbersUsaTerritories from 'd3-composite-projections/src/albersUsaTerritories.js';
import type { ChartData, Datum } from '../model.ts';
import { alwaysDrawn, usIndex, type UsPlace, type UsPlaceSet } from './usAtlas.ts';
import { mergedUsShape } from './usShapes.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';

const unit = geoAlbersUsaTerritories();

/** Whether the US map has no place for this point (London, Mexico City). */
export function outsideUsMap(lon: number, lat: number): boolean {
  return unit([lon, lat]) === null;
}

export interface UsSpot {
  d: Datum;
  /** Its name on the map: the state or county, else the row's label. */
  name: string;
  lon: number;
  lat: number;
  /** Where the projection puts it, in pixels. */
  px: number;
  py: number;
}

/** The drawn rows' spots, largest value first. */
export function usSpots(chart: ChartData, drawn: readonly Datum[], projection: GeoProjection, width: number): UsSpot[] {
  const columns = coordinateColumns(chart.table, chart.spec, chart.kind);
  const set = chart.table.places?.[chart.x] as UsPlaceSet | undefined;
  const spots: UsSpot[] = [];
  for (const d of drawn) {
    const id = chart.places?.get(String(d.x))?.[0];
    const place = id && set ? usIndex(set).byId.get(id) : undefined;
    const point = pointOf(d, columns) ?? (id && set ? geoCentroid(mergedUsShape(set, width, [id])) : undefined);
    const projected = point && Number.isFinite(point[0]) ? projection(point) : null;
    if (!point || !projected) continue;
    spots.push({ d, name: place ? place.name.split(',')[0] : d.label, lon: point[0], lat: point[1], px: projected[0], py: projected[1] });
  }
  return spots.sort((a, b) => b.d.y! - a.d.y!);
}

/** The small territories (Guam, the Virgin Islands, …) within half a degree of one of the points: drawn with the map. */
export function territoriesNear(spots: readonly { lon: number; lat: number }[]): UsPlace[] {
  const territories = usIndex('us-states').places.filter((p) => !alwaysDrawn(p));
  return territories.filter((t) => {
    const [[west, south], [east, north]] = geoBounds(mergedUsShape('us-states', 2000, [t.id]));
    return spots.some((s) => s.lon >= west - 0.5 && s.lon <= east + 0.5 && s.lat >= south - 0.5 && s.lat <= north + 0.5);
  });
}
