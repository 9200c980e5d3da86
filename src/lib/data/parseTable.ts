import { parsePeriod, within, grainOf, grainNoun, NO_PERIOD, PERIOD_HINT, type Grain, type Period } from '../period.ts';
import { BUILT_IN_UNITS, type Unit, type UnitRegistry } from '../format.ts';
import { closest, suggestion } from '../suggest.ts';
import type { Position, Problems } from '../problems.ts';
import { csvRecords, unclosedQuote, type CsvRecord } from './csv.ts';
import { aggregateMeasures, deriveMeasures } from './derive.ts';
import type { Measure, Row, Table } from './model.ts';
import { periodColumn, type TableSpec } from './schema.ts';
import { derivedOp, isAggregation, takes } from './ops/registry.ts';
import { GRADES } from './provenance.ts';
import { GATHERINGS } from './gatherings/registry.ts';

// One way to match each digit (no \d+\.?\d*, which tries every split of a long run of digits).
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

const SEPARATORS: [string, string][] = [[';', 'semicolons'], ['\t', 'tabs'], ['|', 'vertical bars']];

/** Characters that look like a minus sign but are not one, by name. */
const DASHES: Record<string, string> = {
  '\u2010': 'U+2010 HYPHEN',
  '\u2011': 'U+2011 NON-BREAKING HYPHEN',
  '\u2012': 'U+2012 FIGURE DASH',
  '\u2013': 'U+2013 EN DASH',
  '\u2014': 'U+2014 EM DASH',
  '\ufe63': 'U+FE63 SMALL HYPHEN-MINUS',
  '\uff0d': 'U+FF0D FULLWIDTH HYPHEN-MINUS',
};

/**
 * Reads one table's CSV text against its declaration. Every bad cell,
 * header or row is reported with the file, line and column; the rows that
 * are sound are still returned, so that one run finds every fault.
 */
export function parseTable(
  name: string,
  spec: TableSpec,
  file: string,
  text: string,
  problems: Problems,
  units: UnitRegistry = BUILT_IN_UNITS,
): Table {
  const table = emptyTable(name, spec, file, units);
  const before = problems.size;

  const open = unclosedQuote(text);
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) {
    problems.add(file, { line: 1, column: 1 }, 'empty CSV file', 'the first line must name the columns: ' + Object.keys(spec.columns).join(','));
    return table;
  }
  if (open) {
    problems.add(file, open, 'the quote " opened here is never closed', 'end the cell with " (a quote inside a quoted cell is written "")');
    return table;
  }
  const header = first.value;
  const columns = checkHeader(spec, header, file, problems);
  if (!columns) return table;
  // Rows are read as the records come: a long file's records are never all held at once.
  let count = 0;
  let rows: Row[] = [];
  if (spec.long) {
    const body = [...records];
    count = body.length;
    if (count > 0) rows = longRows(spec, body, columns, file, problems, units);
  } else {
    for (const record of records) {
      count++;
      const row = wideRow(spec, record, columns, file, problems, units);
      if (row) rows.push(row);
    }
  }
  if (count === 0) {
    problems.add(file, { line: 2, column: 1 }, 'no rows below the header', `add one row per period, or remove table ${name} from dataset.yaml`);
    return table;
  }

  const sorted = sortRows(table, rows);
  table.rows = sorted.rows;
  table.grain = checkGrain(table, spec, problems);
  if (sorted.duplicates) reportDuplicates(table, spec, problems);
  // Running totals nest by nature (Jan–Oct lies inside Jan–Nov): no detail rows there.
  if (table.index === 'period') markDetailRows(table);
  deriveMeasures(table);
  aggregateMeasures(table);
  for (const measure of table.measures.values()) {
    const base = measure.derived && takes(measure.derived.op, 'base') ? measure.derived.base : undefined;
    if (base !== undefined && table.rows.length > 0 && !table.rows.some((row) => row.period.id === base)) {
      problems.add(file, { line: 1, column: 1 }, `derived "${measure.name}" is indexed to ${base}, a period ${file} does not hold`, `set base: in dataset.yaml to a period of the table, from ${table.rows[0].period.id} to ${table.rows.at(-1)!.period.id}`);
    }
  }
  table.complete = problems.size === before;
  for (const aggregate of new Set(table.aggregates?.values())) aggregate.complete = table.complete;
  return table;
}

/**
 * The table as declared, without rows and marked incomplete: what a table
 * whose file cannot be read stands as, so that its keys still resolve and
 * lookups in it are follow-ons of the problem reported at its file.
 */
export function emptyTable(name: string, spec: TableSpec, file: string, units: UnitRegistry = BUILT_IN_UNITS): Table {
  const table = bareTable(name, spec, file, units);
  // Each coarser grain the table is gathered into is a table of that grain, with its own measures.
  for (const [measure, d] of Object.entries(spec.derived ?? {})) {
    const of = table.measures.get(d.of);
    if (!isAggregation(d.op) || d.to === undefined || !of || of.derived) continue;
    table.aggregates ??= new Map();
    const grain = GATHERINGS[d.to].grain;
    const same = [...table.aggregates.values()].find((t) => t.grain === grain);
    const coarse = same ?? { ...bareTable(name, spec, file, units), grain, index: 'period' as const, measures: new Map<string, Measure>() };
    coarse.measures.set(measure, { name: measure, label: d.label ?? measure, unit: of.unit, description: d.description, derived: d });
    table.aggregates.set(measure, coarse);
  }
  return table;
}

function bareTable(name: string, spec: TableSpec, file: string, units: UnitRegistry): Table {
  const ordered = Object.entries(spec.columns).filter(([column, c]) => c.type === 'category' && c.order && !isLongColumn(spec, column));
  const totalled = Object.entries(spec.columns).filter(([column, c]) => c.type === 'category' && c.total !== undefined && !isLongColumn(spec, column));
  const placed = Object.entries(spec.columns).filter(([column, c]) => c.type === 'category' && c.places && !isLongColumn(spec, column));
  return {
    ...(ordered.length ? { orders: Object.fromEntries(ordered.map(([column, c]) => [column, c.order!])) } : {}),
    ...(totalled.length ? { totals: Object.fromEntries(totalled.map(([column, c]) => [column, c.total!])) } : {}),
    ...(placed.length ? { places: Object.fromEntries(placed.map(([column, c]) => [column, c.places!])) } : {}),
    name,
    title: spec.title,
    description: spec.description,
    file,
    index: spec.index,
    ...(spec.absent === 'zero' ? { absent: 'zero' as const } : {}),
    categories: Object.entries(spec.columns)
      .filter(([column, c]) => c.type === 'category' && !isLongColumn(spec, column))
      .map(([column]) => column),
    measures: declaredMeasures(spec, units),
    grain: periodColumn(spec) === undefined ? 'none' : 'month',
    rows: [],
    complete: false,
  };
}

function declaredMeasures(spec: TableSpec, units: UnitRegistry): Map<string, Measure> {
  const measures = new Map<string, Measure>();
  const source = spec.long ? Object.entries(spec.measures ?? {}) : Object.entries(spec.columns).filter(([, c]) => c.type === 'number');
  for (const [name, m] of source) {
    measures.set(name, {
      name,
      label: m.label ?? name,
      unit: m.unit === undefined ? null : units.get(m.unit) ?? null,
      description: m.description,
    });
  }
  for (const [name, d] of Object.entries(spec.derived ?? {})) {
    const base = measures.get(d.of);
    if (!base) continue; // reported by the dataset checks
    if (isAggregation(d.op)) continue; // kept in a table of the coarser grain
    const unit = derivedUnit(d.op, base.unit);
    measures.set(name, { name, label: d.label ?? name, unit, description: d.description, derived: d });
  }
  return measures;
}

/** The unit of a derived measure: its op's (per cent for a % change, points for a change of a percentage), else its column's. */
function derivedUnit(op: string, base: Unit | null): Unit | null {
  const declared = derivedOp(op);
  return declared?.unit ? declared.unit(base) : base;
}

/** Maps declared column → index in the file; reports missing and unknown columns. */
function checkHeader(
  spec: TableSpec,
  header: CsvRecord,
  file: string,
  problems: Problems,
): Map<string, number> | undefined {
  const declared = Object.keys(spec.columns);
  // A spreadsheet set to another locale saves with semicolons: the whole
  // header is then one unknown column, and listing the columns helps no one.
  const separator = header.cells.length === 1 ? SEPARATORS.find(([mark]) => header.cells[0].includes(mark)) : undefined;
  if (separator) {
    problems.add(file, header.positions[0], `the header is one column, "${header.cells[0].slice(0, 60)}"`, `this file is separated by ${separator[1]}; Plotline reads commas: save it as "CSV (comma-separated)"`);
    return undefined;
  }
  const present = new Set(header.cells.map((cell) => cell.trim()));
  const columns = new Map<string, number>();
  // A misspelt header ("exprts") is one slip: reported as the unknown
  // column with its fix, not also as the declared column it lacks.
  const meant = new Set<string>();
  let ok = true;
  header.cells.forEach((cell, i) => {
    const name = cell.trim();
    if (columns.has(name)) {
      ok = false;
      problems.add(file, header.positions[i], `column "${name}" appears twice in the header`, 'delete or rename one of them');
    } else if (Object.hasOwn(spec.columns, name)) {
      columns.set(name, i);
    } else {
      const near = closest(name, declared.filter((d) => !present.has(d)));
      if (near) meant.add(near);
      problems.add(
        file,
        header.positions[i],
        `unknown column "${name}"`,
        near ? `did you mean "${near}"?` : [suggestion(name, declared), 'or declare it under columns in dataset.yaml'].filter(Boolean).join('; '),
      );
    }
  });
  for (const name of declared) {
    if (!columns.has(name)) {
      ok = false;
      if (!meant.has(name)) {
        problems.add(file, { line: 1, column: 1 }, `missing required column "${name}"`, `add a column named "${name}" to the header, or remove it from dataset.yaml`);
      }
    }
  }
  return ok ? columns : undefined;
}

interface Cells {
  get(column: string): string;
  at(column: string): Position;
}

/** The cells of one record at a time: one reader per table, pointed at each record in turn. */
class CellReader implements Cells {
  record: CsvRecord | undefined;
  readonly #columns: Map<string, number>;
  constructor(columns: Map<string, number>) {
    this.#columns = columns;
  }
  get(column: string): string {
    return (this.record!.cells[this.#columns.get(column)!] ?? '').trim();
  }
  at(column: string): Position {
    const positions = this.record!.positions;
    return positions[this.#columns.get(column)!] ?? positions[0];
  }
}

const readers = new WeakMap<Map<string, number>, CellReader>();

function cellsOf(record: CsvRecord, columns: Map<string, number>): Cells {
  let reader = readers.get(columns);
  if (!reader) readers.set(columns, (reader = new CellReader(columns)));
  reader.record = record;
  return reader;
}

function checkWidth(record: CsvRecord, width: number, file: string, problems: Problems): boolean {
  if (record.cells.length === width) return true;
  const what = record.cells.length > width ? 'too many' : 'too few';
  problems.add(
    file,
    record.positions[0],
    `${what} cells: ${record.cells.length} where the header has ${width}`,
    'quote any cell that contains a comma, and check for a missing or extra comma',
  );
  return false;
}

function readNumber(cells: Cells, column: string, file: string, problems: Problems): number | null | undefined {
  const written = cells.get(column);
  if (written === '') return null;
  // A typeset minus (U+2212), as word processors write it, is a minus.
  const text = written.charCodeAt(0) === 0x2212 ? `-${written.slice(1)}` : written;
  // `+ 0` turns −0 into 0: the page never prints a minus zero.
  if (NUMBER.test(text) && Number.isFinite(Number(text))) return Number(text) + 0;
  const hint = NUMBER.test(text)
    ? 'the number is too large to compute with: check the exponent or the digits'
    : /^[-+]?[\d,]+(\.\d+)?$/.test(text)
    ? `write ${text.replaceAll(',', '')} without thousands separators`
    : DASHES[text.charAt(0)] && NUMBER.test(`-${text.slice(1)}`)
    ? `the first character is ${DASHES[text.charAt(0)]}, not a minus: write -${text.slice(1)}`
    : 'write a plain number such as 123.4, or leave the cell empty when the figure is missing';
  problems.add(file, cells.at(column), `"${written}" is not a number in column "${column}"`, hint);
  return undefined;
}

/** Where a table's columns of each role are, found once rather than for every row. */
interface Layout {
  period: string | undefined;
  categories: string[];
  numbers: string[];
  unit: string | undefined;
  url: string | undefined;
  publisher: string | undefined;
  grade: string | undefined;
  note: string | undefined;
  /** Periods by their text (null: malformed): a file names each period once per series. */
  periods: Map<string, Period | null>;
  /** Category values by their joined text, shared by the rows of one series. */
  series: Map<string, Record<string, string>>;
}

const layouts = new WeakMap<TableSpec, Layout>();

function layoutOf(spec: TableSpec): Layout {
  let layout = layouts.get(spec);
  if (!layout) {
    const of = (type: string) => Object.entries(spec.columns).filter(([, c]) => c.type === type).map(([name]) => name);
    layout = {
      period: periodColumn(spec),
      categories: of('category').filter((column) => !isLongColumn(spec, column)),
      numbers: of('number'),
      unit: of('unit')[0],
      url: urlColumn(spec),
      publisher: publisherColumn(spec),
      grade: gradeColumn(spec),
      note: noteColumn(spec),
      periods: new Map(),
      series: new Map(),
    };
    layouts.set(spec, layout);
  }
  return layout;
}

function readPeriod(layout: Layout, text: string): Period | undefined {
  let period = layout.periods.get(text);
  if (period === undefined) layout.periods.set(text, (period = parsePeriod(text) ?? null));
  return period ?? undefined;
}

function readCommon(
  spec: TableSpec,
  cells: Cells,
  file: string,
  problems: Problems,
  line: number,
  units: UnitRegistry,
): Omit<Row, 'values' | 'sources' | 'publishers' | 'notes'> | undefined {
  const layout = layoutOf(spec);
  const column = layout.period;
  const periodText = column === undefined ? '' : cells.get(column);
  const period = column === undefined ? NO_PERIOD : readPeriod(layout, periodText);
  if (!period) {
    problems.add(
      file,
      cells.at(column!),
      `malformed period "${periodText}" in column "${column}"`,
      PERIOD_HINT,
    );
  }
  let categories: Record<string, string> = {};
  let ok = period !== undefined;
  for (const column of layout.categories) {
    const value = cells.get(column);
    if (value === '') {
      ok = false;
      problems.add(file, cells.at(column), `empty category in column "${column}"`, 'every row must say which category it belongs to');
    }
    categories[column] = value;
  }
  if (ok && layout.categories.length > 0) {
    // Rows of one series share one record of their categories: fewer objects for long files.
    const key = layout.categories.length === 1 ? categories[layout.categories[0]] : layout.categories.map((c) => categories[c]).join('\u0000');
    const shared = layout.series.get(key);
    if (shared) categories = shared;
    else layout.series.set(key, categories);
  }
  const unitColumn = layout.unit;
  let unit: Unit | undefined;
  if (unitColumn) {
    const stated = cells.get(unitColumn);
    unit = units.get(stated);
    if (!unit) {
      ok = false;
      problems.add(file, cells.at(unitColumn), `unknown unit "${stated}" in column "${unitColumn}"`, [suggestion(stated, [...units.keys()]), 'or declare it under units: in dataset.yaml'].filter(Boolean).join('; '));
    }
  }
  if (!ok) return undefined;
  return unit ? { period: period!, line, categories, detail: false, unit } : { period: period!, line, categories, detail: false };
}

function wideRow(
  spec: TableSpec,
  record: CsvRecord,
  columns: Map<string, number>,
  file: string,
  problems: Problems,
  units: UnitRegistry,
): Row | undefined {
  const line = record.line;
  if (!checkWidth(record, columns.size, file, problems)) return undefined;
  const layout = layoutOf(spec);
  const cells = cellsOf(record, columns);
  const common = readCommon(spec, cells, file, problems, line, units);
  const values: Record<string, number | null> = {};
  let ok = common !== undefined;
  for (const column of layout.numbers) {
    const value = readNumber(cells, column, file, problems);
    if (value === undefined) ok = false;
    else values[column] = value;
  }
  if (!ok) return undefined;
  const source = layout.url ? cells.get(layout.url) : '';
  const note = layout.note ? cells.get(layout.note) : '';
  const publisher = layout.publisher ? cells.get(layout.publisher) : '';
  const verified = readGrade(cells, layout.grade, file, problems);
  if (verified === undefined) return undefined;
  // Rows without a source, publisher or note share one empty record each: fewer objects for long files.
  const row = common as Row;
  row.values = values;
  row.sources = source === '' ? NO_TEXT : { '': source };
  row.publishers = publisher === '' ? NO_TEXT : { '': publisher };
  row.notes = note === '' ? NO_TEXT : { '': note };
  if (!verified) row.unverified = { '': [{ file, line, publisher, period: row.period.id }] };
  return row;
}

/**
 * Whether the record's figures are verified: true without a grade column
 * (the dataset's own source vouches for them), else the cell's word; an
 * empty cell is unverified. Undefined, reported, for any other word.
 */
function readGrade(cells: Cells, column: string | undefined, file: string, problems: Problems): boolean | undefined {
  if (column === undefined) return true;
  const grade = cells.get(column);
  if (grade === '' || grade === 'unverified') return false;
  if (grade === 'verified') return true;
  problems.add(file, cells.at(column), `unknown grade "${grade}" in column "${column}"`, [suggestion(grade, [...GRADES]), `write ${GRADES.join(' or ')}`].filter(Boolean).join('; '));
  return undefined;
}

const NO_TEXT: Record<string, string> = Object.freeze({ '': '' }) as Record<string, string>;

function longRows(
  spec: TableSpec,
  body: CsvRecord[],
  columns: Map<string, number>,
  file: string,
  problems: Problems,
  units: UnitRegistry,
): Row[] {
  const { measure: measureColumn, value: valueColumn } = spec.long!;
  const measures = Object.keys(spec.measures ?? {});
  const rows = new Map<string, Row>();
  for (const record of body) {
    if (!checkWidth(record, columns.size, file, problems)) continue;
    const cells = cellsOf(record, columns);
    const line = record.line;
    const common = readCommon(spec, cells, file, problems, line, units);
    const measure = cells.get(measureColumn);
    if (!measures.includes(measure)) {
      problems.add(file, cells.at(measureColumn), `unknown measure "${measure}"`, [suggestion(measure, measures), 'or declare it under measures in dataset.yaml'].filter(Boolean).join('; '));
      continue;
    }
    const value = readNumber(cells, valueColumn, file, problems);
    const verified = readGrade(cells, layoutOf(spec).grade, file, problems);
    if (!common || value === undefined || verified === undefined) continue;
    if (spec.long!.unit) {
      const stated = cells.get(spec.long!.unit);
      const expected = spec.measures![measure].unit;
      if (stated !== expected) {
        const known = units.has(stated) ? `"${stated}" does not match measure "${measure}"` : `unknown unit "${stated}"`;
        problems.add(file, cells.at(spec.long!.unit), known, `dataset.yaml declares ${measure} in ${expected}`);
        continue;
      }
    }
    const key = JSON.stringify([common.period.id, common.categories]);
    const row = rows.get(key) ?? { ...common, values: {}, sources: {}, publishers: {}, notes: {} };
    if (measure in row.values) {
      problems.add(file, cells.at(periodColumn(spec) ?? measureColumn), `duplicated ${measure} for period ${common.period.id} (also on line ${row.notes[`@${measure}`] ?? row.line})`, 'keep one row per period and measure');
      continue;
    }
    row.values[measure] = value;
    row.sources[measure] = urlColumn(spec) ? cells.get(urlColumn(spec)!) : '';
    row.publishers[measure] = publisherColumn(spec) ? cells.get(publisherColumn(spec)!) : '';
    row.notes[measure] = noteColumn(spec) ? cells.get(noteColumn(spec)!) : '';
    row.notes[`@${measure}`] = String(line);
    if (!verified) row.unverified = { ...row.unverified, [measure]: [{ file, line, publisher: row.publishers[measure], period: common.period.id }] };
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    for (const measure of measures) if (!(measure in row.values)) row.values[measure] = null;
    for (const k of Object.keys(row.notes)) if (k.startsWith('@')) delete row.notes[k];
  }
  return [...rows.values()];
}

/**
 * A period column holds one grain, told by its values (a span of months
 * counts as months): the first row sets it, and a row of another grain is
 * refused and left out.
 */
function checkGrain(table: Table, spec: TableSpec, problems: Problems): Grain {
  const column = periodColumn(spec);
  if (column === undefined) return 'none';
  if (table.rows.length === 0) return 'month';
  // The first row of the file sets the grain.
  let first = table.rows[0];
  for (const row of table.rows) if (row.line < first.line) first = row;
  const grain = grainOf(first.period);
  const refused = new Set<Row>();
  for (const row of table.rows) {
    const own = grainOf(row.period);
    if (own === grain) continue;
    refused.add(row);
    problems.add(table.file, { line: row.line, column: 1 }, `period "${row.period.id}" is a ${own}, but column "${column}" holds ${grainNoun(grain)} (first on line ${first.line})`, `write every period of the column as ${examplePeriod(grain)}, or keep ${grainNoun(own)} in a table of their own`);
  }
  if (refused.size) table.rows = table.rows.filter((row) => !refused.has(row));
  return grain;
}

function examplePeriod(grain: Grain): string {
  return { decade: 'a decade such as 1990s', year: 'a year such as 2007', quarter: 'a quarter such as 2024-Q3', month: 'a month such as 2025-03 (or a span such as 2025-01/02)', day: 'a day such as 2015-06-30', none: '' }[grain];
}

/** The measure and unit columns of a long table are not categories. */
function isLongColumn(spec: TableSpec, column: string): boolean {
  return column === spec.long?.measure || column === spec.long?.unit;
}

function urlColumn(spec: TableSpec): string | undefined {
  return Object.entries(spec.columns).find(([, c]) => c.type === 'url')?.[0];
}

function publisherColumn(spec: TableSpec): string | undefined {
  return Object.entries(spec.columns).find(([, c]) => c.type === 'publisher')?.[0];
}

function gradeColumn(spec: TableSpec): string | undefined {
  return Object.entries(spec.columns).find(([, c]) => c.type === 'grade')?.[0];
}

function noteColumn(spec: TableSpec): string | undefined {
  return Object.entries(spec.columns).find(([, c]) => c.type === 'text')?.[0];
}

/**
 * Rows by period (as comparePeriods orders them), then by categories in
 * the collator's order; each row's keys are made once, not at every
 * comparison, and rows already in order (most files) cost one pass.
 */
function sortRows(table: Table, rows: Row[]): { rows: Row[]; duplicates: boolean } {
  const period = rows.map((row) => ((row.period.year * 13 + row.period.to) * 13 + row.period.from) * 32 + (row.period.day ?? 0));
  // Each distinct set of categories is ranked once, by the collator; rows then compare by number.
  const keys = rows.map((row) => categoryKey(table, row));
  const compareKeys = keyOrder(table);
  const distinct = [...new Set(keys)].sort(compareKeys);
  const ranks = new Map<string, number>();
  distinct.forEach((key, i) => ranks.set(key, i > 0 && compareKeys(distinct[i - 1], key) === 0 ? ranks.get(distinct[i - 1])! : i));
  const rank = keys.map((key) => ranks.get(key)!);
  const compare = (i: number, j: number) => period[i] - period[j] || rank[i] - rank[j];
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = compare(i - 1, i) <= 0;
  if (sorted) return { rows, duplicates: mayRepeat(rows.map((_, i) => i), period, rank) };
  // Few distinct periods against many rows: each period's rows in a bucket, buckets in order (stable).
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const bucket = buckets.get(period[i]);
    if (bucket) bucket.push(i);
    else buckets.set(period[i], [i]);
  }
  const order: number[] = [];
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
    const bucket = buckets.get(key)!;
    if (bucket.length > 1) bucket.sort((i, j) => rank[i] - rank[j] || i - j);
    for (const i of bucket) order.push(i);
  }
  return { rows: order.map((i) => rows[i]), duplicates: mayRepeat(order, period, rank) };
}

/**
 * Whether, in sorted order, two neighbours share a period and a rank of
 * categories: only then can a row repeat another (a repeat sorts next to
 * the row it repeats), and only then are duplicates looked for.
 */
function mayRepeat(order: number[], period: number[], rank: number[]): boolean {
  for (let k = 1; k < order.length; k++) {
    const i = order[k - 1];
    const j = order[k];
    if (period[i] === period[j] && rank[i] === rank[j]) return true;
  }
  return false;
}

/**
 * How two category keys (values joined by NUL) compare: column by column,
 * by the declared order where the column has one, else alphabetically.
 */
function keyOrder(table: Table): (a: string, b: string) => number {
  const orders = table.orders;
  if (!orders) return (a, b) => COLLATOR.compare(a, b);
  const places = table.categories.map((column) => (orders[column] ? new Map(orders[column].map((value, i) => [value, i])) : undefined));
  return (a, b) => {
    const as = a.split('\u0000');
    const bs = b.split('\u0000');
    for (let c = 0; c < places.length; c++) {
      const place = places[c];
      // Values the order leaves out (reported at dataset.yaml) go last.
      const pa = place?.get(as[c]);
      const pb = place?.get(bs[c]);
      let by = pa === undefined && pb === undefined ? 0 : (pa ?? Infinity) - (pb ?? Infinity);
      if (by === 0) by = COLLATOR.compare(as[c] ?? '', bs[c] ?? '');
      if (by !== 0) return by;
    }
    return 0;
  };
}

/** The order localeCompare gives, made once. */
const COLLATOR = new Intl.Collator();

function categoryKey(table: Table, row: Row): string {
  const columns = table.categories;
  if (columns.length === 0) return '';
  if (columns.length === 1) return row.categories[columns[0]];
  return columns.map((c) => row.categories[c]).join('\u0000');
}

function reportDuplicates(table: Table, spec: TableSpec, problems: Problems): void {
  if (spec.long) return; // checked per measure while reading
  const seen = new Map<string, Row>();
  const keyOf = new Map<Row, string>();
  for (const row of table.rows) keyOf.set(row, `${row.period.id}\u0000${categoryKey(table, row)}`);
  for (const row of [...table.rows].sort((a, b) => a.line - b.line)) {
    const key = keyOf.get(row)!;
    const first = seen.get(key);
    if (first) {
      const what = table.categories.length ? ` for ${table.categories.map((c) => row.categories[c]).join(', ')}` : '';
      if (table.grain === 'none') problems.add(table.file, { line: row.line, column: 1 }, `duplicated row${what} (first on line ${first.line})`, 'a table without periods holds one row per category: correct the category or delete the repeated row');
      else problems.add(table.file, { line: row.line, column: 1 }, `duplicated period ${row.period.id}${what} (first on line ${first.line})`, 'keep one row per period; correct the period or delete the repeated row');
    } else {
      seen.set(key, row);
    }
  }
  if (seen.size < table.rows.length) table.rows = table.rows.filter((row) => seen.get(keyOf.get(row)!) === row);
}

/** Marks rows that lie inside a longer period of the same series and year. */
function markDetailRows(table: Table): void {
  // Only spans of months hold other periods: a table without one has no detail rows.
  if (table.grain !== 'month' || !table.rows.some((row) => row.period.to > row.period.from)) return;
  const groups = new Map<string, Row[]>();
  for (const row of table.rows) {
    const key = `${row.period.year}\u0000${categoryKey(table, row)}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const rows of groups.values()) {
    const spans = rows.filter((row) => row.period.to > row.period.from);
    for (const row of rows) row.detail = spans.some((other) => within(row.period, other.period));
  }
}
