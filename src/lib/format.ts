/**
 * Units the data may be stated in, and the formats prose, charts and tables
 * print them with. One place, so that "US$111.68 billion" reads the same in
 * a sentence, a tooltip-free chart label and a data table.
 */
export type UnitKind = 'usd' | 'pct' | 'mass' | 'count';

export interface Unit {
  /** How an axis or a table header names it. */
  label: string;
  kind: UnitKind;
  /** Size of one unit in the kind's base (US$, per cent, tonnes, items). */
  scale: number;
}

export const UNITS = {
  usd_bn: { label: 'US$ billion', kind: 'usd', scale: 1e9 },
  pct: { label: '%', kind: 'pct', scale: 1 },
  tonnes: { label: 'tonnes', kind: 'mass', scale: 1 },
  mt: { label: 'million tonnes', kind: 'mass', scale: 1e6 },
  bn_units: { label: 'billion units', kind: 'count', scale: 1e9 },
} as const satisfies Record<string, Unit>;

export type UnitName = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as UnitName[];

export function isUnitName(name: string): name is UnitName {
  return Object.hasOwn(UNITS, name);
}

interface FormatSpec {
  /** Unit kind the format expects; any when undefined. */
  kind?: UnitKind;
  digits: number;
  /** Value in base units → text. */
  print(base: number, digits: number): string;
}

// Making an Intl.NumberFormat costs far more than using one: keep one per digit count.
const formatters = new Map<number, Intl.NumberFormat>();
const plain = (value: number, digits: number) => {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
};
const tickFormatter = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const minus = (text: string) => text.replace('-', '−');

export const FORMATS = {
  usd_bn: { kind: 'usd', digits: 1, print: (v, d) => minus(`US$${plain(v / 1e9, d)} billion`) },
  usd_tn: { kind: 'usd', digits: 3, print: (v, d) => minus(`US$${plain(v / 1e12, d)} trillion`) },
  pct: { kind: 'pct', digits: 1, print: (v, d) => minus(`${plain(v, d)}%`) },
  pct_signed: {
    kind: 'pct',
    digits: 1,
    print: (v, d) => minus(`${v > 0 ? '+' : ''}${plain(v, d)}%`),
  },
  tonnes: { kind: 'mass', digits: 1, print: (v, d) => minus(`${plain(v, d)} tonnes`) },
  mt: { kind: 'mass', digits: 2, print: (v, d) => minus(`${plain(v / 1e6, d)} million tonnes`) },
  number: { digits: 1, print: (v, d) => minus(plain(v, d)) },
} as const satisfies Record<string, FormatSpec>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** The format a value in `unit` gets when the editor names none. */
export function defaultFormat(unit: UnitName): FormatName {
  switch (unit) {
    case 'usd_bn':
      return 'usd_bn';
    case 'pct':
      return 'pct';
    case 'tonnes':
      return 'tonnes';
    case 'mt':
      return 'mt';
    default:
      return 'number';
  }
}

/** Whether `format` can print a value measured in `unit`. */
export function formatFits(format: FormatName, unit: UnitName): boolean {
  const spec: FormatSpec = FORMATS[format];
  return spec.kind === undefined || spec.kind === UNITS[unit].kind;
}

/**
 * Prints `value` (in `unit`) with `format`. `number` prints the value in its
 * own unit; the other formats convert through the unit's base.
 */
export function formatValue(
  value: number,
  unit: UnitName,
  format: FormatName = defaultFormat(unit),
  digits?: number,
): string {
  const spec: FormatSpec = FORMATS[format];
  const d = digits ?? spec.digits;
  const base = format === 'number' ? value : value * UNITS[unit].scale;
  return spec.print(base, d);
}

/** Short form for chart labels: fewer digits (unless told), no unit words. */
export function formatShort(value: number, unit: UnitName, digits = Math.abs(value) >= 100 ? 0 : 1): string {
  const text = minus(plain(value, digits));
  return unit === 'pct' ? `${text}%` : text;
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

/** Axis ticks: as few decimals as the tick needs, at most one. */
export function formatTick(value: number, unit: UnitName): string {
  const text = minus(tickFormatter.format(value));
  return unit === 'pct' ? `${text}%` : text;
}
