/**
 * A `:fact` with `from=`: its figure is the change of its series between
 * two periods the editor chooses ("Google lost 51% from October 2007 to
 * March 2009"), not the value at one. What the words state decides how:
 *
 * - a multiple (`8.6 times`, `8.6-fold`): the value at `at` over the value at `from`;
 * - a percentage of a column that is not one (`lost 51%`): the change in per cent of the value at `from`;
 * - percentage points of a percentage column (`up 2.1 points`): the difference;
 * - anything else, in the column's own unit (`fell US$359`): the difference.
 */
import { UNITS, type Unit } from '../format.ts';
import type { StatedFigure } from './factLiteral.ts';

export type ChangeOp = 'change_from' | 'pct_from' | 'times_from';

/** The change a figure states, computed from the two values, in the unit it is compared in. */
export interface Change {
  op: ChangeOp;
  /** The period the change runs from, as written in `from=`. */
  from: string;
  fromValue: number;
  value: number;
  unit: Unit;
}

/** A multiple, compared as a plain number. */
const TIMES: Unit = { name: 'times', label: 'times', kind: 'times', scale: 1, prefix: '', suffix: ' times', words: ['times'], decimals: 1 };

const MULTIPLE = /^\s*(?:times\b|-?fold\b)/i;

/** Whether the words state a multiple: a number followed by "times" or "-fold". */
export function statesMultiple(text: string, figure: StatedFigure): boolean {
  return MULTIPLE.test(text.slice(figure.digits.end));
}

/**
 * The change from `fromValue` (at `from`) to `atValue` that `figure` states,
 * in `unit` (the column's); or why the words cannot state one.
 */
export function statedChange(
  text: string,
  figure: StatedFigure,
  unit: Unit,
  from: string,
  fromValue: number,
  atValue: number,
): { ok: true; change: Change } | { ok: false; message: string; hint: string } {
  if (statesMultiple(text, figure)) {
    if (!(fromValue > 0) || atValue < 0) {
      return { ok: false, message: `fact "${text}" states a multiple, and the value at ${from} is ${fromValue}`, hint: 'a multiple compares two amounts above zero: state the difference instead' };
    }
    if (figure.direction === 'down' || figure.value < 0) {
      return { ok: false, message: `fact "${text}" states a multiple with a fall`, hint: 'a multiple is never negative: write "a third of", or state the fall in per cent' };
    }
    return { ok: true, change: { op: 'times_from', from, fromValue, value: atValue / fromValue, unit: TIMES } };
  }
  if (figure.kind === 'pct' && unit.kind === 'pct') {
    return {
      ok: false,
      message: `fact "${text}" states a percentage change of a percentage (${unit.label})`,
      hint: 'write the difference in percentage points ("up 2.1 percentage points"), which is what readers take a change in a rate to mean',
    };
  }
  if (figure.kind === 'pct') {
    if (fromValue === 0) return { ok: false, message: `fact "${text}" states a change in per cent from ${from}, where the value is 0`, hint: 'state the difference in the unit instead' };
    return { ok: true, change: { op: 'pct_from', from, fromValue, value: ((atValue - fromValue) / Math.abs(fromValue)) * 100, unit: UNITS.pct } };
  }
  if (figure.kind === 'pp' && unit.kind === 'pct') {
    return { ok: true, change: { op: 'change_from', from, fromValue, value: (atValue - fromValue) * unit.scale, unit: UNITS.pp } };
  }
  return { ok: true, change: { op: 'change_from', from, fromValue, value: atValue - fromValue, unit } };
}
