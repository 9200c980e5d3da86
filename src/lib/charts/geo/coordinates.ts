/**
 * Where a map's rows stand by their own longitude and latitude: the
 * columns the chart names (`lon:` and `lat:`), else the table's columns
 * named `lon`/`lat`, `longitude`/`latitude` or `lng`; a row's point by
 * them; and the check that every row drawn has a point on the globe.
 */
import type { Table } from '../../data/model.ts';
import type { ChartSpec } from '../spec.ts';
import type { ChartKind, ChartProblem, Datum, KindInput } from '../model.ts';
import { CATALOGUE, say } from '../../catalogue.ts';
import { closest } from '../../suggest.ts';

/** The column names a table's coordinates may go by when the chart names none. */
export const LON = ['lon', 'longitude', 'lng'];
export const LAT = ['lat', 'latitude'];

export interface Coordinates {
  lon: string;
  lat: string;
}

/**
 * The chart's longitude and latitude columns: those it names, else the
 * table's by their names; undefined unless both are found, or when the
 * chart's kind puts nothing by coordinates (a choropleth).
 */
export function coordinateColumns(table: Table, spec: Pick<ChartSpec, 'lon' | 'lat'> = {}, kind?: ChartKind): Coordinates | undefined {
  if (kind && !kind.honours.includes('lon')) return undefined;
  const columns = [...table.measures.keys()];
  const lon = spec.lon ?? columns.find((c) => LON.includes(c.toLowerCase()));
  const lat = spec.lat ?? columns.find((c) => LAT.includes(c.toLowerCase()));
  return lon && lat ? { lon, lat } : undefined;
}

/** The row's longitude and latitude, when both are given. */
export function pointOf(d: Datum, columns: Coordinates | undefined): [number, number] | undefined {
  const lon = columns && d.row ? d.row.values[columns.lon] : undefined;
  const lat = columns && d.row ? d.row.values[columns.lat] : undefined;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
}

/**
 * `lon:` and `lat:` name number columns of the table, and each of them
 * needs the other; every row drawn has both, within the globe's range.
 * `outside` refuses a point the map cannot show (the US map's), at its row.
 */
export function checkCoordinates({ spec, table, x, data }: KindInput, problems: ChartProblem[], outside?: (lon: number, lat: number) => boolean): void {
  const before = problems.length;
  const numbers = [...table.measures.keys()];
  for (const field of ['lon', 'lat'] as const) {
    const column = spec[field];
    if (column === undefined) {
      const other = field === 'lon' ? 'lat' : 'lon';
      if (spec[other] !== undefined && !coordinateColumns(table, spec)) problems.push({ field: other, onKey: true, ...say(CATALOGUE.coordinatePair, other, field) });
      continue;
    }
    if (table.measures.has(column)) continue;
    const near = closest(column, numbers);
    problems.push({ field, ...say(CATALOGUE.coordinateColumn, field, column, table.name, table.categories.includes(column), near) });
  }
  if (problems.length > before) return;
  const columns = coordinateColumns(table, spec);
  if (!columns) return;
  const at = (d: Datum) => (d.row ? { at: { file: table.file, line: d.row.line } } : {});
  for (const d of data) {
    if (d.y === null || !d.row) continue;
    const [lon, lat] = [d.row.values[columns.lon], d.row.values[columns.lat]];
    if (lon === null || lat === null || lon === undefined || lat === undefined) {
      problems.push({ field: 'x', ...at(d), ...say(CATALOGUE.pointWithoutCoordinates, x, d.label, lon == null ? columns.lon : columns.lat) });
    } else if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      problems.push({ field: 'x', ...at(d), ...say(CATALOGUE.pointOffTheGlobe, x, d.label, lon, lat) });
    } else if (outside?.(lon, lat)) {
      problems.push({ field: 'x', ...at(d), ...say(CATALOGUE.pointOutsideUsMap, x, d.label, lon, lat) });
    }
  }
}
