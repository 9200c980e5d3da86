/**
 * Units the data may be stated in, and the formats prose, charts and tables
 * print them with. One place, so that "US$111.68 billion" reads the same in
 * a sentence, a chart label and a data table. Numbers go through
 * Intl.NumberFormat in the site's locale, with a true minus sign (−).
 */

/**
 * A unit's family: amounts of one kind convert into each other through
 * their scale (US$ billion and US$ million). The built-in kinds are
 * `usd`, `pct`, `pp`, `mass` and `count`; a dataset's own unit is of its
 * own kind unless it names one.
 */
export type UnitKind = string;

export interface Unit {
  /** The name columns refer to it by (`usd_bn`, `ppm`). */
  name: string;
  /** How an axis or a table header names it. */
  label: string;
  kind: UnitKind;
  /** Size of one unit in the kind's base (US$, per cent, tonnes, items). */
  scale: number;
  /** Printed before and after a value: `US$` … ` billion`, … ` ppm`. */
  prefix: string;
  suffix: string;
  /** Words an editor may write after a number in this unit (`ppm`, `parts per million`). */
  words: readonly string[];
  /** Decimals a value is printed with when nothing else says. */
  decimals: number;
}

/** The built-in units: no dataset needs to declare them. */
export const UNITS = {
  usd_bn: { name: 'usd_bn', label: 'US$ billion', kind: 'usd', scale: 1e9, prefix: 'US$', suffix: ' billion', words: ['dollars', 'US dollars'], decimals: 1 },
  pct: { name: 'pct', label: '%', kind: 'pct', scale: 1, prefix: '', suffix: '%', words: ['%', 'per cent', 'percent'], decimals: 1 },
  tonnes: { name: 'tonnes', label: 'tonnes', kind: 'mass', scale: 1, prefix: '', suffix: ' tonnes', words: ['tonnes', 'tonne', 'tons', 'ton'], decimals: 1 },
  mt: { name: 'mt', label: 'million tonnes', kind: 'mass', scale: 1e6, prefix: '', suffix: ' million tonnes', words: ['million tonnes', 'tonnes', 'mt'], decimals: 2 },
  bn_units: { name: 'bn_units', label: 'billion units', kind: 'count', scale: 1e9, prefix: '', suffix: ' billion units', words: ['billion units', 'units', 'chips'], decimals: 1 },
  pp: { name: 'pp', label: 'percentage points', kind: 'pp', scale: 1, prefix: '', suffix: ' pp', words: ['percentage points', 'percentage point', 'points', 'pp'], decimals: 1 },
} as const satisfies Record<string, Unit>;

export type UnitName = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as UnitName[];

export function isUnitName(name: string): name is UnitName {
  return Object.hasOwn(UNITS, name);
}

/** A unit, or the name of a built-in one. */
export type UnitRef = Unit | UnitName;

export function unitDef(unit: UnitRef): Unit {
  return typeof unit === 'string' ? UNITS[unit] : unit;
}

/** The units a dataset can use: the built-ins and its own, by name. */
export type UnitRegistry = ReadonlyMap<string, Unit>;

export const BUILT_IN_UNITS: UnitRegistry = new Map(Object.entries(UNITS));

/** How an axis or a header names the unit: `per cent` rather than a bare `%`. */
export function unitHeading(unit: UnitRef): string {
  const label = unitDef(unit).label;
  return label === '%' ? 'per cent' : label;
}

/** The site's locale until settings say otherwise. */
export const DEFAULT_LOCALE = 'en-US';

// Making an Intl.NumberFormat costs far more than using one: keep one per locale and digit count.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, min: number, max: number, grouping = true): Intl.NumberFormat {
  const key = `${locale}\u0000${min}\u0000${max}\u0000${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    formatters.set(key, f);
  }
  return f;
}

/** A true minus sign (U+2212) in place of the hyphen some locales print. */
const minus = (text: string) => text.replace('-', '−');

/** `value` with exactly `digits` decimals in `locale`: 1,076.0, −28.6. */
export function formatNumber(value: number, digits: number, locale = DEFAULT_LOCALE, grouping = true): string {
  return minus(formatter(locale, digits, digits, grouping).format(value + 0));
}

/** `value` in a unit's own words: a sign, its prefix, the number, its suffix (−US$12.3 million). */
function inUnit(value: number, unit: Unit, digits: number, locale: string, signed = false): string {
  const number = formatNumber(Math.abs(value), digits, locale);
  const rounded = Number(Math.abs(value).toFixed(digits));
  const sign = value < 0 && rounded !== 0 ? '−' : signed && value > 0 && rounded !== 0 ? '+' : '';
  return `${sign}${unit.prefix}${number}${unit.suffix}`;
}

interface FormatSpec {
  /** Unit kind the format expects; any when undefined. */
  kind?: UnitKind;
  digits: number;
  /** Value in base units → text. */
  print(base: number, digits: number, locale: string): string;
}

export const FORMATS = {
  usd_bn: { kind: 'usd', digits: 1, print: (v, d, l) => inUnit(v / 1e9, UNITS.usd_bn, d, l) },
  usd_tn: { kind: 'usd', digits: 3, print: (v, d, l) => inUnit(v / 1e12, { ...UNITS.usd_bn, suffix: ' trillion' }, d, l) },
  pct: { kind: 'pct', digits: 1, print: (v, d, l) => inUnit(v, UNITS.pct, d, l) },
  pct_signed: { kind: 'pct', digits: 1, print: (v, d, l) => inUnit(v, UNITS.pct, d, l, true) },
  pp: { kind: 'pp', digits: 1, print: (v, d, l) => inUnit(v, { ...UNITS.pp, suffix: Math.abs(v) === 1 ? ' percentage point' : ' percentage points' }, d, l, true) },
  tonnes: { kind: 'mass', digits: 1, print: (v, d, l) => inUnit(v, UNITS.tonnes, d, l) },
  mt: { kind: 'mass', digits: 2, print: (v, d, l) => inUnit(v / 1e6, UNITS.mt, d, l) },
  number: { digits: 1, print: (v, d, l) => formatNumber(v, d, l) },
  signed: { digits: 1, print: (v, d, l) => (v > 0 && Number(v.toFixed(d)) !== 0 ? '+' : '') + formatNumber(v, d, l) },
} as const satisfies Record<string, FormatSpec>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/**
 * The format a value in `unit` gets when the editor names none: the
 * built-in format of that name, else the unit's own prefix and suffix
 * (named by the unit itself).
 */
export function defaultFormat(unit: UnitRef): string {
  const name = unitDef(unit).name;
  if (isFormatName(name)) return name;
  // bn_units has no format of its own: its figures print as plain numbers.
  return isUnitName(name) ? 'number' : name;
}

/**
 * Whether `format` can print a value measured in `unit`: a built-in format
 * of the same kind (or `number`), or a unit of the same kind, named as a format.
 */
export function formatFits(format: string, unit: UnitRef, units: UnitRegistry = BUILT_IN_UNITS): boolean {
  const u = unitDef(unit);
  if (isFormatName(format)) {
    const spec: FormatSpec = FORMATS[format];
    return spec.kind === undefined || spec.kind === u.kind;
  }
  const other = units.get(format);
  return other !== undefined && other.kind === u.kind;
}

/** Names `:value`'s format= accepts for a dataset: the built-in formats and every unit. */
export function formatNames(units: UnitRegistry = BUILT_IN_UNITS): string[] {
  return [...FORMAT_NAMES, ...[...units.keys()].filter((name) => !isUnitName(name))];
}

/**
 * Prints `value` (in `unit`) with `format`. `number` prints the value in its
 * own unit; the other formats convert through the unit's base. A unit's
 * name used as a format prints in that unit (same kind only).
 */
export function formatValue(
  value: number,
  unit: UnitRef,
  format: string = defaultFormat(unit),
  digits?: number,
  locale: string = DEFAULT_LOCALE,
  units: UnitRegistry = BUILT_IN_UNITS,
): string {
  const u = unitDef(unit);
  if (isFormatName(format)) {
    const spec: FormatSpec = FORMATS[format];
    const d = digits ?? (format === 'number' || format === 'signed' ? u.decimals : spec.digits);
    const base = format === 'number' || format === 'signed' ? value * shownFactor(u) : value * u.scale;
    return spec.print(base, d, locale);
  }
  const target = format === u.name ? u : units.get(format) ?? u;
  const converted = ((value * u.scale) / target.scale) * shownFactor(target);
  return inUnit(converted, target, digits ?? target.decimals, locale);
}

/**
 * What a value in `unit` is multiplied by to be shown: a unit of per cent
 * or percentage points whose scale is not 1 (a fraction declared with
 * `scale: 100`) is shown in per cent, as the text states it (0.0107 reads
 * 1.07%); any other unit shows its values as they are, its suffix saying
 * how large ("US$12.3 million").
 */
export function shownFactor(unit: UnitRef): number {
  const u = unitDef(unit);
  return u.kind === 'pct' || u.kind === 'pp' ? u.scale : 1;
}

/** `unit` as its values are shown (see shownFactor): a fraction declared as per cent becomes a unit of per cent. */
export function shownUnit(unit: Unit): Unit {
  return shownFactor(unit) === 1 ? unit : { ...unit, name: unit.kind, scale: 1 };
}

/**
 * A unit's suffix short enough to print beside every label and tick
 * (`%`, `°C`): one written without a space. Others are named by the axis.
 */
function shortSuffix(unit: Unit): string {
  return unit.prefix === '' && /^[^\s\d]{1,3}$/.test(unit.suffix) ? unit.suffix : '';
}

/** Short form for chart labels: fewer digits (unless told), no unit words. */
export function formatShort(value: number, unit: UnitRef, digits = Math.min(unitDef(unit).decimals, Math.abs(value) >= 100 ? 0 : 1), locale = DEFAULT_LOCALE): string {
  return `${formatNumber(value, digits, locale)}${shortSuffix(unitDef(unit))}`;
}

/**
 * The decimals a value is written with, at most `max`: 1076 → 0, 111.68 → 2,
 * and a sum's floating-point 1080.1000000000001 → 1.
 */
export function ownDigits(value: number, max: number): number {
  for (let d = 0; d < max; d++) {
    if (Math.abs(value - Number(value.toFixed(d))) < 1e-9 * Math.max(1, Math.abs(value))) return d;
  }
  return max;
}

/** Axis ticks: as few decimals as the tick needs, at most one (more for tiny steps). */
export function formatTick(value: number, unit: UnitRef, locale = DEFAULT_LOCALE): string {
  const digits = Math.min(ownDigits(value, 3), Math.abs(value) > 0 && Math.abs(value) < 1 ? 3 : 1);
  return `${minus(formatter(locale, 0, digits).format(value + 0))}${shortSuffix(unitDef(unit))}`;
}
