import type { Dataset, Measure, Row, Table, UnverifiedSource } from './model.ts';

/**
 * Which figures rest on a source the dataset does not vouch for. A table
 * with a `grade` column marks each row `verified` or `unverified` (an empty
 * cell counts as unverified); a table without one is vouched for by the
 * dataset's own source. A derived value rests on every row it is computed
 * from, so a running total over one unverified month is unverified too.
 */

export const GRADES = ['verified', 'unverified'] as const;

const NONE: readonly UnverifiedSource[] = Object.freeze([]);

/** The unverified rows `measure`'s value in `row` rests on; empty when it rests on verified ones only. */
export function unverifiedOf(row: Row | undefined, measure: Measure): readonly UnverifiedSource[] {
  const own = row?.unverified;
  if (!own) return NONE;
  return own[measure.name] ?? (measure.derived ? NONE : own[''] ?? NONE);
}

/** Whether `measure`'s value in `row` rests on an unverified row. */
export function isUnverified(row: Row | undefined, measure: Measure): boolean {
  return unverifiedOf(row, measure).length > 0;
}

/** Whether any row of `rows` carries an unverified figure: when none does, derivation tracks nothing. */
export function anyUnverified(rows: readonly Row[]): boolean {
  return rows.some((row) => row.unverified !== undefined);
}

/**
 * Gathers the unverified sources of the inputs of one derived value, then
 * marks the row it lands in: `touch` each input read, `settle` the result.
 */
export class ProvenanceTracker {
  #found = new Map<string, UnverifiedSource>();
  readonly #table: Table;
  readonly #measure: string;

  constructor(table: Table, measure: string) {
    this.#table = table;
    this.#measure = measure;
  }

  touch(row: Row | undefined, name: string): void {
    const measure = this.#table.measures.get(name);
    if (!row || !measure) return;
    for (const source of unverifiedOf(row, measure)) this.#found.set(`${source.file}:${source.line}`, source);
  }

  /** Marks `row`'s value of the measure with what was touched since the last settle (nothing when the value is missing). */
  settle(row: Row, hasValue: boolean): void {
    if (hasValue && this.#found.size > 0) {
      row.unverified = { ...row.unverified, [this.#measure]: [...this.#found.values()] };
    }
    this.#found.clear();
  }
}

/** `file:line` of each source, for a hint: "data/x/monthly.csv:12 (Some Site)". */
export function describeSources(sources: readonly UnverifiedSource[], limit = 3): string {
  const shown = sources.slice(0, limit).map((s) => `${s.file}:${s.line}${s.publisher ? ` (${s.publisher})` : ''}`);
  const more = sources.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Whether any table of the dataset holds an unverified figure. */
export function datasetHasUnverified(dataset: Dataset): boolean {
  return [...dataset.tables.values()].some((table) => anyUnverified(table.rows));
}
