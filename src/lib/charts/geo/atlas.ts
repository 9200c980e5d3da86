/**
 * The world map: Natural Earth's 1:110m country boundaries from the npm
 * package world-atlas (public-domain data, ISC-licensed packaging), read
 * at build time. Countries are found by their Natural Earth name, their
 * English names and their ISO 3166-1 codes (alpha-2, alpha-3, numeric),
 * as i18n-iso-countries lists them.
 */
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Topology, GeometryCollection } from 'topojson-specification';

/** Credit printed under every map. */
export const ATLAS_NOTE = 'Boundaries: Natural Earth 1:110m (public domain), via world-atlas.';

countries.registerLocale(english);

export interface Country {
  /** The atlas's id: ISO 3166-1 numeric, or the name for the few without one. */
  id: string;
  /** Natural Earth's short name, as the map's data table prints it. */
  name: string;
}

export const TOPOLOGY = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

/** Antarctica is left off: it takes a fifth of a world map's area and no story's data. */
const LEFT_OFF = new Set(['010']);

let index: { countries: Country[]; byName: Map<string, Country>; names: string[] } | undefined;

/** Lower case, no accents or punctuation, "and" for "&", no leading "the". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'’()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every country on the map, and a lookup by any name or code. */
export function atlasIndex(): { countries: Country[]; byName: Map<string, Country>; names: string[] } {
  if (index) return index;
  const list: Country[] = [];
  const byName = new Map<string, Country>();
  const names: string[] = [];
  const add = (country: Country, name: string, listed = false) => {
    const key = normaliseName(name);
    if (!key || byName.has(key)) return;
    byName.set(key, country);
    if (listed) names.push(name);
  };
  for (const geometry of TOPOLOGY.objects.countries.geometries) {
    const name = (geometry.properties as { name: string }).name;
    const id = geometry.id === undefined ? name : String(geometry.id);
    if (LEFT_OFF.has(id)) continue;
    const country = { id, name };
    list.push(country);
    add(country, country.name, true);
  }
  // Codes and English names, for the countries the atlas has an ISO id for.
  for (const country of list) {
    if (!/^\d{3}$/.test(country.id)) continue;
    const alpha2 = countries.numericToAlpha2(country.id);
    if (!alpha2) continue;
    add(country, alpha2);
    add(country, countries.alpha2ToAlpha3(alpha2) ?? '');
    add(country, country.id);
    for (const name of [countries.getName(alpha2, 'en', { select: 'all' }) ?? []].flat()) add(country, name, true);
  }
  index = { countries: list, byName, names };
  return index;
}

/** The country a name or code stands for, if any (none for a name two countries share). */
export function findCountry(text: string): Country | undefined {
  return ambiguousPlace(text) ? undefined : atlasIndex().byName.get(normaliseName(text));
}

let shared: Map<string, string[]> | undefined;

/**
 * The countries a name could mean when it names more than one ("Congo":
 * the Republic of the Congo and the Democratic Republic of the Congo), by
 * their full English names with their ISO alpha-3 codes; undefined for a
 * name that means one country or none.
 */
export function ambiguousPlace(text: string): string[] | undefined {
  if (!shared) {
    const owners = new Map<string, Set<string>>();
    for (const country of atlasIndex().countries) {
      if (!/^\d{3}$/.test(country.id)) continue;
      const alpha2 = countries.numericToAlpha2(country.id);
      if (!alpha2) continue;
      for (const name of [country.name, ...[countries.getName(alpha2, 'en', { select: 'all' }) ?? []].flat()]) {
        const key = normaliseName(name);
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(alpha2);
      }
    }
    shared = new Map();
    for (const [key, codes] of owners) {
      if (codes.size > 1) shared.set(key, [...codes].map((code) => `${countries.getName(code, 'en')} (${countries.alpha2ToAlpha3(code)})`).sort());
    }
  }
  return shared.get(normaliseName(text));
}

/** True for a real country too small for the 1:110m map (Malta, Seychelles): matched, but not drawn. */
export function tooSmallToDraw(text: string): boolean {
  const trimmed = text.trim();
  return countries.isValid(trimmed) || countries.getAlpha2Code(trimmed, 'en') !== undefined;
}
