/**
 * The types every chart module shares, and nothing else: a drawn value
 * (Datum), a resolved chart (ChartData), a fault in a chart (ChartProblem).
 * This module stands below every chart kind and helper: it imports none of
 * them, so that any of them can import it without a cycle.
 */
import type { Measure, Row, Table } from '../data/model.ts';
import type { Period } from '../period.ts';
import type * as Plot from '@observablehq/plot';
import { ownDigits, type Unit } from '../format.ts';
import type { ChartSpec } from './spec.ts';

/** One drawn value. */
export interface Datum {
  /** Position along the chart: a date, a month number or a category. */
  x: Date | number | string;
  /** For bars over time: the span the bar covers. */
  x1?: Date;
  x2?: Date;
  y: number | null;
  /** Series name ('' when the chart has one series). */
  series: string;
  period: Period;
  /** Human label of the row: `Nov 2025`, or the category. */
  label: string;
  highlight: boolean;
  key: string;
  measure: Measure;
  /** The row's categories, by column. */
  category?: Record<string, string>;
  source: string;
  /** The data row the value comes from. */
  row?: Row;
  /**
   * Set when the row reports several months as one figure (January–February)
   * of an amount: `y` is then the average per month, so that the span is
   * drawn and described like the single months around it.
   */
  span?: { months: number; total: number };
  /** For a scatter sized by a column: this row's value of it. */
  size?: number | null;
}

/** How a datum's value reads: its period, and for a span that it is a monthly average. */
export function valueLabel(d: Datum): string {
  return d.span ? `${d.label}, average per month` : d.label;
}

/**
 * Decimals to print a datum with: a reported figure as its source wrote it
 * (up to two), a computed one (or a span's average per month) to at most one.
 */
export function shownDigits(d: Datum): number {
  return d.y === null ? 0 : ownDigits(d.y, d.measure.derived || d.span ? 1 : 2);
}

/** What runs along x: time, the months of a year, a category, or the values of a number column. */
export type XKind = 'time' | 'month' | 'category' | 'number';

/** The width and height a chart is drawn at. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Chart fields that only some kinds honour. Every other field of `chart:`
 * (data, type, title, caption, description, source, x, series, where,
 * from, to, highlight, annotations, values) applies to every kind, which
 * checks it against its own drawing.
 */
export const KIND_FIELDS = ['zero', 'sort', 'facet', 'layout', 'size', 'log', 'regions', 'partial', 'classes', 'lon', 'lat', 'map'] as const;
export type KindField = (typeof KIND_FIELDS)[number];

/**
 * The contract of a chart kind, after a Plot mark: what an editor writes
 * (`type`), its name in descriptions, which of the optional chart fields
 * it honours, its defaults and traits, and how it is drawn and described.
 * Each kind is one module in kinds/ and one line in kinds/registry.ts; the
 * modules shared by several kinds read a chart's traits (`chart.kind`),
 * never its type.
 */
export interface ChartKind {
  /** What an editor writes as `type:`. */
  readonly type: string;
  /** Its name in a chart's generated description and in problems: "Line chart". */
  readonly name: string;
  /** The optional chart fields it honours; any other of KIND_FIELDS is refused (kindFields.ts). */
  readonly honours: readonly KindField[];
  /** Whether its value axis includes zero when the editor writes no `zero:`. */
  readonly zero: boolean;
  /**
   * What a reader takes it for, in the chart-and-text check's words ("bars",
   * "a line"): a step between kinds of one family redraws the same values
   * without a jump. Default: its type.
   */
  readonly family?: string;
  /** Its marks are bars, standing up from the time or category axis (vertical) or lying along the value axis (horizontal). */
  readonly bars?: 'vertical' | 'horizontal';
  /** Its values are joined by a line, so that rows of several series in one line would zigzag. */
  readonly joined?: boolean;
  /** The area under its line is filled. */
  readonly filled?: boolean;
  /** With series, each is named at its last value (no key). */
  readonly endLabels?: boolean;
  /** Without `x:`, it runs across the table's first category column rather than its periods. */
  readonly categorical?: boolean;
  /** It draws each category at two periods, `from:` and `to:` (change.ts). */
  readonly pairs?: boolean;
  /** Each row is a place, matched to a map's atlas (geo/places.ts). */
  readonly places?: boolean;
  /** Each place is shaded by its value, so that its land area weighs on what a reader sees. */
  readonly shades?: boolean;
  /** It marks a few places, at their longitude and latitude where the table has them, rather than covering the map. */
  readonly pinpoints?: boolean;
  /** It can draw an unverified value hollow, apart from the others (provenance.ts). */
  readonly hollow?: boolean;
  /**
   * Its states can share one drawing on the story page, each mark followed
   * from state to state (stateDrawing.ts, morph.ts): bars, dots, lines and
   * areas. Otherwise its states cross-fade.
   */
  readonly morphs?: boolean;
  /** The `layout:` values it draws (stack.ts). */
  readonly layouts?: readonly ('stack' | 'group')[];
  /** Plot options for a resolved chart at one size; pure. A map given `shapesFrom` reuses the shapes of its drawing at that size. */
  options(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions;
  /** Its description, before the annotations' sentences; undefined: the shared one (describe.ts). */
  describe?(chart: ChartData): string[] | undefined;
  /** Its own checks of the data read for a chart, before the chart is made; it may shape the data (a scatter reads each dot's size). */
  check?(input: KindInput, problems: ChartProblem[]): void;
}

/** What a kind's check reads: the spec, its table, what runs along x, and the data read. */
export interface KindInput {
  spec: ChartSpec;
  table: Table;
  x: string;
  xKind: XKind;
  data: Datum[];
}

/** A chart's data, resolved and filtered, ready to become Plot options. */
export interface ChartData {
  spec: ChartSpec;
  type: string;
  /** The kind that draws it (kinds/registry.ts). */
  kind: ChartKind;
  table: Table;
  keys: string[];
  measures: Measure[];
  unit: Unit;
  /** The site's locale, for numbers. */
  locale: string;
  xKind: XKind;
  /** Name of the x column (`period`, `month` or a category). */
  x: string;
  /** Name of the series column, if any. */
  series?: string;
  data: Datum[];
  /** Whether the value axis includes zero: the editor's `zero:`, else the kind's default. */
  zero: boolean;
  /** True when `highlight` names whole series (colour them) rather than points. */
  highlightsSeries: boolean;
  /** Scales shared with the other states of the same chart (see states.ts); Plot's own when absent. */
  domains?: Domains;
  /** The states of its chart that share those scales, in order, itself among them (their notes are placed once for all). */
  sharedWith?: readonly ChartData[];
  /** Category labels along the band axis (bar x, barX y), in the order drawn; undefined: Plot's own. */
  order?: string[];
  /** Notes the data itself requires (spans, running sums). */
  notes: string[];
  /** The spec's annotations, resolved against the data (see annotate.ts). */
  annotations: Annotation[];
  /** For maps: each place drawn (a datum's x) → the atlas ids of its countries. */
  places?: Map<string, string[]>;
}

/** A fault in a chart spec; `field` is its path under `chart:`, `onKey` points at the key rather than its value. */
export interface ChartProblem {
  message: string;
  hint?: string;
  field: string;
  onKey?: boolean;
  /** When the fault is in a CSV row rather than the spec: where. */
  at?: { file: string; line: number };
}

export type ChartResult = { ok: true; chart: ChartData } | { ok: false; problems: ChartProblem[] };

export type Annotation =
  /** `series`: the one the editor named, if any (on a stack, a note without one points at the total). */
  | { kind: 'note'; text: string; datum: Datum; series?: string }
  | { kind: 'reference'; text: string; value: number }
  | { kind: 'span'; text: string; from: Period; to: Period; x1: Date | number; x2: Date | number }
  | { kind: 'event'; text: string; at: Period; x: Date | number };

/** Scale domains shared by the states of one chart. */
export interface Domains {
  /** The time axis, for charts over time. */
  x?: [Date, Date];
  /** The value axis (the horizontal one for barX). */
  y?: [number, number];
}
