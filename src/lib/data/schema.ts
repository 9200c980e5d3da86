import { z } from 'zod';
import { GATHERINGS, type GatheringName } from './gatherings/registry.ts';
import { OPS } from './ops/registry.ts';

/**
 * Column types a table may declare. `unit` is a column whose cells state
 * each row's unit (tonnes for one commodity, mt for another): number
 * columns without a unit of their own take it from there. `url` holds the
 * row's source address and `publisher` the name of whoever published it
 * there, so that each figure can be credited to its reporter; `grade`
 * says whether the row's figures are `verified` or `unverified`.
 */
export const COLUMN_TYPES = ['period', 'number', 'category', 'unit', 'url', 'publisher', 'grade', 'text'] as const;

/**
 * The maps a category column's places may be keyed to: countries of the
 * world (the default), or US states or counties (us-atlas, 2017 edition).
 */
export const PLACE_SETS = ['world', 'us-states', 'us-counties'] as const;
export type PlaceSet = (typeof PLACE_SETS)[number];

/** How a derived measure is computed from a number column: the ops of the registry (ops/registry.ts), in its order. */
export const DERIVATIONS = OPS.map((op) => op.name) as [string, ...string[]];

/** The grains a column may be gathered into (`all`: over the whole table, one row per series). */
export const AGGREGATE_GRAINS = Object.keys(GATHERINGS) as [GatheringName, ...GatheringName[]];

/** A unit's name: a built-in one or one declared under `units` (checked against both once all is read). */
const unit = z.string().min(1);

/** A unit the dataset declares for itself. */
export const unitSchema = z.strictObject({
  label: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  scale: z.number().positive().optional(),
  words: z.array(z.string().trim().min(1)).optional(),
  kind: z.string().min(1).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
});

export const columnSchema = z.strictObject({
  type: z.enum(COLUMN_TYPES),
  unit: unit.optional(),
  label: z.string().optional(),
  description: z.string().optional(),
  /** A category column's values in the order charts and tables give them (default: alphabetical). */
  order: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  /** A category column's value that is the total of the others ("All natural disasters"): shares, ranks and stacks leave it out. */
  total: z.union([z.string(), z.number()]).transform(String).optional(),
  /** A category column of places: the map they are found on (world, us-states, us-counties). */
  places: z.enum(PLACE_SETS).optional(),
});

export const derivedSchema = z.strictObject({
  /** yoy/mom: % change; ytd: running sum within the year; rolling12: sum of the last 12 months; diff: of − minus. */
  op: z.enum(DERIVATIONS),
  of: z.string(),
  minus: z.string().optional(),
  /** index: the period whose value is 100. */
  base: z.union([z.string(), z.number()]).transform(String).optional(),
  /** share, rank: the category column whose values share the total (default: all categories together). */
  across: z.string().optional(),
  /** sum, mean, last: the coarser grain the values are gathered into (decade; all: the whole table). */
  to: z.enum(AGGREGATE_GRAINS).optional(),
  label: z.string().optional(),
  description: z.string().optional(),
});

export const measureSchema = z.strictObject({
  unit,
  label: z.string().optional(),
  description: z.string().optional(),
});

export const tableSchema = z.strictObject({
  file: z.string(),
  title: z.string(),
  description: z.string().optional(),
  /**
   * Name of the column holding the period. Default: the column of type
   * period, if there is one; a table without one is a cross-section.
   */
  period: z.string().optional(),
  /**
   * `period` (default): a row stands for its period. `end`: a row is a
   * running total to the end of its span (a year-to-date figure), found and
   * drawn at its last month.
   */
  index: z.enum(['period', 'end']).default('period'),
  /**
   * What a period without a row for a series means when values are
   * gathered (`sum`, `mean`, `last`): `missing` (default) leaves the
   * coarser total missing; `zero` counts it as none, for a file that lists
   * only the years with a figure. Only periods between the table's first
   * and last count so.
   */
  absent: z.enum(['missing', 'zero']).default('missing'),
  columns: z.record(z.string(), columnSchema),
  /**
   * A long ("tidy") table holds one measure per row: `measure` names the
   * column that says which, `value` the column with the number. The
   * measures are then declared under `measures`; `unit`, if given, names a
   * column whose every cell must state the measure's declared unit.
   */
  long: z.strictObject({ measure: z.string(), value: z.string(), unit: z.string().optional() }).optional(),
  measures: z.record(z.string(), measureSchema).optional(),
  derived: z.record(z.string(), derivedSchema).optional(),
});

export const datasetSchema = z.strictObject({
  title: z.string(),
  publisher: z.string(),
  /** The line charts print as their source unless a chart names its own. */
  source: z.string(),
  /**
   * Who the figures come from, as a credit line names them ("China customs
   * (GACC)"); a chart drawn from rows that name their reporters reads
   * "Source: <credit>, as reported by A, B and C". Default: `publisher`.
   */
  credit: z.string().min(1).optional(),
  /**
   * The only reporters a credit line names (the wires and outlets a
   * newsroom prints), spelt as printed; any other counts among "and
   * others". Default: every reporter but a bare web host.
   */
  reporters: z.array(z.string().min(1)).min(1).optional(),
  licence: z.string(),
  description: z.string().optional(),
  sources: z
    // A source is a link on the page: only web addresses, never javascript: or file:.
    .array(z.strictObject({ name: z.string(), url: z.url({ protocol: /^https?$/ }) }))
    .min(1),
  notes: z.array(z.string()).optional(),
  /** Units of this dataset's own, by name, beside the built-in ones. */
  units: z.record(z.string(), unitSchema).optional(),
  tables: z.record(z.string(), tableSchema),
});

/** The table's period column, or undefined for a cross-section without one. */
export function periodColumn(spec: TableSpec): string | undefined {
  if (spec.period !== undefined) return spec.period;
  return Object.entries(spec.columns).find(([, c]) => c.type === 'period')?.[0];
}

export type DatasetSpec = z.infer<typeof datasetSchema>;
export type TableSpec = z.infer<typeof tableSchema>;
export type ColumnSpec = z.infer<typeof columnSchema>;
export type DerivedSpec = z.infer<typeof derivedSchema>;
export type UnitSpec = z.infer<typeof unitSchema>;
