import type { Measure, Row, Table } from './model.ts';
import { isTotalRow } from './totals.ts';
import { anyUnverified, ProvenanceTracker } from './provenance.ts';
import { endTime, follows, isSpan, startTime, type Grain, type Period } from '../period.ts';
import { GATHERINGS } from './gatherings/registry.ts';
import { round, type Computation } from './ops/op.ts';
import { derivedOp } from './ops/registry.ts';

/**
 * Computes every derived measure of `table` in place. Detail rows are left
 * out, so a month reported both alone and inside a span counts once. A
 * derived value is null whenever an input it needs is missing: a gap in the
 * data stays a gap, it is never bridged. Every op is linear in the rows.
 */
export function deriveMeasures(table: Table): void {
  const series = groupRows(table, table.categories);
  // Only a table holding unverified figures tracks what each derived value rests on.
  const tracked = anyUnverified(table.rows);
  for (const measure of table.measures.values()) {
    if (!measure.derived) continue;
    const op = derivedOp(measure.derived.op);
    if (!op || op.compute.kind === 'gather') continue; // refused by the schema, or kept in a table of the coarser grain
    const tracker = tracked ? new ProvenanceTracker(table, measure.name) : undefined;
    if (op.compute.kind === 'across') {
      // Across the categories of one period (and of the other category columns).
      const across = measure.derived.across;
      const keep = table.categories.filter((c) => across !== undefined && c !== across);
      // A declared total is none of the parts: it gets no share and no rank.
      const totals = across === undefined ? table.categories : [across];
      for (const rows of groupRows(table, keep, true)) {
        const parts = rows.filter((row) => !isTotalRow(table, row, totals));
        for (const row of rows) if (isTotalRow(table, row, totals)) row.values[measure.name] = null;
        computeAcross(measure, op.compute, parts, tracker);
      }
    } else {
      for (const rows of series) computeMeasure(measure, op.compute, rows, tracker);
    }
    // Only detail rows are in no group.
    for (const row of table.rows) {
      if (row.detail && !(measure.name in row.values)) row.values[measure.name] = null;
    }
  }
}

/**
 * Non-detail rows grouped by the values of `columns`, each group in period
 * order; `byPeriod` also splits each group by period.
 */
function groupRows(table: Table, columns: string[], byPeriod = false): Row[][] {
  const keyOf = (row: Row) => (columns.length === 1 ? row.categories[columns[0]] : columns.map((c) => row.categories[c]).join('\u0000'));
  if (byPeriod) {
    // The rows are sorted by period: each period's rows stand together, grouped one period at a time.
    const all: Row[][] = [];
    let groups = new Map<string, Row[]>();
    let period: string | undefined;
    for (const row of table.rows) {
      if (row.detail) continue;
      if (row.period.id !== period) {
        all.push(...groups.values());
        groups = new Map();
        period = row.period.id;
      }
      const key = columns.length === 0 ? '' : keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    all.push(...groups.values());
    return all;
  }
  const groups = new Map<string, Row[]>();
  for (const row of table.rows) {
    if (row.detail) continue;
    const key = columns.length === 0 ? '' : keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function computeMeasure(measure: Measure, compute: Computation & { kind: 'row' | 'window' }, rows: Row[], tracker?: ProvenanceTracker): void {
  const spec = measure.derived!;
  const read = (row: Row | undefined, name = spec.of) => (row ? row.values[name] ?? null : null);
  const results: (number | null)[] = new Array(rows.length).fill(null);
  if (compute.kind === 'window') {
    const windows: number[] | undefined = tracker ? [] : undefined;
    windowSums(rows, read, compute.start, results, windows);
    if (tracker && windows) {
      // A running sum rests on every row of its window.
      for (let i = 0; i < windows.length; i++) {
        for (let j = windows[i]; j <= i; j++) tracker.touch(rows[j], spec.of);
        tracker.settle(rows[i], results[i] !== null);
      }
    }
  } else {
    // With a tracker, every input read is noted, to mark the value it goes into.
    const value = tracker ? (row: Row | undefined, name = spec.of) => (tracker.touch(row, name), read(row, name)) : read;
    let byId: Map<string, Row> | undefined;
    const period = (id: string) => (byId ??= new Map(rows.map((row) => [row.period.id, row]))).get(id);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const before = rows[i - 1];
      const previous = before !== undefined && follows(before.period, row.period) && !isSpan(before.period) && !isSpan(row.period) ? before : undefined;
      results[i] = compute.value({ row, previous, value, period, spec });
      tracker?.settle(row, results[i] !== null);
    }
  }
  for (let i = 0; i < rows.length; i++) rows[i].values[measure.name] = results[i] === null ? null : round(results[i]!);
}

/** A value for each row among the rows of one period (a share, a rank). */
function computeAcross(measure: Measure, compute: Computation & { kind: 'across' }, rows: Row[], tracker?: ProvenanceTracker): void {
  const spec = measure.derived!;
  const values = rows.map((row) => row.values[spec.of] ?? null);
  if (tracker) {
    // A share or a rank rests on every row of its period.
    for (const row of rows) {
      for (const other of rows) tracker.touch(other, spec.of);
      tracker.settle(row, true);
    }
  }
  const results = compute.values(values);
  for (const [i, row] of rows.entries()) row.values[measure.name] = results[i] === null ? null : round(results[i]!);
}

/**
 * Sums over a window ending at each row and starting at `windowStart` of
 * it, into `results`: a value only when the rows cover the window without a
 * gap and without a missing figure. A sliding window, so linear in the rows.
 */
function windowSums(
  rows: Row[],
  value: (row: Row) => number | null,
  windowStart: (p: Period, end: number) => number,
  results: (number | null)[],
  windows?: number[],
): void {
  // Each period's bounds, worked out once rather than at every step of the window.
  const starts = rows.map((row) => startTime(row.period));
  const ends = rows.map((row) => endTime(row.period));
  let lo = 0;
  let sum = 0;
  let missing = 0;
  const add = (row: Row, sign: 1 | -1) => {
    const v = value(row);
    if (v === null) missing += sign;
    else sum += sign * v;
  };
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && ends[i - 1] !== starts[i]) {
      // A gap: nothing before it can be part of a window that reaches here.
      lo = i;
      sum = 0;
      missing = 0;
    }
    add(rows[i], 1);
    const start = windowStart(rows[i].period, ends[i]);
    while (lo < i && starts[lo] < start) add(rows[lo++], -1);
    results[i] = missing === 0 && starts[lo] === start ? sum : null;
    windows?.push(lo);
  }
}

/**
 * Fills the tables of coarser grain (`op: sum | mean | last`, `to: year`,
 * `to: decade`, `to: all` for the whole table; data/gatherings/) from the
 * rows of `table`, one row per coarser period and series. A sum or mean
 * needs the rows to cover the whole coarser period, one after another, with
 * every value present: a missing month leaves its year missing. With
 * `absent: zero` a period without a row counts as none, but only between
 * the table's first and last periods: a decade the table ends in part-way
 * still has no total. A mean is missing where a span (`2025-01/02`)
 * stands, whose one figure covers several months. `last` is the value of
 * the period that closes the coarser one (December, the 31st), missing if
 * that one is absent.
 */
export function aggregateMeasures(table: Table): void {
  const tracked = anyUnverified(table.rows);
  const body = table.rows.filter((row) => !row.detail);
  if (body.length === 0) return;
  const first = body[0].period;
  const last = body.reduce((a, row) => (endTime(row.period) > endTime(a) ? row.period : a), first);
  const zero = table.absent === 'zero';
  for (const coarse of new Set(table.aggregates?.values())) {
    if (!isCoarser(coarse.grain, table.grain)) continue; // reported at dataset.yaml
    const gathering = Object.values(GATHERINGS).find((g) => g.grain === coarse.grain)!;
    const groups = new Map<string, { period: Period; rows: Row[] }>();
    for (const row of body) {
      const period = gathering.period(row.period);
      const key = `${period.id}\u0000${table.categories.map((c) => row.categories[c]).join('\u0000')}`;
      const group = groups.get(key);
      if (group) group.rows.push(row);
      else groups.set(key, { period, rows: [row] });
    }
    const rows: Row[] = [];
    for (const { period, rows: members } of groups.values()) {
      const member = members[0];
      const unit = member.unit;
      const [start, end] = gathering.span(period, first, last);
      const oneUnit = members.every((row) => row.unit === unit);
      // With absent: zero, a period without a row inside the table's span is none; else every period must be there.
      const covered = oneUnit && (zero
        ? start >= startTime(first) && end <= endTime(last)
        : startTime(members[0].period) === start && endTime(members.at(-1)!.period) === end && members.every((row, i) => i === 0 || follows(members[i - 1].period, row.period)));
      const row: Row = { period, line: member.line, categories: member.categories, values: {}, sources: {}, publishers: {}, notes: NO_NOTES, detail: false, ...(unit ? { unit } : {}) };
      for (const measure of coarse.measures.values()) {
        const { op, of } = measure.derived!;
        row.values[measure.name] = aggregate(op, of, members, end, covered, zero ? periodsIn(first, start, end) : members.length);
        row.sources[measure.name] = common(members.map((r) => r.sources[of] ?? r.sources[''] ?? ''));
        row.publishers[measure.name] = common(members.map((r) => r.publishers[of] ?? r.publishers[''] ?? ''));
        if (tracked) {
          // A total over a coarser period rests on every row it gathers.
          const tracker = new ProvenanceTracker(table, of);
          for (const member of members) tracker.touch(member, of);
          const marked = { values: {} } as Row;
          tracker.settle(marked, true);
          if (marked.unverified) row.unverified = { ...row.unverified, [measure.name]: marked.unverified[of] };
        }
      }
      rows.push(row);
    }
    // Stable: series keep the order of the table within each coarser period.
    coarse.rows = rows.sort((a, b) => a.period.year - b.period.year || a.period.to - b.period.to);
  }
}

const NO_NOTES: Record<string, string> = Object.freeze({ '': '' }) as Record<string, string>;

/** A gathering op's value for one coarser period (ending at `end`, ms, and holding `count` periods of the table's grain); none for an op that gathers nothing. */
function aggregate(op: string, of: string, rows: Row[], end: number, covered: boolean, count: number): number | null {
  const compute = derivedOp(op)?.compute;
  return compute?.kind === 'gather' ? compute.value(rows, of, end, covered, count) : null;
}

/** How many periods of `sample`'s grain run from `start` to `end` (ms). */
function periodsIn(sample: Period, start: number, end: number): number {
  if (sample.day !== undefined) return Math.round((end - start) / 86_400_000);
  const months = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  const per = { year: 12, quarter: 3 }[sample.grain as 'year' | 'quarter'] ?? 1;
  return (months(end) - months(start)) / per;
}

/** The one text all rows share, else none. */
function common(texts: string[]): string {
  return texts.every((t) => t === texts[0]) ? texts[0] : '';
}

const GRAIN_SIZE: Record<Grain, number> = { day: 1, month: 2, quarter: 3, year: 4, decade: 5, none: 6 };

/** Whether a period of grain `a` holds several of grain `b`. */
export function isCoarser(a: Grain, b: Grain): boolean {
  return b !== 'none' && GRAIN_SIZE[a] > GRAIN_SIZE[b];
}
