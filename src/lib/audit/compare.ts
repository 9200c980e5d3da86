import type { Dataset, Row, Table } from '../data/model.ts';
import type { ChartData, Datum } from '../charts/model.ts';
import type { Problem } from '../problems.ts';
import type { FactRecord } from './factRecord.ts';
import type { Snapshot } from './snapshot.ts';

/** One data cell that differs between two snapshots. */
export interface CellChange {
  kind: 'revised' | 'added' | 'removed';
  /** CSV file and line: the new one, or the old one for a removed cell. */
  file: string;
  line: number;
  table: string;
  period: string;
  categories: Record<string, string>;
  column: string;
  before: string | null;
  after: string | null;
}

/** A fact of the working tree, with its counterpart in the revision when there is one. */
export interface FactChange {
  before?: FactRecord;
  after: FactRecord;
}

export interface ChartChange {
  id: string;
  title: string;
  file: string;
  kind: 'redrawn' | 'added' | 'removed' | 'not drawn';
  /** Drawn values that differ: `label (series)`, before → after (null: no value, undefined: not drawn). */
  points: { label: string; series: string; before: number | null | undefined; after: number | null | undefined }[];
  /** Chart fields that changed (`title`, `highlight`, …). */
  fields: string[];
  caption?: string;
}

export interface Comparison {
  cells: CellChange[];
  /** Facts that fail in the working tree, and why. */
  failing: FactChange[];
  /** Facts that still pass, whose value moved. */
  moved: FactChange[];
  /** :value figures that now print differently. */
  reprinted: FactChange[];
  /** Facts that are new, or gone, with no counterpart. */
  added: FactRecord[];
  removed: FactRecord[];
  charts: ChartChange[];
  /** Problems of the working tree that are not at a fact. */
  otherProblems: Problem[];
}

/** Compares a revision's snapshot (`before`) with the working tree's (`after`). */
export function compareSnapshots(before: Snapshot, after: Snapshot): Comparison {
  const pairs = matchFacts(allFacts(before), allFacts(after));
  const failing: FactChange[] = [];
  const moved: FactChange[] = [];
  const reprinted: FactChange[] = [];
  for (const pair of pairs.matched) {
    const { after: now, before: then } = pair;
    if (now.problems.length > 0) failing.push(pair);
    // A :value that prints another figure has moved beyond its rounding.
    else if (now.directive === 'value' && then && then.text !== now.text) reprinted.push(pair);
    else if (then?.data && now.data && then.data.value !== now.data.value) moved.push(pair);
  }
  for (const fact of pairs.added) if (fact.problems.length > 0) failing.push({ after: fact });
  const atFacts = new Set(allFacts(after).filter((f) => f.problems.length).map((f) => `${f.file}:${f.line}:${f.column}`));
  return {
    cells: compareData(before.datasets, after.datasets),
    failing,
    moved,
    reprinted,
    added: pairs.added,
    removed: pairs.removed,
    charts: compareCharts(before, after),
    otherProblems: after.problems.filter((p) => !atFacts.has(`${p.file}:${p.line}:${p.column}`)),
  };
}

function allFacts(snapshot: Snapshot): FactRecord[] {
  return [...snapshot.traces.values()].flatMap((t) => t.facts);
}

/**
 * Pairs each fact of the working tree with the revision's: first by file,
 * words, key, period and filters (the same sentence), then by file, key,
 * period and filters (the words were edited). Lines may have moved.
 */
function matchFacts(before: FactRecord[], after: FactRecord[]) {
  const left = new Set(before);
  const matched: FactChange[] = [];
  const added: FactRecord[] = [];
  const identity = (f: FactRecord, words: boolean) => JSON.stringify([f.file, f.directive, f.key, f.at, f.filters, words ? f.text : '']);
  const unmatched: FactRecord[] = [];
  for (const fact of after) {
    const twin = [...left].find((b) => identity(b, true) === identity(fact, true) || (fact.directive === 'value' && identity(b, false) === identity(fact, false)));
    if (twin) {
      left.delete(twin);
      matched.push({ before: twin, after: fact });
    } else unmatched.push(fact);
  }
  for (const fact of unmatched) {
    const twin = [...left].find((b) => identity(b, false) === identity(fact, false));
    if (twin) {
      left.delete(twin);
      matched.push({ before: twin, after: fact });
    } else if (fact.problems.length > 0) matched.push({ after: fact });
    else added.push(fact);
  }
  const order = new Map(after.map((f, i) => [f, i]));
  matched.sort((a, b) => order.get(a.after)! - order.get(b.after)!);
  return { matched, added, removed: [...left] };
}

/** Every cell of every table read from a CSV (derived measures are compared through facts and charts). */
function compareData(before: Map<string, Dataset>, after: Map<string, Dataset>): CellChange[] {
  const changes: CellChange[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(name);
    const now = after.get(name);
    for (const tableName of new Set([...(old?.tables.keys() ?? []), ...(now?.tables.keys() ?? [])])) {
      changes.push(...compareTable(old?.tables.get(tableName), now?.tables.get(tableName)));
    }
  }
  return changes;
}

function compareTable(old: Table | undefined, now: Table | undefined): CellChange[] {
  const table = (now ?? old)!;
  const rowKey = (row: Row) => JSON.stringify([row.period.id, table.categories.map((c) => row.categories[c] ?? '')]);
  const rowsOf = (t: Table | undefined) => new Map((t?.rows ?? []).map((row) => [rowKey(row), row]));
  const oldRows = rowsOf(old);
  const newRows = rowsOf(now);
  const changes: CellChange[] = [];
  const columns = (t: Table | undefined) => [...(t?.measures.values() ?? [])].filter((m) => !m.derived).map((m) => m.name);
  const measures = [...new Set([...columns(old), ...columns(now)])];
  const cells = (row: Row | undefined): Map<string, string | null> => {
    const out = new Map<string, string | null>();
    if (!row) return out;
    for (const m of measures) {
      if (m in row.values) out.set(m, row.values[m] === null ? null : String(row.values[m]));
      const source = row.sources[m] ?? (m in row.values ? row.sources[''] : undefined);
      if (source) out.set(`${m} source`, source);
      const publisher = row.publishers?.[m] ?? (m in row.values ? row.publishers?.[''] : undefined);
      if (publisher) out.set(`${m} publisher`, publisher);
    }
    return out;
  };
  for (const key of new Set([...oldRows.keys(), ...newRows.keys()])) {
    const a = oldRows.get(key);
    const b = newRows.get(key);
    const row = (b ?? a)!;
    const before = cells(a);
    const after = cells(b);
    for (const column of new Set([...before.keys(), ...after.keys()])) {
      const x = before.has(column) ? before.get(column)! : undefined;
      const y = after.has(column) ? after.get(column)! : undefined;
      if (x === y) continue;
      // A row added or removed with an empty cell says nothing about that cell.
      if ((x === undefined && y === null) || (y === undefined && x === null)) continue;
      const kind = x === undefined ? 'added' : y === undefined ? 'removed' : 'revised';
      changes.push({
        kind,
        file: (b ? now : old)!.file,
        line: row.line,
        table: table.name,
        period: row.period.id,
        categories: row.categories,
        column,
        before: x ?? null,
        after: y ?? null,
      });
    }
  }
  return changes.sort((p, q) => p.file.localeCompare(q.file) || p.line - q.line);
}

function chartsOf(snapshot: Snapshot) {
  return new Map([...snapshot.traces.values()].flatMap((t) => t.charts).map((c) => [c.id, c]));
}

/** What a chart draws, point by point: `label|series` → value. */
function points(chart: ChartData): Map<string, { label: string; series: string; y: number | null }> {
  return new Map(chart.data.map((d: Datum) => [JSON.stringify([d.label, d.series]), { label: d.label, series: d.series, y: d.y }]));
}

function compareCharts(before: Snapshot, after: Snapshot): ChartChange[] {
  const old = chartsOf(before);
  const now = chartsOf(after);
  const changes: ChartChange[] = [];
  const sectionFiles = new Set([...after.traces.values()].flatMap((t) => t.facts.map((f) => f.file)));
  for (const [id, chart] of now) {
    const was = old.get(id);
    const title = chart.chart.spec.title;
    if (!was) {
      changes.push({ id, title, file: chart.file, kind: 'added', points: [], fields: [] });
      continue;
    }
    const a = points(was.chart);
    const b = points(chart.chart);
    const diffs: ChartChange['points'] = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(key);
      const y = b.get(key);
      if (x?.y === y?.y) continue;
      const p = (y ?? x)!;
      diffs.push({ label: p.label, series: p.series, before: x ? x.y : undefined, after: y ? y.y : undefined });
    }
    const specA = was.chart.spec as Record<string, unknown>;
    const specB = chart.chart.spec as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(specA), ...Object.keys(specB)])].filter((f) => JSON.stringify(specA[f]) !== JSON.stringify(specB[f])).sort();
    const highlights = (c: ChartData) => JSON.stringify(c.data.map((d) => d.highlight));
    if (diffs.length || fields.length || highlights(was.chart) !== highlights(chart.chart)) {
      changes.push({ id, title, file: chart.file, kind: 'redrawn', points: diffs, fields, caption: chart.chart.spec.caption });
    }
  }
  for (const [id, chart] of old) {
    if (now.has(id)) continue;
    // A section still there whose chart no longer resolves is a problem of the working tree.
    const still = sectionFiles.has(chart.file) || after.problems.some((p) => p.file === chart.file);
    changes.push({ id, title: chart.chart.spec.title, file: chart.file, kind: still ? 'not drawn' : 'removed', points: [], fields: [] });
  }
  return changes;
}
