import { BUILT_IN_UNITS, isFormatName, isUnitName, type Unit, type UnitRegistry } from '../format.ts';
import type { Position, Problems } from '../problems.ts';
import type { DatasetSpec } from './schema.ts';

/**
 * The units a dataset may name: the built-in ones and those it declares
 * under `units:`. A declared unit takes the name of no built-in unit or
 * format (`usd_bn`, `number`), so that a name always means one thing.
 */
export function unitRegistry(
  spec: DatasetSpec,
  file: string,
  problems: Problems,
  locate: (path: readonly PropertyKey[], key?: boolean) => Position,
): UnitRegistry {
  const units = new Map(BUILT_IN_UNITS);
  for (const [name, u] of Object.entries(spec.units ?? {})) {
    if (isUnitName(name) || isFormatName(name)) {
      problems.add(file, locate(['units', name], true), `unit "${name}" is built in`, `delete it from units: and use the built-in ${name}, or give your unit another name`);
      continue;
    }
    if (!/^[A-Za-z][\w-]*$/.test(name)) {
      problems.add(file, locate(['units', name], true), `unit name "${name}" is not a plain name`, 'use letters, digits and underscores, such as usd_m or celsius');
      continue;
    }
    units.set(name, {
      name,
      label: u.label,
      kind: u.kind ?? inferredKind(`${u.prefix ?? ''} ${u.suffix ?? ''} ${(u.words ?? []).join(' ')}`) ?? name,
      scale: u.scale ?? 1,
      prefix: u.prefix ?? '',
      suffix: u.suffix ?? '',
      words: u.words ?? [],
      decimals: u.decimals ?? 1,
    } satisfies Unit);
  }
  return units;
}

/**
 * The built-in kind a declared unit's own words point to (US$ → usd), so
 * that `US$12.3 million` and `US$1.2 billion` are amounts of one kind.
 */
function inferredKind(words: string): string | undefined {
  if (/US\$|\$|\bdollars?\b/i.test(words)) return 'usd';
  if (/\btonnes?\b/i.test(words)) return 'mass';
  // Per cent is its own kind; "percentage points" and "pp" are another.
  if (/percentage points?|(^|\s)pp(\s|$)/i.test(words)) return 'pp';
  if (/%|\bper ?cent\b/i.test(words)) return 'pct';
  return undefined;
}

/**
 * Words that name a unit in English, beyond those any dataset declares: a
 * figure followed by one of them ("416.18 degrees") states that unit, so
 * it is refused on a column in another.
 */
export const COMMON_UNIT_WORDS: readonly string[] = [
  'degrees', 'degree', '°C', '°F', 'celsius', 'fahrenheit', 'kelvin',
  'mm', 'cm', 'km', 'metres', 'meters', 'millimetres', 'millimeters', 'centimetres', 'kilometres', 'inches', 'inch', 'feet', 'miles',
  'ppm', 'ppb', 'parts per million', 'parts per billion',
  'kg', 'kilograms', 'grams', 'pounds', 'tonnes', 'tons',
  'litres', 'liters', 'gallons', 'barrels',
  'dollars', 'euros', 'pounds sterling', 'yuan', 'yen',
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds',
  'people', 'persons', 'workers', 'jobs', 'deaths', 'cases', 'births',
  'per cent', 'percent', '%', 'percentage points', 'points',
  'units', 'chips', 'cars', 'vehicles',
];
