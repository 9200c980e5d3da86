/**
 * A US map's join of data and shapes. Values that name no shape were
 * refused at their CSV cells when the dataset was read (placeColumns.ts);
 * here each drawn place gets its FIPS code, and a map that would leave
 * more than a few of its places without data is refused unless the chart
 * declares `partial: true`: the missing shapes are then drawn as "no data".
 */
import type { ChartSpec } from '../spec.ts';
import type { Table } from '../../data/model.ts';
import type { ChartKind, ChartProblem, Datum } from '../model.ts';
import { alwaysDrawn, findUsPlace, isUsPlaceSet, usIndex, type UsPlaceSet } from './usAtlas.ts';

/** Whether a map of `x` is drawn on the US map: `map: us`, or by default a column of US places. */
export function drawsUsMap(spec: Pick<ChartSpec, 'map'>, table: Table, x: string): boolean {
  return (spec.map ?? (isUsPlaceSet(table.places?.[x]) ? 'us' : 'world')) === 'us';
}

/** The share of a map's places that may lack data before the chart must say so. */
export const MISSING_LIMIT = 0.05;

export function matchUsPlaces(data: readonly Datum[], spec: ChartSpec, kind: ChartKind, column: string, set: UsPlaceSet, problems: ChartProblem[]): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const counts = new Map<string, number>();
  if (spec.regions) problems.push({ field: 'regions', onKey: true, message: `regions: groups countries of a world map, and ${column} holds US places (${set})`, hint: 'delete regions:' });
  for (const d of data) {
    const name = String(d.x);
    const place = findUsPlace(set, name);
    places.set(name, place ? [place.id] : []);
    if (place && d.y !== null) counts.set(place.id, (counts.get(place.id) ?? 0) + 1);
  }
  const twice = [...counts].find(([, n]) => n > 1);
  if (twice) {
    const names = [...places].filter(([, ids]) => ids[0] === twice[0]).map(([name]) => `"${name}"`);
    problems.push({ field: 'x', message: `a map shows one value per place, and ${usIndex(set).byId.get(twice[0])!.name} has ${twice[1]} drawn values (${column} ${names.join(', ')})`, hint: 'pin one period with from: and to:, or filter with where:' });
  }
  const expected = usIndex(set).places.filter(alwaysDrawn);
  const missing = expected.filter((p) => !counts.has(p.id));
  // Maps that cover the country (the kinds that honour partial:) must say when they do not; a locator marks a few places on purpose.
  if (kind.honours.includes('partial') && !spec.partial && missing.length > expected.length * MISSING_LIMIT) {
    const share = Math.round((missing.length / expected.length) * 100);
    const shown = missing.slice(0, 5).map((p) => `${p.name} (${p.id})`).join(', ');
    problems.push({
      field: 'data',
      message: `${missing.length} of the map's ${expected.length} ${set === 'us-states' ? 'states' : 'counties'} (${share}%) have no value to draw: ${shown}${missing.length > 5 ? ', …' : ''}`,
      hint: 'add their rows, check where:, from: and to:, or declare partial: true to draw them as "no data"',
    });
  }
  return places;
}
