import { formatPeriodId, grainNoun, grainOf, lastMonthId, parsePeriod, periodEnd, periodStart, PERIOD_HINT, type Period } from '../period.ts';
import { closest, suggestion } from '../suggest.ts';
import type { Dataset, Measure, Row, Table } from './model.ts';

/** A dataset key (`table.measure`) resolved to its table and measure. */
export interface ResolvedKey {
  key: string;
  table: Table;
  measure: Measure;
}

/**
 * A failed lookup; `followOn` when it failed only because the table's CSV
 * has faults of its own, which are reported at the CSV.
 */
export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string; followOn?: boolean; /** The period lies before or after all the data. */ outside?: boolean };

/** Every key the dataset offers, e.g. `monthly.exports`, `ytd.balance`. */
export function listKeys(dataset: Dataset): string[] {
  const keys: string[] = [];
  for (const table of dataset.tables.values()) {
    for (const measure of table.measures.keys()) keys.push(`${table.name}.${measure}`);
    for (const measure of table.aggregates?.keys() ?? []) keys.push(`${table.name}.${measure}`);
  }
  return keys;
}

export function resolveKey(dataset: Dataset, key: string): Lookup<ResolvedKey> {
  const dot = key.indexOf('.');
  const tableName = dot < 0 ? key : key.slice(0, dot);
  const measureName = dot < 0 ? '' : key.slice(dot + 1);
  const table = dataset.tables.get(tableName);
  const measure = table?.measures.get(measureName);
  if (table && measure) return { ok: true, value: { key, table, measure } };
  const coarse = table?.aggregates?.get(measureName);
  if (coarse) return { ok: true, value: { key, table: coarse, measure: coarse.measures.get(measureName)! } };

  const near = closest(key, listKeys(dataset));
  if (!table && dot < 0) {
    return { ok: false, message: `dataset key "${key}" has no measure`, hint: near ? `did you mean "${near}"?` : 'write table.measure, e.g. monthly.exports' };
  }
  if (!table && !near) {
    return { ok: false, message: `unknown table "${tableName}" in dataset key "${key}"`, hint: `tables in ${dataset.name}: ${[...dataset.tables.keys()].join(', ')}` };
  }
  return {
    ok: false,
    message: `unknown dataset key "${key}"`,
    hint: near ? `did you mean "${near}"?` : `measures of ${tableName}: ${[...table!.measures.keys(), ...(table!.aggregates?.keys() ?? [])].join(', ')}`,
  };
}

/** Category filters: column → accepted values. */
export type Filter = Record<string, readonly string[]>;

/** Rows of `table` whose categories pass `filter` (detail rows only if asked). */
export function filterRows(table: Table, filter: Filter, withDetail = false): Row[] {
  const entries = Object.entries(filter);
  const passes = (row: Row) => (withDetail || !row.detail) && inFilter(row, entries);
  if (entries.length === 0) return table.rows.filter(passes);
  // Start from the rows of the most selective column, found in its index.
  const candidates = entries
    .map(([column, values]) => values.flatMap((value) => indexOf(table, column).get(value) ?? []))
    .reduce((a, b) => (b.length < a.length ? b : a));
  return [...new Set(candidates)].sort((a, b) => a - b).map((i) => table.rows[i]).filter(passes);
}

function inFilter(row: Row, entries: [string, readonly string[]][]): boolean {
  return entries.every(([column, values]) => values.includes(categoryOrPart(row, column)));
}

/** The values a category column (or `year`) takes in `table`. */
export function categoryValues(table: Table, column: string): Set<string> {
  return new Set(indexOf(table, column).keys());
}

const indexes = new WeakMap<Row[], Map<string, Map<string, number[]>>>();

/**
 * Row positions by the value of `column` (a category, `year`, or
 * `@period`/`@end` for period ids), built once per table on first use.
 */
function indexOf(table: Table, column: string): Map<string, number[]> {
  let byColumn = indexes.get(table.rows);
  if (!byColumn) indexes.set(table.rows, (byColumn = new Map()));
  let index = byColumn.get(column);
  if (!index) {
    index = new Map();
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      const value = column === '@period' ? row.period.id : column === '@end' ? endId(row) : categoryOrPart(row, column);
      if (value === undefined) continue;
      const list = index.get(value);
      if (list) list.push(i);
      else index.set(value, [i]);
    }
    byColumn.set(column, index);
  }
  return index;
}

/** A running total from January, by its last month: 2025-01/11 → 2025-11. */
function endId(row: Row): string | undefined {
  const p = row.period;
  return p.from === 1 ? lastMonthId(p) : undefined;
}

/** A category value, or one of the derived parts of the period (`year`). */
export function categoryOrPart(row: Row, column: string): string {
  if (column === 'year') return row.period.grain === 'none' ? '' : String(row.period.year);
  return row.categories[column] ?? '';
}

/**
 * Rows that stand for the period the editor wrote in `at`, in table order.
 * A running total is also found by its last month: ytd at=2025-11 is 2025-01/11.
 */
function rowsAt(table: Table, at: Period): Row[] {
  if (!inPeriodOrder(table.rows)) {
    const positions = [...(indexOf(table, '@period').get(at.id) ?? [])];
    if (table.index === 'end' && at.from === at.to) positions.push(...(indexOf(table, '@end').get(at.id) ?? []));
    return [...new Set(positions)].sort((a, b) => a - b).map((i) => table.rows[i]);
  }
  // Rows in period order: the ones wanted stand together, found by halving.
  const positions = between(table.rows, ordinal(at)).filter((i) => table.rows[i].period.id === at.id);
  if (table.index === 'end' && at.from === at.to) {
    const end = between(table.rows, ordinal({ ...at, from: 1, day: undefined })).filter((i) => endId(table.rows[i]) === at.id);
    positions.push(...end);
  }
  return [...new Set(positions)].sort((a, b) => a - b).map((i) => table.rows[i]);
}

/** A period's place in the order rows are sorted in (by year, last month, first month, day). */
function ordinal(p: Period): number {
  return ((p.year * 13 + p.to) * 13 + p.from) * 32 + (p.day ?? 0);
}

const ordered = new WeakMap<Row[], boolean>();

function inPeriodOrder(rows: Row[]): boolean {
  let known = ordered.get(rows);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < rows.length && known; i++) known = ordinal(rows[i - 1].period) <= ordinal(rows[i].period);
    ordered.set(rows, known);
  }
  return known;
}

/** Positions of the rows whose period has ordinal `key`, in sorted `rows`. */
function between(rows: Row[], key: number): number[] {
  const first = (strict: boolean) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const k = ordinal(rows[mid].period);
      if (k < key || (strict && k === key)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const positions: number[] = [];
  for (let i = first(false), end = first(true); i < end; i++) positions.push(i);
  return positions;
}

/**
 * The single value of `resolved` at period `at` for the given category
 * values. Fails with a reason an editor can act on: a malformed period, one
 * outside the data, no match, several matches, or a missing value.
 */
export function valueAt(resolved: ResolvedKey, atText: string | undefined, filter: Filter): Lookup<{ value: number; row: Row }> {
  const { table, measure, key } = resolved;
  if (table.grain === 'none' && atText !== undefined) {
    return { ok: false, message: `${key} has no periods, but at=${atText} names one`, hint: `table ${table.name} is a cross-section: delete at= and pick the row by its categories` };
  }
  const at = table.grain === 'none' ? table.rows[0]?.period ?? { id: '', year: 0, from: 1, to: 12, grain: 'none' as const } : atText === undefined ? undefined : parsePeriod(atText);
  if (!at) {
    return { ok: false, message: `malformed period at="${atText}"`, hint: PERIOD_HINT };
  }
  atText ??= '';
  for (const [column, values] of Object.entries(filter)) {
    if (column !== 'year' && !table.categories.includes(column)) {
      return { ok: false, message: `table ${table.name} has no category "${column}"`, hint: table.categories.length ? suggestion(column, table.categories, 'a category:') : `${table.name} has no categories`, followOn: false };
    }
    const present = categoryValues(table, column);
    for (const value of values) {
      if (!present.has(value)) {
        return { ok: false, message: `no ${column} "${value}" in ${table.name}`, hint: suggestion(value, [...present], `one of`), followOn: !table.complete };
      }
    }
  }
  const entries = Object.entries(filter);
  const rows = rowsAt(table, at).filter((row) => inFilter(row, entries));
  if (rows.length === 0) {
    const first = table.rows[0]?.period;
    const last = table.rows.at(-1)?.period;
    const time = (p: Period) => (table.index === 'end' ? periodEnd(p) : periodStart(p)).getTime();
    const outside = first !== undefined && last !== undefined && table.grain !== 'none' && (time(at) < time(first) || time(at) > time(last));
    const shown = (p: Period) => (table.index === 'end' ? lastMonthId(p) : grainOf(p) === 'month' ? formatPeriodId(p.year, p.from, p.from) : p.id);
    const range = first && last ? `${table.name} runs from ${shown(first)} to ${shown(last)}` : `${table.name} has no rows`;
    const grain = table.grain !== 'none' && grainOf(at) !== table.grain && table.rows.length > 0 ? `; ${table.name} holds ${grainNoun(table.grain)}: write at= as ${shown(first!)} is written` : '';
    return {
      ok: false,
      message: table.grain === 'none' ? `no ${key}${describeFilter(filter)}` : `no ${key} for ${atText}${describeFilter(filter)}`,
      hint: (outside ? range : first ? `${table.file} has no row for ${atText}${describeFilter(filter)}; ${range}` : `add rows to ${table.file}`) + grain,
      followOn: !table.complete,
      outside,
    };
  }
  if (rows.length > 1) {
    const column = table.categories.find((c) => new Set(rows.map((r) => r.categories[c])).size > 1) ?? table.categories[0];
    const choices = [...new Set(rows.map((r) => r.categories[column]))].slice(0, 5);
    return { ok: false, message: `${rows.length} rows of ${key} match ${atText}`, hint: `add ${column}="…" (one of ${choices.join(', ')})` };
  }
  const value = rows[0].values[measure.name];
  if (value === null || value === undefined) {
    return { ok: false, message: `${key} has no value for ${atText}${describeFilter(filter)}`, hint: 'the source gives no figure there; state another period or leave the figure out', followOn: !table.complete };
  }
  return { ok: true, value: { value, row: rows[0] } };
}

/** ` (destination=United States)`, for messages; empty without a filter. */
export function describeFilter(filter: Filter): string {
  const parts = Object.entries(filter).map(([c, v]) => `${c}=${v.join('|')}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
