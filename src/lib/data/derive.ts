import type { Measure, Row, Table } from './model.ts';
import type { Period } from '../period.ts';

/**
 * Computes every derived measure of `table` in place. Detail rows are left
 * out, so a month reported both alone and inside a span counts once. A
 * derived value is null whenever an input it needs is missing: a gap in the
 * data stays a gap, it is never bridged.
 */
export function deriveMeasures(table: Table): void {
  const groups = groupRows(table);
  for (const measure of table.measures.values()) {
    if (!measure.derived) continue;
    for (const rows of groups) computeMeasure(measure, rows);
    for (const row of table.rows) {
      if (!(measure.name in row.values)) row.values[measure.name] = null;
    }
  }
}

/** Non-detail rows grouped by their categories, each group in period order. */
function groupRows(table: Table): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of table.rows) {
    if (row.detail) continue;
    const key = JSON.stringify(table.categories.map((c) => row.categories[c]));
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function computeMeasure(measure: Measure, rows: Row[]): void {
  const spec = measure.derived!;
  const value = (row: Row | undefined, name = spec.of) => (row ? row.values[name] ?? null : null);
  const byId = new Map(rows.map((row) => [row.period.id, row]));

  for (const [i, row] of rows.entries()) {
    let result: number | null = null;
    switch (spec.op) {
      case 'diff': {
        const a = value(row);
        const b = value(row, spec.minus);
        result = a === null || b === null ? null : a - b;
        break;
      }
      case 'yoy': {
        const p = row.period;
        const before = byId.get(shiftYear(p));
        result = change(value(row), value(before));
        break;
      }
      case 'mom': {
        const previous = rows[i - 1];
        result = previous && follows(previous.period, row.period) && isMonth(previous.period) && isMonth(row.period)
          ? change(value(row), value(previous))
          : null;
        break;
      }
      case 'ytd':
        result = runningTotal(rows, i, value, (p) => p.year === row.period.year, row.period.year, 1);
        break;
      case 'rolling12': {
        const endYear = row.period.year;
        const endMonth = row.period.to;
        const startAbs = endYear * 12 + endMonth - 12;
        result = runningTotal(
          rows,
          i,
          value,
          (p) => p.year * 12 + p.from > startAbs,
          Math.floor(startAbs / 12),
          (startAbs % 12) + 1,
        );
        break;
      }
    }
    row.values[measure.name] = result === null ? null : round(result);
  }
}

/**
 * Sum of `rows[0..i]` that fall in the window, provided they cover every
 * month from (startYear, startMonth) to row i's last month without a gap.
 */
function runningTotal(
  rows: Row[],
  i: number,
  value: (row: Row) => number | null,
  inWindow: (p: Period) => boolean,
  startYear: number,
  startMonth: number,
): number | null {
  let expected = startYear * 12 + startMonth;
  let sum = 0;
  for (let j = 0; j <= i; j++) {
    const p = rows[j].period;
    if (!inWindow(p)) continue;
    if (p.year * 12 + p.from !== expected) return null;
    const v = value(rows[j]);
    if (v === null) return null;
    sum += v;
    expected = p.year * 12 + p.to + 1;
  }
  return expected === rows[i].period.year * 12 + rows[i].period.to + 1 ? sum : null;
}

function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

function shiftYear(p: Period): string {
  return p.id.replace(/^\d{4}/, String(p.year - 1));
}

function follows(a: Period, b: Period): boolean {
  return a.year * 12 + a.to + 1 === b.year * 12 + b.from;
}

function isMonth(p: Period): boolean {
  return p.from === p.to;
}

/** Removes floating-point dust (0.1 + 0.2) without losing real precision. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
