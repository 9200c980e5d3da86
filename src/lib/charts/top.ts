/**
 * `top: N`: the N categories with the largest values, chosen by the data
 * rather than listed by hand in `where:`. The categories are those along x
 * on a chart of categories, else the series; each is ranked by its value
 * in the latest period drawn (its only row in a table without periods). A
 * category declared as the total (`total:`) is never among them (one not
 * declared is refused, as for shares and stacks), and a tie
 * at the cut is refused: the data cannot say which of the two is in.
 */
import type { Measure, Row, Table } from '../data/model.ts';
import type { ChartProblem } from './model.ts';
import { periodEnd } from '../period.ts';
import { declaredTotal, totalHint, totalText, undeclaredTotal } from '../data/totals.ts';

export function topRows(top: number, table: Table, rows: Row[], measure: Measure, x: string, series: string | undefined, problems: ChartProblem[]): Row[] {
  const column = table.categories.includes(x) ? x : series !== undefined && table.categories.includes(series) ? series : undefined;
  if (column === undefined) {
    problems.push({ field: 'top', message: `top: ${top} picks categories, and this chart has none along x or as series`, hint: `put a category column (${table.categories.join(', ') || 'none in this table'}) in x: or series:, or delete top:` });
    return rows;
  }
  // A total among its parts would always rank first: it must be declared, and is then left out.
  const undeclared = undeclaredTotal(table, column, measure.name);
  if (undeclared && rows.some((row) => row.categories[column] === undeclared.value)) {
    problems.push({ field: 'top', message: `top: ${top} ranks each ${column}, and ${totalText(undeclared, table.grain === 'none')}: it would always rank first`, hint: totalHint(undeclared, table.file) });
    return rows;
  }
  const total = declaredTotal(table, column);
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const name = row.categories[column];
    if (name === undefined || name === total || row.values[measure.name] === null || row.values[measure.name] === undefined) continue;
    const seen = latest.get(name);
    if (!seen || periodEnd(row.period).getTime() > periodEnd(seen.period).getTime()) latest.set(name, row);
  }
  const ranked = [...latest].sort(([, a], [, b]) => b.values[measure.name]! - a.values[measure.name]!);
  if (ranked.length <= top) return rows.filter((row) => row.categories[column] !== total);
  const [inside, outside] = [ranked[top - 1], ranked[top]];
  if (inside[1].values[measure.name] === outside[1].values[measure.name]) {
    problems.push({ field: 'top', message: `top: ${top} cuts between ${inside[0]} and ${outside[0]}, which tie (${inside[1].values[measure.name]})`, hint: `show top: ${top + 1} or top: ${top - 1}, or name the ${column} values with where:` });
    return rows;
  }
  const kept = new Set(ranked.slice(0, top).map(([name]) => name));
  return rows.filter((row) => kept.has(row.categories[column] ?? ''));
}
