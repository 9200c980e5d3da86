/**
 * The contract of a chart kind: what an editor writes (`type`), its name
 * in descriptions, and which of the optional chart fields it honours. A
 * chart field that its kind does not honour is refused at its line by one
 * check (../kindFields.ts), so a new kind never silently ignores one.
 *
 * Every kind is one module beside this one, and one line in registry.ts.
 * This module imports nothing: kinds, the registry and the story schema
 * all stand on it.
 */

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
}
