/**
 * The US map: states and counties from the npm package us-atlas 3 (the
 * Census Bureau's cartographic boundary files, 2017 edition, as TopoJSON;
 * public domain, ISC-licensed packaging), read at build time. Its vintage
 * matters: Connecticut has its eight counties of before 2022, not the
 * nine planning regions the Census Bureau has used since.
 *
 * Places are found by FIPS code (a state's two digits, a county's five,
 * zero-padded), by postal code (us-state-codes) or by name: "Texas",
 * "Harris County, Texas", "Harris, TX". Every list comes from the
 * geometry or from that package; none is typed here.
 */
import usStates from 'us-state-codes/states.json' with { type: 'json' };
import counties from 'us-atlas/counties-10m.json' with { type: 'json' };
import type { Topology, GeometryCollection } from 'topojson-specification';
import { closest } from '../../suggest.ts';
import type { PlaceSet } from '../../data/schema.ts';
import { normaliseName } from './atlas.ts';

/** The US place sets a dataset column may be keyed to (`places:` in dataset.yaml). */
export type UsPlaceSet = Exclude<PlaceSet, 'world'>;

export function isUsPlaceSet(set: PlaceSet | undefined): set is UsPlaceSet {
  return set === 'us-states' || set === 'us-counties';
}

/** Credit printed under every US map, with its vintage. */
export const US_ATLAS_NOTE = 'Boundaries: US Census Bureau cartographic boundaries, 2017 edition (Connecticut\'s counties before 2022), via us-atlas.';

export const US_TOPOLOGY = counties as unknown as Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
  nation: GeometryCollection;
}>;

/**
 * States always drawn on a US map: the 50, the District of Columbia and
 * Puerto Rico. The smaller territories (Guam, the Virgin Islands, …) are
 * drawn only when the data names them.
 */
const SMALL_TERRITORIES = new Set(['60', '66', '69', '78']);

export interface UsPlace {
  /** FIPS code: two digits for a state, five for a county. */
  id: string;
  /** As the data table prints it: "Texas", "Harris, Texas". */
  name: string;
  /** The state's FIPS code (the place's own for a state). */
  state: string;
}

interface UsIndex {
  places: UsPlace[];
  byId: Map<string, UsPlace>;
  byName: Map<string, UsPlace>;
  /** Names that stand for two places of a state (Richmond city and Richmond County): not matched. */
  ambiguous: Map<string, UsPlace[]>;
  names: string[];
}

const indexes = new Map<UsPlaceSet, UsIndex>();

const stateNames = new Map(US_TOPOLOGY.objects.states.geometries.map((g) => [String(g.id), (g.properties as { name: string }).name]));
const postalOf = new Map<string, string>();
for (const [postal, name] of Object.entries(usStates as Record<string, string>)) {
  const id = [...stateNames].find(([, n]) => normaliseName(n) === normaliseName(name))?.[0];
  if (id) postalOf.set(id, postal);
}

/** Words after a county's name that the atlas leaves off. */
const COUNTY_WORDS = /\s+(county|parish|borough|census area|city and borough|municipality|municipio)$/;

/** The state a name, postal code or FIPS code stands for. */
function stateId(text: string): string | undefined {
  return usIndex('us-states').byName.get(normaliseName(text))?.id;
}

/** Every place of a set, and lookups by code and name. */
export function usIndex(set: UsPlaceSet): UsIndex {
  const cached = indexes.get(set);
  if (cached) return cached;
  const byId = new Map<string, UsPlace>();
  const byName = new Map<string, UsPlace>();
  const ambiguous = new Map<string, UsPlace[]>();
  const names: string[] = [];
  const add = (place: UsPlace, name: string, listed = false) => {
    const key = normaliseName(name);
    if (!key) return;
    const other = byName.get(key);
    if (other && other !== place) {
      byName.delete(key);
      ambiguous.set(key, [other, place]);
      return;
    }
    if (ambiguous.has(key)) return;
    byName.set(key, place);
    if (listed) names.push(name);
  };
  if (set === 'us-states') {
    for (const [id, name] of stateNames) {
      const place = { id, name, state: id };
      byId.set(id, place);
      add(place, name, true);
      add(place, id);
      const postal = postalOf.get(id);
      if (postal) add(place, postal);
    }
  } else {
    const geometries = US_TOPOLOGY.objects.counties.geometries;
    const twice = new Set<string>();
    const seen = new Set<string>();
    for (const g of geometries) {
      const key = `${String(g.id).slice(0, 2)}|${(g.properties as { name: string }).name}`;
      if (seen.has(key)) twice.add(key);
      seen.add(key);
    }
    for (const g of geometries) {
      const id = String(g.id);
      const county = (g.properties as { name: string }).name;
      const state = id.slice(0, 2);
      const stateName = stateNames.get(state) ?? state;
      const place = { id, name: `${county}, ${stateName}`, state };
      byId.set(id, place);
      add(place, id);
      // Two places of one name in a state: an independent city (codes from 500) and a county.
      const own = twice.has(`${state}|${county}`) ? `${county} ${Number(id.slice(2)) >= 500 ? 'city' : 'County'}` : county;
      for (const stateWord of [stateName, postalOf.get(state)].filter((s) => s !== undefined)) {
        add(place, `${own}, ${stateWord}`, stateWord === stateName);
        // For a name two places share, the bare name is ambiguous (see add).
        if (own !== county) add(place, `${county}, ${stateWord}`);
        else add(place, `${county} County, ${stateWord}`);
      }
    }
  }
  const index = { places: [...byId.values()], byId, byName, ambiguous, names };
  indexes.set(set, index);
  return index;
}

/** The place a code or name stands for, if exactly one. */
export function findUsPlace(set: UsPlaceSet, text: string): UsPlace | undefined {
  const index = usIndex(set);
  const direct = index.byName.get(normaliseName(text));
  if (direct) return direct;
  // "Harris County, Texas": the atlas names the county without its kind.
  const comma = text.lastIndexOf(',');
  if (set === 'us-counties' && comma > 0) {
    const state = stateId(text.slice(comma + 1));
    const county = normaliseName(text.slice(0, comma)).replace(COUNTY_WORDS, '');
    if (state) return index.byName.get(normaliseName(`${county}, ${stateNames.get(state)}`));
  }
  return undefined;
}

/**
 * Why `text` matches no place, and what it may have meant: a code that
 * lost its leading zero (a spreadsheet's doing), the nearest codes of the
 * same state, or the nearest name.
 */
export function usPlaceHint(set: UsPlaceSet, text: string): string {
  const index = usIndex(set);
  const trimmed = text.trim();
  const digits = set === 'us-states' ? 2 : 5;
  const kind = set === 'us-states' ? 'state' : 'county';
  if (/^\d+$/.test(trimmed)) {
    const padded = trimmed.padStart(digits, '0');
    const padPlace = index.byId.get(padded);
    if (trimmed.length < digits && padPlace) {
      return `did you mean ${padded} (${padPlace.name})? A ${kind} FIPS code has ${digits} digits: the leading zero was lost, as a spreadsheet drops it; write the column as text`;
    }
    const near = nearestCodes(index, padded, digits);
    return near.length ? `nearest codes on the map: ${near.map((p) => `${p.id} (${p.name})`).join(', ')}` : `write a ${digits}-digit ${kind} FIPS code`;
  }
  const ambiguous = index.ambiguous.get(normaliseName(trimmed));
  if (ambiguous) return `"${trimmed}" names ${ambiguous.map((p) => `${p.id}`).join(' and ')}: write the FIPS code, or add "city" or "County"`;
  const near = closest(trimmed, index.names);
  if (near) return `did you mean "${near}"?`;
  return set === 'us-states' ? 'write a state name (Texas), a postal code (TX) or a FIPS code (48)' : 'write a county FIPS code (48201) or "County, State" (Harris County, Texas)';
}

/** Up to three codes of the same state closest in number to `code`. */
function nearestCodes(index: UsIndex, code: string, digits: number): UsPlace[] {
  const state = code.slice(0, 2);
  const candidates = index.places.filter((p) => digits === 2 || p.state === state);
  return candidates
    .map((p) => ({ p, d: Math.abs(Number(p.id) - Number(code)) }))
    .sort((a, b) => a.d - b.d || a.p.id.localeCompare(b.p.id))
    .slice(0, 3)
    .map(({ p }) => p);
}

/** Whether a map draws `place` even when the data has no row for it. */
export function alwaysDrawn(place: UsPlace): boolean {
  return !SMALL_TERRITORIES.has(place.state);
}

/**
 * Values of a county column keyed to Connecticut's 2022 planning regions
 * (codes 09110–09190, or names "… Planning Region"), which this map's
 * 2017 counties do not have.
 */
export function planningRegions(values: Iterable<string>): string[] {
  const index = usIndex('us-counties');
  const found: string[] = [];
  for (const value of values) {
    const text = value.trim();
    const code = /^0?9\d{3}$/.test(text) ? text.padStart(5, '0') : undefined;
    if ((code && !index.byId.has(code)) || /planning region/i.test(text)) found.push(text);
  }
  return found;
}
