import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { escapeOf, readText } from '../files.ts';
import { parseYaml, reportSchemaIssues } from '../yamlSource.ts';
import type { Problems } from '../problems.ts';
import { closest, suggestion } from '../suggest.ts';
import { AGGREGATE_GRAINS, datasetSchema, periodColumn, tableSchema, type DatasetSpec, type TableSpec } from './schema.ts';
import { isCoarser } from './derive.ts';
import { GATHERINGS } from './gatherings/registry.ts';
import { derivedOp, isAggregation } from './ops/registry.ts';
import { fieldProblem, type FieldProblem } from './ops/fields.ts';
import type { OpField } from './ops/op.ts';
import { grainNoun } from '../period.ts';
import { emptyTable, parseTable } from './parseTable.ts';
import type { Dataset, Table } from './model.ts';
import { categoryValues } from './keys.ts';
import { totalHint, totalText, undeclaredTotal } from './totals.ts';
import { contentKey, memo } from '../memo.ts';
import { unitRegistry } from './units.ts';
import { isUnitName, type UnitRegistry } from '../format.ts';
import { checkPlaceColumns } from '../charts/geo/placeColumns.ts';

/**
 * The largest CSV read. A table is parsed whole, in memory, many times its
 * size in objects: a larger file is refused at once, with its size and this
 * limit, before a byte of it is read.
 */
export const CSV_LIMIT_BYTES = 20e6;

/**
 * Loads `data/<name>/dataset.yaml` and every table it declares. Paths in
 * problems are relative to `root` (the project). Returns undefined only
 * when the declaration itself cannot be read; a bad table is reported and
 * left out.
 */
export function loadDataset(root: string, name: string, problems: Problems, csvLimit = CSV_LIMIT_BYTES): Dataset | undefined {
  const file = `data/${name}/dataset.yaml`;
  const path = join(root, file);
  if (!existsSync(path) && !escapeOf(root, file)) {
    problems.add(file, undefined, `missing dataset file`, `create ${file}, or point the story's "dataset" at a folder under data/`);
    return undefined;
  }
  const yaml = readText(root, file, problems);
  const source = yaml === undefined ? undefined : parseYaml(file, yaml, problems);
  if (!source) return undefined;
  const parsed = datasetSchema.safeParse(source.data);
  if (!parsed.success) {
    reportSchemaIssues(source, parsed.error.issues, problems, (p) => fieldsOf(p), 'field');
    return undefined;
  }
  const spec = parsed.data;
  const before = problems.size;
  const units = unitRegistry(spec, file, problems, source.locate);
  checkDeclarations(spec, units, problems, file, source.locate);
  if (problems.size > before) return undefined;

  const dataset: Dataset = { name, file, spec, units, tables: new Map() };
  for (const [tableName, tableSpec] of Object.entries(spec.tables)) {
    const csvFile = `data/${name}/${normalize(tableSpec.file)}`;
    const csvPath = join(root, csvFile);
    const at = source.locate(['tables', tableName, 'file']);
    // A table without readable rows still stands, empty: its keys are not "unknown".
    dataset.tables.set(tableName, emptyTable(tableName, tableSpec, csvFile, units));
    if (!insideFolder(join(root, 'data', name), tableSpec.file)) {
      problems.add(file, at, `table file "${tableSpec.file}" is not in data/${name}/`, `move the CSV into data/${name}/ and write its name, e.g. file: ${tableName}.csv`);
      continue;
    }
    if (!existsSync(csvPath) && !escapeOf(root, csvFile)) {
      problems.add(file, at, `missing table file ${csvFile}`, `create it, or correct "file" for table ${tableName}`);
      continue;
    }
    const text = readText(root, csvFile, problems, csvLimit);
    if (text === undefined) continue;
    // Parsed once per content: only a table without problems is kept, so problems are always reported afresh.
    const before = problems.size;
    const table = memo(contentKey('table', tableName, tableSpec, spec.units ?? {}, csvFile, text), () => parseTable(tableName, tableSpec, csvFile, text, problems, units), () => problems.size === before);
    dataset.tables.set(tableName, table);
    if (table.rows.length === 0) continue;
    // A value may be missing only because its rows were refused: reported at the CSV.
    if (table.complete) checkOrders(tableName, table, file, source.locate, problems);
    if (table.complete) checkTotals(tableName, table, tableSpec, file, source.locate, problems);
    checkPlaceColumns(table, text, file, source.locate, problems);
    for (const [measure, d] of Object.entries(tableSpec.derived ?? {})) {
      if (!isAggregation(d.op) || d.to === undefined || isCoarser(GATHERINGS[d.to].grain, table.grain)) continue;
      const options = AGGREGATE_GRAINS.filter((g) => isCoarser(GATHERINGS[g].grain, table.grain));
      problems.add(
        file,
        source.locate(['tables', tableName, 'derived', measure, 'to']),
        `table ${tableName}: derived "${measure}" gathers ${grainNoun(table.grain)} into ${GATHERINGS[d.to].noun}, a grain that is not coarser`,
        options.length ? `${csvFile} holds ${grainNoun(table.grain)}: write to: ${options.join(' or ')}` : `${csvFile} holds ${grainNoun(table.grain)}, and nothing is coarser: delete the measure`,
      );
    }
  }
  return dataset;
}

/**
 * A declared order names every value of its column and nothing else: a
 * value it misses would be drawn where no one chose, one it lists but the
 * column lacks is most likely misspelt.
 */
function checkOrders(name: string, table: Table, file: string, locate: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }, problems: Problems): void {
  for (const [column, order] of Object.entries(table.orders ?? {})) {
    const present = [...categoryValues(table, column)];
    const unlisted = present.filter((value) => !order.includes(value));
    order.forEach((value, i) => {
      if (present.includes(value)) return;
      const near = closest(value, unlisted);
      problems.add(file, locate(['tables', name, 'columns', column, 'order', i]), `table ${name}: order of column "${column}" lists "${value}", which ${table.file} never holds`, near ? `did you mean "${near}"?` : `the column holds ${present.join(', ')}`);
    });
    const missing = unlisted.filter((value) => !order.some((listed) => closest(listed, [value]) === value && !present.includes(listed)));
    if (missing.length) {
      problems.add(file, locate(['tables', name, 'columns', column, 'order']), `table ${name}: order of column "${column}" leaves out ${missing.map((v) => `"${v}"`).join(', ')}`, `list every value of the column in ${table.file}: add ${missing.join(', ')} where they belong`);
    }
  }
}

/**
 * A declared total names a value its column holds; a share or a rank over
 * a column with an undeclared total (one value the sum of the others) is
 * refused, since it would count every figure twice.
 */
function checkTotals(name: string, table: Table, spec: TableSpec, file: string, locate: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }, problems: Problems): void {
  for (const [column, total] of Object.entries(table.totals ?? {})) {
    const present = [...categoryValues(table, column)];
    if (!present.includes(total)) {
      const near = closest(total, present);
      problems.add(file, locate(['tables', name, 'columns', column, 'total']), `table ${name}: total of column "${column}" is "${total}", which ${table.file} never holds`, near ? `did you mean "${near}"?` : `the column holds ${present.slice(0, 12).join(', ')}${present.length > 12 ? ', …' : ''}`);
    }
  }
  for (const [derived, d] of Object.entries(spec.derived ?? {})) {
    if (derivedOp(d.op)?.compute.kind !== 'across') continue;
    for (const column of d.across === undefined ? table.categories : [d.across]) {
      const found = undeclaredTotal(table, column, d.of);
      if (!found) continue;
      problems.add(file, locate(['tables', name, 'derived', derived, 'op']), `table ${name}: derived "${derived}" takes a ${d.op} of "${d.of}" across ${column}, and ${totalText(found, table.grain === 'none')}: it would count every figure twice`, totalHint(found, table.file));
    }
  }
}

/**
 * Whether `file`, as written in dataset.yaml, names a file inside `folder`:
 * not absolute, no way out by "..", and no link to elsewhere, since every
 * table is published as a download.
 */
function insideFolder(folder: string, file: string): boolean {
  if (isAbsolute(file) || file.trim() === '') return false;
  const out = (path: string) => path === '' || path.startsWith('..') || isAbsolute(path);
  if (out(relative(folder, join(folder, file)))) return false;
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
  return !existsSync(join(folder, file)) || !out(relative(real(folder), real(join(folder, file))));
}

/** Valid field names at a path of dataset.yaml, for did-you-mean hints. */
function fieldsOf(path: readonly PropertyKey[]): string[] {
  const depth = path.length;
  if (depth === 0) return Object.keys(datasetSchema.shape);
  if (path[0] === 'tables' && depth === 2) return Object.keys(tableSchema.shape);
  if (path[0] === 'tables' && path[2] === 'columns') return ['type', 'unit', 'label', 'description', 'order', 'total', 'places'];
  if (path[0] === 'tables' && path[2] === 'derived') return ['op', 'of', 'minus', 'base', 'across', 'to', 'label', 'description'];
  if (path[0] === 'tables' && path[2] === 'measures') return ['unit', 'label', 'description'];
  if (path[0] === 'tables' && path[2] === 'long') return ['measure', 'value', 'unit'];
  if (path[0] === 'sources') return ['name', 'url'];
  if (path[0] === 'units' && depth >= 2) return ['label', 'prefix', 'suffix', 'scale', 'words', 'kind', 'decimals'];
  return [];
}

/** Cross-field checks zod cannot express: references between columns. */
function checkDeclarations(
  spec: DatasetSpec,
  units: UnitRegistry,
  problems: Problems,
  file: string,
  locate: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number },
): void {
  if (Object.keys(spec.tables).length === 0) {
    problems.add(file, locate(['tables']), 'dataset declares no tables', 'list each CSV under tables: with its file, title and columns');
  }
  for (const [name, table] of Object.entries(spec.tables)) {
    const at = (...path: PropertyKey[]) => locate(['tables', name, ...path]);
    const columns = Object.keys(table.columns);
    if (table.period !== undefined && (!Object.hasOwn(table.columns, table.period) || table.columns[table.period].type !== 'period')) {
      problems.add(file, at('period'), `table ${name}: period column "${table.period}" is not declared with type: period`, suggestion(table.period, columns));
    }
    for (const type of ['period', 'unit', 'url', 'publisher', 'grade'] as const) {
      const named = columns.filter((column) => table.columns[column].type === type);
      if (named.length > 1) {
        problems.add(file, at('columns', named[1]), `table ${name}: two columns of type ${type} ("${named[0]}", "${named[1]}")`, `a table has one ${type} column: declare the other as type: text`);
      }
    }
    for (const [column, c] of Object.entries(table.columns)) {
      if (c.unit && !units.has(c.unit)) {
        problems.add(file, at('columns', column, 'unit'), `table ${name}: unknown unit "${c.unit}" for column "${column}"`, unknownUnitHint(c.unit, units));
      }
      if (c.order && (c.type !== 'category' || column === table.long?.measure || column === table.long?.unit)) {
        problems.add(file, at('columns', column, 'order'), `table ${name}: column "${column}" has an order but is not a category column`, 'delete order:, or declare the column type: category');
      }
      if (c.places && (c.type !== 'category' || column === table.long?.measure || column === table.long?.unit)) {
        problems.add(file, at('columns', column, 'places'), `table ${name}: column "${column}" has places but is not a category column`, 'delete places:, or declare the column type: category');
      }
      const twice = c.order?.findIndex((value, i) => c.order!.indexOf(value) !== i) ?? -1;
      if (twice >= 0) {
        problems.add(file, at('columns', column, 'order', twice), `table ${name}: order of column "${column}" lists "${c.order![twice]}" twice`, 'name each value once');
      }
      if (c.total !== undefined && (c.type !== 'category' || column === table.long?.measure || column === table.long?.unit)) {
        problems.add(file, at('columns', column, 'total'), `table ${name}: column "${column}" has a total but is not a category column`, 'delete total:, or declare the column type: category');
      }
      if (c.unit && c.type !== 'number') {
        problems.add(file, at('columns', column, 'unit'), `table ${name}: column "${column}" has a unit but is not a number column`, 'delete unit:, or declare it type: number');
      }
      const hasUnitColumn = Object.values(table.columns).some((other) => other.type === 'unit');
      if (c.type === 'number' && !c.unit && !hasUnitColumn) {
        problems.add(file, at('columns', column), `table ${name}: number column "${column}" has no unit`, `add unit: one of ${[...units.keys()].join(', ')} (or declare your own under units:, or add a column with type: unit)`);
      }
    }
    for (const [measure, m] of Object.entries(table.measures ?? {})) {
      if (!units.has(m.unit)) problems.add(file, at('measures', measure, 'unit'), `table ${name}: unknown unit "${m.unit}" for measure "${measure}"`, unknownUnitHint(m.unit, units));
    }
    checkLong(name, table, columns, problems, file, at);
    const measures = measureNames(table);
    for (const [derived, d] of Object.entries(table.derived ?? {})) {
      for (const [field, ref] of [['of', d.of], ['minus', d.minus]] as const) {
        const column = ref === undefined || table.long || !Object.hasOwn(table.columns, ref) ? undefined : table.columns[ref];
        if (column && column.type !== 'number') {
          problems.add(file, at('derived', derived, field), `table ${name}: derived "${derived}" takes op ${d.op} of "${ref}", a ${column.type} column, not a number column`, `name a number column: ${measures.join(', ') || 'the table has none'}`);
        } else if (ref !== undefined && Object.hasOwn(table.derived ?? {}, ref)) {
          problems.add(file, at('derived', derived, field), `table ${name}: derived "${derived}" is computed from derived "${ref}"`, `compute it from a column or declared measure (${measures.join(', ')}): derived measures cannot build on each other`);
        } else if (ref !== undefined && !measures.includes(ref)) {
          problems.add(file, at('derived', derived, field), `table ${name}: derived "${derived}" refers to unknown measure "${ref}"`, suggestion(ref, measures));
        }
      }
      const op = derivedOp(d.op);
      const of = ofUnit(table, d.of, units);
      if (op?.percentChange && (of?.kind === 'pct' || of?.kind === 'pp')) {
        problems.add(file, at('derived', derived, 'op'), `table ${name}: derived "${derived}" takes a percentage change of "${d.of}", which is itself in ${of.label}`, op.percentChange);
      }
      if (op?.addsUp && of && isRate(of)) {
        problems.add(file, at('derived', derived, 'op'), `table ${name}: derived "${derived}" adds up "${d.of}", which is in ${of.label}: a sum of ${of.kind === 'pp' ? 'percentage points' : 'percentages'} means nothing`, op.addsUp);
      }
      const fieldAt = (problem: FieldProblem) => (problem.field ? at('derived', derived, problem.field) : at('derived', derived));
      const report = (field: OpField, given: boolean) => {
        const problem = fieldProblem(name, derived, d.op, field, given);
        if (problem) problems.add(file, fieldAt(problem), problem.message, problem.hint);
        return problem;
      };
      report('base', d.base !== undefined);
      const categories = columns.filter((c) => table.columns[c].type === 'category' && c !== table.long?.measure && c !== table.long?.unit);
      if (!report('across', d.across !== undefined) && d.across !== undefined && !categories.includes(d.across)) {
        problems.add(file, at('derived', derived, 'across'), `table ${name}: derived "${derived}" is across unknown category "${d.across}"`, categories.length ? suggestion(d.across, categories) ?? '' : `table ${name} has no category columns`);
      }
      if (op?.compute.kind === 'across' && categories.length === 0) {
        problems.add(file, at('derived', derived, 'op'), `table ${name}: derived "${derived}" uses op ${d.op}, but the table has no categories to compare`, 'a share or a rank compares the categories of one period: add a category column');
      }
      report('minus', d.minus !== undefined);
      if (!report('to', d.to !== undefined) && isAggregation(d.op)) {
        if (periodColumn(table) === undefined) {
          problems.add(file, at('derived', derived, 'to'), `table ${name}: derived "${derived}" gathers values into ${GATHERINGS[d.to!].noun}, but the table has no periods`, 'a table without a period column has nothing to gather: delete the measure');
        } else if (table.index === 'end') {
          problems.add(file, at('derived', derived, 'op'), `table ${name}: derived "${derived}" gathers running totals (index: end)`, 'a running total already sums its year: read its last value with at=, or gather a table of single periods');
        }
      }
      if (measures.includes(derived)) {
        problems.add(file, at('derived', derived), `table ${name}: derived "${derived}" has the name of a column`, 'give the derived measure its own name');
      }
    }
  }
}


/** A percentage, a change in points, or a unit printed with a % sign: values that do not add up. */
function isRate(unit: { kind: string; suffix: string }): boolean {
  return unit.kind === 'pct' || unit.kind === 'pp' || unit.suffix.trim() === '%';
}

/** The unit of a column or declared measure of a table, if it names a known one. */
function ofUnit(table: TableSpec, name: string, units: UnitRegistry) {
  const unit = table.long ? table.measures?.[name]?.unit : table.columns[name]?.unit;
  return unit === undefined ? undefined : units.get(unit);
}

/** Did you mean a unit of that name, else the ones there are and how to add one. */
function unknownUnitHint(name: string, units: UnitRegistry): string {
  // The dataset's own units first: on a tie, the unit it declared is the likelier slip.
  const names = [...units.keys()];
  const own = names.filter((n) => !isUnitName(n));
  const near = closest(name, [...own, ...names.filter((n) => isUnitName(n))]);
  if (near) return `did you mean "${near}"?`;
  return `use one of ${[...units.keys()].join(', ')}, or declare "${name}" under units: with its label, suffix and words`;
}

function checkLong(
  name: string,
  table: TableSpec,
  columns: string[],
  problems: Problems,
  file: string,
  at: (...path: PropertyKey[]) => { line: number; column: number },
): void {
  if (!table.long) {
    if (table.measures) problems.add(file, at('measures'), `table ${name}: "measures" needs "long"`, 'a wide table declares its numbers as columns with type: number');
    return;
  }
  for (const field of ['measure', 'value', 'unit'] as const) {
    const column = table.long[field];
    if (column !== undefined && !columns.includes(column)) {
      problems.add(file, at('long', field), `table ${name}: long.${field} names unknown column "${column}"`, suggestion(column, columns));
    }
  }
  if (!table.measures || Object.keys(table.measures).length === 0) {
    problems.add(file, at('long'), `table ${name}: a long table must declare its measures`, 'add measures: with each measure name and its unit');
  }
}

function measureNames(table: TableSpec): string[] {
  return table.long
    ? Object.keys(table.measures ?? {})
    : Object.entries(table.columns).filter(([, c]) => c.type === 'number').map(([n]) => n);
}
