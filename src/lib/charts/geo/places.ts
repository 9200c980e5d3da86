/**
 * Places in a map's data, matched to the atlas: a country by any of its
 * names or ISO codes, or a region the chart declares as a list of
 * countries (`regions: { European Union: [Austria, …] }`). A name that
 * matches nothing is an error at its CSV row, with the nearest name.
 */
import type { Table } from '../../data/model.ts';
import type { ChartSpec } from '../spec.ts';
import { closest } from '../../suggest.ts';
import { CATALOGUE, say } from '../../catalogue.ts';
import type { ChartKind, ChartProblem, Datum } from '../model.ts';
import { ambiguousPlace, ATLAS_NOTE, atlasIndex, findCountry, tooSmallToDraw } from './atlas.ts';
import { drawsUsMap, matchUsPlaces } from './usPlaces.ts';
import { isUsPlaceSet, US_ATLAS_NOTE } from './usAtlas.ts';
import { LOCATOR_NOTE } from './locatorOptions.ts';
import { coordinateColumns } from './coordinates.ts';

export function matchPlaces(data: readonly Datum[], spec: ChartSpec, kind: ChartKind, column: string, table: Table, problems: ChartProblem[]): Map<string, string[]> {
  const set = table.places?.[column];
  const coordinates = coordinateColumns(table, spec, kind) !== undefined;
  if (kind.pinpoints && !coordinates && set === undefined) problems.push({ field: 'x', ...say(CATALOGUE.locatorWithoutPlaces, column, table.name) });
  // Points by their coordinates: names need not be on any map, and there are no shapes for regions: to group.
  if (set === undefined && (kind.pinpoints || coordinates)) {
    if (spec.regions) problems.push({ field: 'regions', onKey: true, ...say(CATALOGUE.locatorRegions, column) });
    return new Map();
  }
  if (isUsPlaceSet(set)) return matchUsPlaces(data, spec, kind, column, set, problems);
  const places = new Map<string, string[]>();
  const names = atlasIndex().names;
  const regions = spec.regions ?? {};
  for (const [region, members] of Object.entries(regions)) {
    const ids: string[] = [];
    for (const [i, member] of members.entries()) {
      const either = ambiguousPlace(member);
      if (either) {
        problems.push({ field: `regions.${region}.${i}`, message: `region "${region}": "${member}" could be any of ${either.join(', ')}`, hint: AMBIGUOUS_HINT });
        continue;
      }
      const country = findCountry(member);
      if (country) ids.push(country.id);
      else if (!tooSmallToDraw(member)) problems.push({ field: `regions.${region}.${i}`, message: `region "${region}": no country on the map matches "${member}"`, hint: nearest(member, names) ?? 'write a country name or an ISO code (FRA, FR, 250)' });
    }
    places.set(region, ids);
  }
  const seen = new Map<string, number>();
  for (const d of data) {
    const name = String(d.x);
    seen.set(name, (seen.get(name) ?? 0) + (d.y === null ? 0 : 1));
    if (places.has(name)) continue;
    const either = ambiguousPlace(name);
    if (either) {
      places.set(name, []);
      problems.push({ field: 'x', at: rowOf(d, table), message: `${column} "${name}" could be any of ${either.join(', ')}`, hint: AMBIGUOUS_HINT });
      continue;
    }
    const country = findCountry(name);
    if (country) {
      places.set(name, [country.id]);
      continue;
    }
    places.set(name, []);
    if (tooSmallToDraw(name)) continue;
    const hint = nearest(name, [...names, ...Object.keys(regions)]);
    problems.push({
      field: 'x',
      at: rowOf(d, table),
      message: `no country on the map matches ${column} "${name}"`,
      hint: hint ? `${hint}; or declare "${name}" under the chart's regions: as a list of countries` : `declare "${name}" under the chart's regions: as a list of countries, or write a country name or ISO code`,
    });
  }
  // A place given twice for one period, under one name or two ("Türkiye" and "Turkey"), would be painted twice.
  const drawnBy = new Map<string, Datum>();
  for (const d of data) {
    if (d.y === null) continue;
    for (const id of places.get(String(d.x)) ?? []) {
      const key = `${id}\u0000${d.period.id}`;
      const first = drawnBy.get(key);
      if (!first) {
        drawnBy.set(key, d);
        continue;
      }
      const line = first.row?.line;
      const same = first.x === d.x ? 'is given twice' : `is the same place as "${first.x}"`;
      problems.push({
        field: 'x',
        at: rowOf(d, table),
        message: `${column} "${d.x}" ${same}${line === undefined ? '' : ` (first on line ${line})`}: a map shows one value per place`,
        hint: 'keep one row per place: delete or correct this one',
      });
      return places;
    }
  }
  for (const [name, count] of seen) {
    if (count > 1) {
      problems.push({ field: 'x', message: `a map shows one value per place, and ${column} "${name}" has ${count} drawn values`, hint: 'pin one period with from: and to:, or filter with where:' });
      break;
    }
  }
  return places;
}

const AMBIGUOUS_HINT = 'write the full name or the ISO code of the one you mean: the map cannot guess';

function rowOf(d: Datum, table: Table): { file: string; line: number } | undefined {
  return d.row === undefined ? undefined : { file: table.file, line: d.row.line };
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  const near = closest(word, candidates);
  return near ? `did you mean "${near}"?` : undefined;
}

/** The credit a map of `column`'s places prints: its boundaries and their vintage. */
export function mapNote(spec: ChartSpec, table: Table, column: string, kind: ChartKind): string {
  if (kind.pinpoints) return LOCATOR_NOTE;
  return drawsUsMap(spec, table, column) ? US_ATLAS_NOTE : ATLAS_NOTE;
}
