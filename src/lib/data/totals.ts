import type { Row, Table } from './model.ts';

/**
 * A total row among its parts: a category whose value is the sum of the
 * others of the same period ("All natural disasters" beside its types).
 * A share or a rank that counts it halves every share and puts it first; a
 * stack that piles it on its parts doubles the whole. A dataset declares it
 * (`total:` on the category column) and shares, ranks and stacks then leave
 * it out; one that is not declared is found here and refused.
 */

/** A category value that adds up the others, and in how many periods it does. */
export interface FoundTotal {
  column: string;
  value: string;
  /** Periods (groups of one period and the other categories) where it equals the sum of the others. */
  matches: number;
  /** Periods where it and at least two others have a value. */
  checked: number;
}

/** The declared total of `column` (`total:` in dataset.yaml), if any. */
export function declaredTotal(table: Table, column: string): string | undefined {
  return table.totals?.[column];
}

/** Whether `row` is the declared total of one of `columns` (default: every category column). */
export function isTotalRow(table: Table, row: Row, columns: readonly string[] = table.categories): boolean {
  return columns.some((column) => table.totals?.[column] !== undefined && row.categories[column] === table.totals[column]);
}

const found = new WeakMap<Row[], Map<string, FoundTotal | null>>();

/**
 * The undeclared total among the values of `column` for `measure`, if one
 * value is the sum of the others in at least four periods out of five
 * where it and two others have values (and in two periods at least, unless
 * the table has only one). Sums match within half a per cent, so that a
 * source's own rounding of its parts does not hide its total. Found once per
 * table and column.
 */
export function undeclaredTotal(table: Table, column: string, measure: string): FoundTotal | undefined {
  if (declaredTotal(table, column) !== undefined) return undefined;
  let cache = found.get(table.rows);
  if (!cache) found.set(table.rows, (cache = new Map()));
  const key = `${column}\u0000${measure}`;
  if (!cache.has(key)) cache.set(key, findTotal(table, column, measure) ?? null);
  return cache.get(key) ?? undefined;
}

function findTotal(table: Table, column: string, measure: string): FoundTotal | undefined {
  const others = table.categories.filter((c) => c !== column);
  const groups = new Map<string, Row[]>();
  for (const row of table.rows) {
    if (row.detail) continue;
    const key = [row.period.id, ...others.map((c) => row.categories[c])].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  // Per value: periods where it and two others have values, and where it is the sum of the others.
  const checked = new Map<string, number>();
  const matches = new Map<string, number>();
  for (const rows of groups.values()) {
    const valued = rows.filter((row) => typeof row.values[measure] === 'number');
    if (valued.length < 3) continue;
    let sum = 0;
    let largest = valued[0];
    for (const row of valued) {
      const v = row.values[measure]!;
      sum += v;
      checked.set(row.categories[column], (checked.get(row.categories[column]) ?? 0) + 1);
      if (Math.abs(v) > Math.abs(largest.values[measure]!)) largest = row;
    }
    // Only the largest value can be the sum of the others: v = sum − v.
    const v = largest.values[measure]!;
    if (v !== 0 && Math.abs(sum - 2 * v) <= 0.005 * Math.abs(v)) matches.set(largest.categories[column], (matches.get(largest.categories[column]) ?? 0) + 1);
  }
  const least = groups.size === 1 ? 1 : 2;
  for (const [value, m] of matches) {
    const c = checked.get(value)!;
    if (m >= least && m >= 0.8 * c) return { column, value, matches: m, checked: c };
  }
  return undefined;
}

/** How a found total is told: `"All natural disasters" is the sum of the other Entity values in 116 of 117 periods`. */
export function totalText(total: FoundTotal, timeless: boolean): string {
  const where = timeless ? '' : total.matches === total.checked ? ` in each of ${total.checked} periods` : ` in ${total.matches} of ${total.checked} periods`;
  return `"${total.value}" is the sum of the other ${total.column} values${where}`;
}

/** The hint for a found total: declare it, or drop its rows. */
export function totalHint(total: FoundTotal, file: string): string {
  const value = /^[\w ()-]+$/.test(total.value) && !/^\d/.test(total.value) ? total.value : JSON.stringify(total.value);
  return `declare it in dataset.yaml, ${total.column}: { type: category, total: ${value} }, and shares, ranks and stacks leave it out; or delete its rows from ${file}`;
}
