import type { Unit } from '../../format.ts';
import type { Period } from '../../period.ts';

/** The fields of a derived measure besides of:, label: and description:. */
export type OpField = 'base' | 'minus' | 'across' | 'to';

/**
 * What an op reads of a row of a table (data/model.ts's Row): its period,
 * its values, and its own unit where a table's rows differ. Declared here,
 * not imported, so that ops stand below the dataset model and its schema.
 */
export interface OpRow {
  readonly period: Period;
  readonly values: Readonly<Record<string, number | null>>;
  readonly unit?: Unit;
}

/** What an op reads of its declaration in dataset.yaml. */
export interface OpSpec {
  readonly of: string;
  readonly minus?: string;
  readonly base?: string;
}

/** What an op can read while it computes the value of one row of a series. */
export interface SeriesRead {
  /** The row whose value is being computed. */
  readonly row: OpRow;
  /** The row before it when that is the period just before and neither is a span of months; else undefined. */
  readonly previous: OpRow | undefined;
  /** A measure's value in a row (of: unless named), noted as an input of the value computed. */
  value(row: OpRow | undefined, name?: string): number | null;
  /** The series' row of a period, by its id. */
  period(id: string): OpRow | undefined;
  /** The measure's declaration in dataset.yaml. */
  readonly spec: OpSpec;
}

/**
 * How an op computes its values:
 * - `row`: one value per row of a series (a category's periods, in order), from that row and others of the series;
 * - `window`: the sum over a window of periods that ends at each row, starting where `start` says;
 * - `across`: one value per row among the rows of one period (the categories compared);
 * - `gather`: one value per period of a coarser grain (`to:`), from the rows it holds: `end` is when that period ends (ms),
 *   `covered` whether the rows cover it one after another, `count` how many periods of the table's grain it counts.
 */
export type Computation =
  | { readonly kind: 'row'; value(read: SeriesRead): number | null }
  | { readonly kind: 'window'; start(p: Period, endsAt: number): number }
  | { readonly kind: 'across'; values(values: readonly (number | null)[]): (number | null)[] }
  | { readonly kind: 'gather'; value(rows: readonly OpRow[], of: string, end: number, covered: boolean, count: number): number | null };

/** A derived measure's ledger entry, as the words of the ledger need it. */
export interface DerivedWords {
  op: string;
  ofLabel: string;
  minus?: string;
  minusLabel?: string;
  to?: string;
}

/**
 * One derived op (`op:` under `derived:` in dataset.yaml): everything
 * Plotline knows of it, in one place. The registry (registry.ts) lists them.
 */
export interface DerivedOp {
  /** What an editor writes after op:. */
  readonly name: string;
  /** Fields it cannot do without; any field it neither needs nor allows is refused. */
  readonly needs?: readonly OpField[];
  /** Fields it may take. */
  readonly allows?: readonly OpField[];
  readonly compute: Computation;
  /** The unit of its values from the unit of of:; without it, of:'s unit. */
  unit?(of: Unit | null): Unit | null;
  /** Its values add figures up: refused over a rate, with this hint. */
  readonly addsUp?: string;
  /** Its values are a % change: refused over a percentage, with this hint. */
  readonly percentChange?: string;
  /** The sign of its values is a direction (up or down on an earlier period). */
  readonly direction?: boolean;
  /** Its values are amounts like its inputs' (a difference of two), so a span of months is averaged per month like a reported figure. */
  readonly amount?: boolean;
  /** The note under a chart of it, from the measure's label, when it needs one. */
  note?(label: string): string;
  /** How the fact ledger says how a value was computed: "the change in Exports on a year earlier". */
  words(d: DerivedWords): string;
}

/** Percentage change from `before` to `now`; none from zero. */
export function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

export function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** Removes floating-point dust (0.1 + 0.2) without losing real precision. */
export function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
