import type { Measure, Row, Table } from './model.ts';
import { endTime, follows, startTime, yearEarlierId, type Period } from '../period.ts';

/**
 * Computes every derived measure of `table` in place. Detail rows are left
 * out, so a month reported both alone and inside a span counts once. A
 * derived value is null whenever an input it needs is missing: a gap in the
 * data stays a gap, it is never bridged. Every op is linear in the rows.
 */
export function deriveMeasures(table: Table): void {
  const series = groupRows(table, table.categories);
  for (const measure of table.measures.values()) {
    if (!measure.derived) continue;
    const op = measure.derived.op;
    if (op === 'share' || op === 'rank') {
      // Across the categories of one period (and of the other category columns).
      const across = measure.derived.across;
      const keep = table.categories.filter((c) => across !== undefined && c !== across);
      for (const rows of groupRows(table, keep, true)) computeAcross(measure, rows);
    } else {
      for (const rows of series) computeMeasure(measure, rows);
    }
    for (const row of table.rows) {
      if (!(measure.name in row.values)) row.values[measure.name] = null;
    }
  }
}

/**
 * Non-detail rows grouped by the values of `columns`, each group in period
 * order; `byPeriod` also splits each group by period.
 */
function groupRows(table: Table, columns: string[], byPeriod = false): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of table.rows) {
    if (row.detail) continue;
    let key = columns.map((c) => row.categories[c]).join('\u0000');
    if (byPeriod) key += `\u0001${row.period.id}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function computeMeasure(measure: Measure, rows: Row[]): void {
  const spec = measure.derived!;
  const value = (row: Row | undefined, name = spec.of) => (row ? row.values[name] ?? null : null);
  const byId = spec.op === 'yoy' || spec.op === 'change_yoy' || spec.op === 'index' ? new Map(rows.map((row) => [row.period.id, row])) : undefined;
  const results: (number | null)[] = new Array(rows.length).fill(null);

  switch (spec.op) {
    case 'ytd':
      windowSums(rows, value, (p) => Date.UTC(p.year, 0, 1), results);
      break;
    case 'rolling12':
      windowSums(rows, value, (p) => {
        const end = new Date(endTime(p));
        return Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate());
      }, results);
      break;
    default:
      for (const [i, row] of rows.entries()) {
        const previous = rows[i - 1];
        const consecutive = previous !== undefined && follows(previous.period, row.period) && !isSpan(previous.period) && !isSpan(row.period);
        switch (spec.op) {
          case 'diff': {
            const a = value(row);
            const b = value(row, spec.minus);
            results[i] = a === null || b === null ? null : a - b;
            break;
          }
          case 'yoy':
            results[i] = change(value(row), value(byId!.get(yearEarlierId(row.period))));
            break;
          case 'mom':
            results[i] = consecutive ? change(value(row), value(previous)) : null;
            break;
          case 'change':
            results[i] = consecutive ? difference(value(row), value(previous)) : null;
            break;
          case 'change_yoy':
            results[i] = difference(value(row), value(byId!.get(yearEarlierId(row.period))));
            break;
          case 'index': {
            const base = value(byId!.get(spec.base ?? ''));
            const now = value(row);
            results[i] = base === null || base === 0 || now === null ? null : (now / base) * 100;
            break;
          }
        }
      }
  }
  for (const [i, row] of rows.entries()) row.values[measure.name] = results[i] === null ? null : round(results[i]!);
}

/** Share of the total (%) and rank (1 = largest) of each row among the rows of one period. */
function computeAcross(measure: Measure, rows: Row[]): void {
  const spec = measure.derived!;
  const values = rows.map((row) => row.values[spec.of] ?? null);
  if (spec.op === 'share') {
    // A share needs the whole: one missing part leaves every share unknown.
    const complete = values.every((v) => v !== null);
    const total = complete ? values.reduce((a, b) => a! + b!, 0)! : 0;
    for (const [i, row] of rows.entries()) row.values[measure.name] = complete && total !== 0 ? round((values[i]! / total) * 100) : null;
    return;
  }
  const order = rows.map((_, i) => i).filter((i) => values[i] !== null).sort((a, b) => values[b]! - values[a]!);
  for (const row of rows) row.values[measure.name] = null;
  // Equal values share a rank (1, 2, 2, 4).
  order.forEach((index, place) => {
    const tied = place > 0 && values[order[place - 1]] === values[index];
    rows[index].values[measure.name] = tied ? rows[order[place - 1]].values[measure.name] : place + 1;
  });
}

/**
 * Sums over a window ending at each row and starting at `windowStart` of
 * it, into `results`: a value only when the rows cover the window without a
 * gap and without a missing figure. A sliding window, so linear in the rows.
 */
function windowSums(
  rows: Row[],
  value: (row: Row) => number | null,
  windowStart: (p: Period) => number,
  results: (number | null)[],
): void {
  let lo = 0;
  let sum = 0;
  let missing = 0;
  const add = (row: Row, sign: 1 | -1) => {
    const v = value(row);
    if (v === null) missing += sign;
    else sum += sign * v;
  };
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && !follows(rows[i - 1].period, rows[i].period)) {
      // A gap: nothing before it can be part of a window that reaches here.
      lo = i;
      sum = 0;
      missing = 0;
    }
    add(rows[i], 1);
    const start = windowStart(rows[i].period);
    while (lo < i && startTime(rows[lo].period) < start) add(rows[lo++], -1);
    results[i] = missing === 0 && startTime(rows[lo].period) === start ? sum : null;
  }
}

function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

function isSpan(p: Period): boolean {
  return (p.grain ?? 'month') === 'month' && p.to > p.from;
}

/** Removes floating-point dust (0.1 + 0.2) without losing real precision. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
