import type { Measure, Row, Table } from '../data/model.ts';
import type { Unit } from '../format.ts';

/**
 * How a figure was compared with the data. A `:fact` rounds the data the
 * way the editor wrote the figure: to `decimals` places in units of
 * `scale` (1e12 for "trillion"; the data's own unit when no scale word is
 * written). A `:value` prints the data with `decimals` places in `format`.
 */
export interface Rounding {
  decimals: number;
  /** Size of one stated unit in the data's unit: 1000 for "trillion" over usd_bn data. */
  scale: number;
  /** The figure as the text states it, signed, in stated units (:fact only). */
  stated?: number;
  /** The data rounded the same way, in stated units. */
  rounded: number;
  /** Data values, in the data's unit, that the text would still match: [from, to). */
  accepts?: [number, number];
  /** The :value's format name. */
  format?: string;
}

/** Where a checked or printed figure came from in the data. */
export interface FactData {
  value: number;
  unit: Unit;
  table: Table;
  measure: Measure;
  row: Row;
  rounding: Rounding;
  /** Set when the figure is a change between two periods (`from=`): `value` is the change, `row` the later period's. */
  change?: { op: 'change_from' | 'pct_from' | 'times_from'; from: string; fromValue: number; fromRow: Row };
}

/**
 * One `:fact` or `:value` as the Markdown pipeline met it, passing or not:
 * the raw material of the fact ledger and of `npm run diff`.
 */
export interface FactRecord {
  directive: 'fact' | 'value';
  /** The editor's words (:fact) or the printed figure (:value). */
  text: string;
  /** The reader-visible sentence the figure stands in. */
  sentence: string;
  file: string;
  line: number;
  column: number;
  key?: string;
  at?: string;
  filters: Record<string, string>;
  /** Set when the key, period and row were found. */
  data?: FactData;
  /** Messages of the problems reported at this directive; empty when it passes. */
  problems: string[];
  /** The word claim the fact checks (`claim=max`), when it names one. */
  claim?: string;
  /** Marked as context that the step's chart does not show (`{… offchart}`). */
  offchart?: boolean;
  /** The outlet an unverified figure is attributed to in its sentence (`unverified="…"`). */
  attributed?: string;
}
