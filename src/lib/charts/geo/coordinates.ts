/**
 * A table's longitude and latitude columns, by which a locator map puts
 * each row (`lon`/`lat`, `longitude`/`latitude` or `lng`), and a row's
 * point by them.
 */
import type { Table } from '../../data/model.ts';
import type { Datum } from '../model.ts';

/** The column names a table's coordinates may go by. */
export const LON = ['lon', 'longitude', 'lng'];
export const LAT = ['lat', 'latitude'];

/** The table's longitude and latitude columns, if it has both. */
export function coordinateColumns(table: Table): { lon: string; lat: string } | undefined {
  const columns = [...table.measures.keys()];
  const lon = columns.find((c) => LON.includes(c.toLowerCase()));
  const lat = columns.find((c) => LAT.includes(c.toLowerCase()));
  return lon && lat ? { lon, lat } : undefined;
}

/** The row's longitude and latitude, when both are given. */
export function pointOf(d: Datum, columns: { lon: string; lat: string } | undefined): [number, number] | undefined {
  const lon = columns && d.row ? d.row.values[columns.lon] : undefined;
  const lat = columns && d.row ? d.row.values[columns.lat] : undefined;
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : undefined;
}
