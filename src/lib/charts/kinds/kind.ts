/**
 * The contract of a chart kind, after a Plot mark: what an editor writes
 * (`type`), its name in descriptions, which of the optional chart fields
 * it honours, its defaults, and how it is drawn and described. A chart
 * field that its kind does not honour is refused at its line by one check
 * (../kindFields.ts), so a new kind never silently ignores one.
 *
 * Every kind is one module beside this one, and one line in registry.ts.
 * This module imports only the shared types below every kind.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartData } from '../model.ts';
import type { Size } from '../frame.ts';

/**
 * Chart fields that only some kinds honour. Every other field of `chart:`
 * (data, type, title, caption, description, source, x, series, where,
 * from, to, highlight, annotations, values) applies to every kind, which
 * checks it against its own drawing.
 */
export const KIND_FIELDS = ['zero', 'sort', 'facet', 'layout', 'size', 'log', 'regions', 'partial'] as const;
export type KindField = (typeof KIND_FIELDS)[number];

export interface ChartKind {
  /** What an editor writes as `type:`. */
  readonly type: string;
  /** Its name in a chart's generated description and in problems: "Line chart". */
  readonly name: string;
  /** The optional chart fields it honours; any other of KIND_FIELDS is refused. */
  readonly honours: readonly KindField[];
  /** Whether its value axis includes zero when the editor writes no `zero:`. */
  readonly zero: boolean;
  /**
   * What a reader takes it for, in the chart-and-text check's words ("bars",
   * "a line"): a step between kinds of one family redraws the same values
   * without a jump. Default: its type.
   */
  readonly family?: string;
  /** Plot options for a resolved chart at one size; pure. A map given `shapesFrom` reuses the shapes of its drawing at that size. */
  options(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions;
  /** Its description, before the annotations' sentences; undefined: the shared one (../describe.ts). */
  describe?(chart: ChartData): string[] | undefined;
}
