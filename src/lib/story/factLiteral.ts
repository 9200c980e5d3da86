import { BUILT_IN_UNITS, unitDef, type Unit, type UnitKind, type UnitRef, type UnitRegistry } from '../format.ts';
import { COMMON_UNIT_WORDS } from '../data/units.ts';
import type { Rounding } from '../audit/factRecord.ts';

/** What an editor's figure says: "fell 28.6 per cent" → −28.6 %, 1 decimal. */
export interface StatedFigure {
  /** The number as written, signed by its sign or direction word, in `scale`. */
  value: number;
  /** Decimals written: the precision to compare at. */
  decimals: number;
  /** Multiplier of the scale word: 1e9 for "billion", 1 when none. */
  scale: number;
  /** Unit kind the words imply; undefined when the text names none. */
  kind?: UnitKind;
  /** Direction stated by a word (rose/fell), if any. */
  direction?: 'up' | 'down';
  /** Where the digits stand in the text, and whether they were grouped (1,080.1). */
  digits: { start: number; end: number; grouped: boolean };
}

const NUMBER = /([-−+]?)(?:US\$|\$)?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;

const SCALES: [RegExp, number][] = [
  [/^\s*(trillion|tn|trn)\b/i, 1e12],
  [/^\s*(billion|bn)\b/i, 1e9],
  [/^\s*(million|mn)\b/i, 1e6],
  [/^\s*(thousand)\b/i, 1e3],
];

const KINDS: [RegExp, UnitKind][] = [
  [/\bpercentage points?\b|\bpp\b/i, 'pp'],
  [/%|\bper ?cent\b/i, 'pct'],
  [/US\$|\$|\bdollars?\b|\busd\b/i, 'usd'],
  [/\btonnes?\b|\btons?\b/i, 'mass'],
  [/\bunits\b|\bchips\b/i, 'count'],
];

const DOWN = /\b(fell|fall|falls|falling|fallen|dropped|drop|drops|slid|slide|slides|down|declined?|declines|decreased?|shrank|shrink|shrunk|contracted|lower|fewer|slumped|plunged|plunge|sank|dipped|dip|eased|slipped|tumbled|lost|lose|loses|losing|shed)\b/i;
const UP = /\b(rose|rise|rises|rising|risen|grew|grow|grows|grown|growth|climbed|climb|up|increased?|increases|jumped|jump|surged|surge|gained|gain|higher|soared|expanded|rebounded|added)\b/i;

/** As for :value's digits: more is beyond any published figure (and any float). */
const MAX_DECIMALS = 6;

export type ParseResult = { ok: true; figure: StatedFigure } | { ok: false; message: string; hint: string };

/** Reads the one figure in an editor's `:fact[...]` text. */
export function parseStatedFigure(text: string): ParseResult {
  const matches = [...text.matchAll(NUMBER)];
  if (matches.length === 0) {
    return { ok: false, message: `fact "${text}" states no number`, hint: 'put the figure itself inside the brackets, e.g. :fact[US$111.68 billion]{…}' };
  }
  if (matches.length > 1) {
    return { ok: false, message: `fact "${text}" states ${matches.length} numbers`, hint: 'wrap each figure in its own :fact so that each is checked' };
  }
  const [match] = matches;
  const [whole, sign, integer, fraction = ''] = match;
  if (fraction.length > MAX_DECIMALS) {
    return { ok: false, message: `fact "${text}" gives ${fraction.length} decimals`, hint: `write at most ${MAX_DECIMALS}, as published` };
  }
  const after = text.slice(match.index + whole.length);
  let scale = 1;
  for (const [pattern, factor] of SCALES) if (pattern.test(after)) scale = factor;
  const kind = KINDS.find(([pattern]) => pattern.test(text))?.[1];

  const down = DOWN.test(text);
  const up = UP.test(text);
  if (down && up) {
    return { ok: false, message: `fact "${text}" says both up and down`, hint: 'use one direction word' };
  }
  const direction = down ? 'down' : up ? 'up' : undefined;
  if (direction && sign) {
    return { ok: false, message: `fact "${text}" has both a sign and a direction word`, hint: 'write "fell 28.6 per cent" or "−28.6%", not both' };
  }
  const written = `${integer}${fraction ? `.${fraction}` : ''}`;
  const end = match.index + whole.length;
  const digits = { start: end - written.length, end, grouped: integer.includes(',') };
  const magnitude = Number(`${integer.replaceAll(',', '')}.${fraction || '0'}`);
  const negative = direction === 'down' || sign === '-' || sign === '−';
  return {
    ok: true,
    figure: { value: negative ? -magnitude : magnitude, decimals: fraction.length, scale, kind, direction, digits },
  };
}

export type CheckResult =
  | { ok: true }
  | { ok: false; message: string; stated: string; actual: string; /** The data in the text's scale, rounded as written. */ rounded?: number };

/**
 * Compares a stated figure with the data value (in `unit`): equal when the
 * data, rounded to the decimals the editor wrote, gives the same number.
 */
export function checkFigure(figure: StatedFigure, data: number, unit: UnitRef): CheckResult {
  const info = unitDef(unit);
  if (figure.kind && figure.kind !== info.kind) {
    return { ok: false, message: `states ${KIND_NAMES[figure.kind] ?? figure.kind} but the data is in ${info.label}`, stated: '', actual: '' };
  }
  const { rounded } = figureRounding(figure, data, unit);
  const step = 10 ** -figure.decimals;
  const same = Math.abs(rounded - figure.value) < step / 1000;
  if (same) return { ok: true };
  const signed = Math.sign(rounded) !== Math.sign(figure.value);
  const print = (v: number) => `${signed && v > 0 ? '+' : ''}${v.toFixed(figure.decimals)}`.replace('-', '−');
  return {
    ok: false,
    message: 'does not match the data',
    stated: print(figure.value),
    actual: print(rounded),
    rounded,
  };
}

/**
 * How `checkFigure` compares `figure` with `data` (in `unit`): the size of
 * one stated unit in the data's unit, the data rounded as written, and the
 * data values the figure accepts, [from, to) in the data's unit.
 */
export function figureRounding(figure: StatedFigure, data: number, unit: UnitRef): Rounding {
  const info = unitDef(unit);
  // Percentages and plain numbers compare in the data's own unit; amounts
  // with a scale word ("1.076 trillion") compare in base units.
  const base = figure.kind === 'pct' ? 1 : figure.scale === 1 ? info.scale : figure.scale;
  const scale = base / info.scale;
  const inStatedScale = data / scale;
  const step = 10 ** -figure.decimals;
  const rounded = Math.round(Math.abs(inStatedScale) / step + 1e-9) * step * Math.sign(inStatedScale);
  const magnitude = Math.abs(figure.value);
  const sign = figure.value < 0 ? -1 : 1;
  const ends = [Math.max(0, magnitude - step / 2), magnitude + step / 2].map((v) => tidy(sign * v * scale));
  return {
    decimals: figure.decimals,
    scale,
    stated: figure.value,
    rounded: tidy(rounded),
    accepts: sign < 0 ? [ends[1], ends[0]] : [ends[0], ends[1]],
  };
}

/** Drops floating-point noise: 1075.4999999999998 → 1075.5. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The editor's words with the data's number in place of theirs, written
 * the same way (decimals, thousands commas): "US$111.86 billion" against
 * 111.68 gives "US$111.68 billion". Only the magnitude is replaced: a
 * figure whose sign the data contradicts is reported by its signed numbers.
 */
export function restate(text: string, figure: StatedFigure, value: number): string {
  const { start, end, grouped } = figure.digits;
  const digits = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: figure.decimals,
    maximumFractionDigits: figure.decimals,
    useGrouping: grouped,
  }).format(Math.abs(value));
  return `${text.slice(0, start)}${digits}${text.slice(end)}`;
}

const KIND_NAMES: Record<string, string> = {
  pct: 'a percentage',
  pp: 'percentage points',
  usd: 'a dollar amount',
  mass: 'a weight',
  count: 'a count',
};

/** A unit word an editor wrote after a figure, and the unit it belongs to (none for a common word no unit declares). */
export interface StatedUnitWord {
  word: string;
  unit?: Unit;
}

const SCALE_WORD = /^\s*(trillion|tn|trn|billion|bn|million|mn|thousand)\b/i;
/** Scale words say how large, not in what: they are read as the scale, never as a unit. */
const SCALE_ONLY = /^(trillion|tn|trn|billion|bn|million|mn|thousand)$/i;

/**
 * The unit word that follows the figure in `text` ("416.18 ppm" → ppm),
 * the longest that matches among the units' words and suffixes and common
 * English unit words; undefined when the figure is followed by none.
 */
export function statedUnitWord(text: string, figure: StatedFigure, units: UnitRegistry = BUILT_IN_UNITS): StatedUnitWord | undefined {
  const candidates: StatedUnitWord[] = [];
  for (const unit of units.values()) {
    for (const word of [...unit.words, unit.suffix.trim()]) if (word && !SCALE_ONLY.test(word)) candidates.push({ word, unit });
  }
  for (const word of COMMON_UNIT_WORDS) candidates.push({ word });
  candidates.sort((a, b) => b.word.length - a.word.length);
  const after = text.slice(figure.digits.end);
  for (const rest of [after.trimStart(), after.replace(SCALE_WORD, '').trimStart()]) {
    const lower = rest.toLowerCase();
    for (const c of candidates) {
      const w = c.word.toLowerCase();
      if (!lower.startsWith(w) || /\p{L}/u.test(lower.charAt(w.length))) continue;
      return c;
    }
  }
  return undefined;
}

/**
 * Why a figure's unit word cannot describe data in `unit`: it is a word of
 * another unit of another kind, or a common unit word that the column's
 * unit does not use ("416.18 degrees" on a ppm column). Undefined when fine.
 */
export function unitWordProblem(text: string, figure: StatedFigure, unit: UnitRef, units: UnitRegistry = BUILT_IN_UNITS): string | undefined {
  const own = unitDef(unit);
  const stated = statedUnitWord(text, figure, units);
  if (!stated) return undefined;
  const word = stated.word.toLowerCase();
  const ownWords = [...own.words, own.suffix.trim()].map((w) => w.toLowerCase());
  if (ownWords.includes(word)) return undefined;
  // A word shared by units of the column's kind (tonnes for mt) is fine.
  const owners = [...units.values()].filter((u) => [...u.words, u.suffix.trim()].some((w) => w.toLowerCase() === word));
  if (owners.some((u) => u.kind === own.kind)) return undefined;
  if (owners.length === 0 && stated.unit === undefined && kindOfWord(word) === own.kind) return undefined;
  return stated.word;
}

function kindOfWord(word: string): UnitKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(word))?.[1];
}
