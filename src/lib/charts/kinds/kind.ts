/**
 * The contract of a chart kind (ChartKind, declared with the other shared
 * types in ../model.ts so that a kind's drawing and the resolved chart can
 * name each other without an import cycle) and the chart fields only some
 * kinds honour. A chart field that its kind does not honour is refused at
 * its line by one check (../kindFields.ts), so a new kind never silently
 * ignores one.
 *
 * Every kind is one module beside this one, and one line in registry.ts.
 */
export { KIND_FIELDS, type ChartKind, type KindField } from '../model.ts';
