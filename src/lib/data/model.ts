import type { Grain, Period } from '../period.ts';
import type { Unit, UnitRegistry } from '../format.ts';
import type { DatasetSpec, DerivedSpec, PlaceSet } from './schema.ts';

/** One observation: a period, its categories and every measure's value. */
export interface Row {
  period: Period;
  /** Line in the CSV file where the row (or its first measure) stands. */
  line: number;
  /** Category column → value, e.g. `{ destination: 'United States' }`. */
  categories: Record<string, string>;
  /** Measure → value; null where the source gives none. */
  values: Record<string, number | null>;
  /** The row's own unit, from a `unit` column, for measures declared without one. */
  unit?: Unit;
  /** Measure → source URL; long tables name one per measure. */
  sources: Record<string, string>;
  /**
   * Measure → name of the row's publisher (the agency or outlet that
   * reported it), from a `publisher` column; '' when none is named. Keyed
   * like `sources`: '' for the whole row in a wide table.
   */
  publishers: Record<string, string>;
  /**
   * Measure → the unverified rows its value rests on ('' for every raw
   * measure of the row); absent when every figure of the row is verified.
   * See provenance.ts.
   */
  unverified?: Record<string, readonly UnverifiedSource[]>;
  /** Free-text notes from the source file, by measure ('' for the row). */
  notes: Record<string, string>;
  /**
   * A single month reported inside a span that the table also holds (January
   * 2023 beside January–February 2023): looked up by `at`, but never summed
   * and never drawn, so that no month counts twice.
   */
  detail: boolean;
}

/** A CSV row whose figure the dataset does not vouch for (`grade: unverified`). */
export interface UnverifiedSource {
  file: string;
  line: number;
  /** Who published the figure there, from the publisher column; '' when none is named. */
  publisher: string;
  /** The row's period, as written. */
  period: string;
}

export interface Measure {
  name: string;
  label: string;
  /** null when each row states its own unit (see `Row.unit`). */
  unit: Unit | null;
  description?: string;
  derived?: DerivedSpec;
}

export interface Table {
  name: string;
  title: string;
  description?: string;
  /** Project-relative path of the CSV file. */
  file: string;
  index: 'period' | 'end';
  /** `zero` when a period without a row counts as none where values are gathered (`absent: zero` in dataset.yaml). */
  absent?: 'zero';
  /** The grain of its periods, told by their values; `none` for a table without periods. */
  grain: Grain;
  /** Category columns, in the order the dataset declares them. */
  categories: string[];
  /** Category column → its values in the declared order (`order:` in dataset.yaml), when one is declared. */
  orders?: Record<string, string[]>;
  /** Category column → its value that is the total of the others (`total:` in dataset.yaml), when one is declared. */
  totals?: Record<string, string>;
  /** Category column → the map its places are found on (`places:` in dataset.yaml), when declared. */
  places?: Record<string, PlaceSet>;
  measures: Map<string, Measure>;
  /** Rows sorted by period, then categories. */
  rows: Row[];
  /**
   * False when some of the CSV was refused (and reported there): a lookup
   * that then finds nothing is a follow-on of that fault, not the story's.
   */
  complete: boolean;
  /**
   * Measures gathered into a coarser grain (`op: sum, to: year`), by name:
   * each lives in a table of its own grain, with the same name and
   * categories, that its key (`days.rain_year`) resolves to.
   */
  aggregates?: Map<string, Table>;
}

export interface Dataset {
  name: string;
  /** Project-relative path of dataset.yaml. */
  file: string;
  spec: DatasetSpec;
  /** Units its columns may name: the built-ins and those dataset.yaml declares. */
  units: UnitRegistry;
  tables: Map<string, Table>;
}

/** The unit of `measure` in `row`. */
export function unitOf(measure: Measure, row: Row): Unit | undefined {
  return measure.unit ?? row.unit;
}
