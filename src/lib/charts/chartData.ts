import type { Dataset, Measure, Row, Table } from '../data/model.ts';
import { unitOf } from '../data/model.ts';
import { topRows } from './top.ts';
import { resolveKey, filterRows, categoryOrPart, categoryValues, type Filter } from '../data/keys.ts';
import { parsePeriod, periodEnd, periodLabel, periodMiddle, periodStart, isSpan, comparePeriods, monthName, lastMonthId, follows, nextPeriod, grainNoun, PERIOD_HINT, type Period } from '../period.ts';
import { DEFAULT_LOCALE, shownFactor, shownUnit, type Unit } from '../format.ts';
import { closest, suggestion } from '../suggest.ts';
import type { ChartSpec } from './spec.ts';
import { annotatedDatum, resolveAnnotations } from './annotate.ts';
import { matchPlaces } from './geo/places.ts';
import { checkScales } from './scatter.ts';
import { changeEnds, pairUp } from './change.ts';
import { checkLayout } from './stack.ts';
import { declaredTotal, totalHint, totalText, undeclaredTotal } from '../data/totals.ts';
import { checkFacet, checkPanelCount, facetSeries } from './facets.ts';
import { mapNote } from './geo/places.ts';
import { unhonouredFields } from './kindFields.ts';
import { kindOf } from './kinds/registry.ts';
import { type ChartData, type ChartProblem, type ChartResult, type Datum, type XKind } from './model.ts';
import { drawsHollow, isUnverifiedDatum, unverifiedNote, unverifiedSources } from './provenance.ts';
import { describeSources } from '../data/provenance.ts';
import { derivedOp } from '../data/ops/registry.ts';

export { annotatedDatum };
// The shared chart types live in model.ts, below every kind; re-exported for callers outside src/lib/charts.
export { shownDigits, valueLabel, type ChartData, type ChartProblem, type ChartResult, type Datum, type XKind } from './model.ts';

/**
 * A stack piles its layers up to their whole: a declared total among them
 * is left out (and the note says what the layers add up to); an undeclared
 * one, which would double the whole, is refused.
 */
function stackTotal(table: Table, series: string, measures: Measure[], data: Datum[], problems: ChartProblem[]): string | undefined {
  const total = declaredTotal(table, series);
  if (total !== undefined) {
    const kept = data.filter((d) => d.category?.[series] !== total);
    if (kept.length === data.length) return undefined;
    data.splice(0, data.length, ...kept);
    return `The layers add up to ${total}, which is not drawn as a layer of its own.`;
  }
  for (const measure of measures) {
    const found = undeclaredTotal(table, series, measure.name);
    if (found && data.some((d) => d.category?.[series] === found.value)) {
      problems.push({ field: 'layout', message: `layout: stack piles each ${series} on the others, and ${totalText(found, table.grain === 'none')}: the stack would count every figure twice`, hint: totalHint(found, table.file) });
      return undefined;
    }
  }
  return undefined;
}

/** `d` with its value (and a span's total) multiplied by `factor`, without floating-point dust. */
function showScaled(d: Datum, factor: number): void {
  const scaled = (v: number) => Math.round(v * factor * 1e9) / 1e9;
  if (d.y !== null) d.y = scaled(d.y);
  if (d.span) d.span = { ...d.span, total: scaled(d.span.total) };
}

/**
 * Resolves a section's chart spec against the dataset: keys, filters,
 * periods, highlights. `through` is the story's last period: later rows
 * are left out, so a story never draws data it does not yet talk about.
 */
export function chartData(dataset: Dataset, spec: ChartSpec, through?: Period, locale: string = DEFAULT_LOCALE): ChartResult {
  const result = resolveChart(dataset, spec, through, locale);
  // A field the kind does not honour is refused, unless a check of its own has already said why.
  const unused = unhonouredFields(spec).filter((p) => result.ok || !result.problems.some((q) => q.field === p.field));
  if (unused.length === 0) return result;
  return { ok: false, problems: [...(result.ok ? [] : result.problems), ...unused] };
}

function resolveChart(dataset: Dataset, spec: ChartSpec, through: Period | undefined, locale: string): ChartResult {
  const problems: ChartProblem[] = [];
  const kind = kindOf(spec.type);
  const keys = Array.isArray(spec.data) ? spec.data : [spec.data];
  const resolved = keys.map((key) => ({ key, result: resolveKey(dataset, key) }));
  for (const { result } of resolved) {
    if (!result.ok) problems.push({ field: 'data', message: result.message, hint: result.hint });
  }
  if (problems.length) return { ok: false, problems };
  const found = resolved.map(({ result }) => (result.ok ? result.value : undefined)!);
  const table = found[0].table;
  if (found.some((f) => f.table !== table)) {
    const names = [...new Set(found.map((f) => f.table.name))];
    // One table, two grains: a measure gathered into years (op: sum, to: year) beside the table's own.
    if (names.length === 1) {
      const grains = [...new Set(found.map((f) => grainNoun(f.table.grain)))];
      return { ok: false, problems: [{ field: 'data', message: `chart keys mix ${grains.join(' and ')} of table ${names[0]}`, hint: 'draw measures of one grain per chart: those gathered into a coarser grain (to:) apart from the table\'s own' }] };
    }
    return { ok: false, problems: [{ field: 'data', message: `chart keys come from different tables (${names.join(', ')})`, hint: 'draw keys of one table per chart' }] };
  }

  const timeless = table.grain === 'none';
  const numbers = [...table.measures.keys()];
  const columns = [...(timeless ? [] : ['period', 'month', 'year']), ...table.categories, ...numbers];
  const x = spec.x ?? ((kind.categorical || timeless) && table.categories.length ? table.categories[0] : timeless ? numbers.find((n) => !keys.includes(`${table.name}.${n}`)) ?? 'period' : 'period');
  if (!columns.includes(x)) {
    const hint = timeless && ['period', 'month', 'year'].includes(x) ? `table ${table.name} has no periods: use x: ${[...table.categories, ...numbers][0] ?? 'a category'}` : suggestion(x, columns);
    problems.push({ field: 'x', message: `table ${table.name} has no column "${x}" to use as x`, hint });
  } else if (x === 'month' && table.grain !== 'month') {
    problems.push({ field: 'x', message: `x: month lays out the months of a year, but ${table.name} holds ${grainNoun(table.grain)}`, hint: 'use x: period' });
  }
  const series = spec.series ?? (keys.length > 1 ? 'measure' : facetSeries(spec, table));
  const seriesColumns = [...(timeless ? [] : ['year']), 'measure', ...table.categories];
  if (series && !seriesColumns.includes(series)) problems.push({ field: 'series', message: `table ${table.name} has no column "${series}" to split series by`, hint: suggestion(series, seriesColumns) });

  checkLayout(spec, kind, table, series, problems);
  checkFacet(spec, kind, table, series, problems);

  const filter: Filter = Object.create(null);
  for (const [column, value] of Object.entries(spec.where ?? {})) {
    if (column !== 'year' && !table.categories.includes(column)) {
      problems.push({ field: `where.${column}`, onKey: true, message: `table ${table.name} has no column "${column}" to filter on`, hint: suggestion(column, ['year', ...table.categories]) });
    }
    filter[column] = Array.isArray(value) ? value : [value];
  }
  const from = readPeriod(spec.from, 'from', problems);
  const to = readPeriod(spec.to, 'to', problems);
  if (problems.length) return { ok: false, problems };

  const last = [to, through].filter((p) => p !== undefined).sort(comparePeriods)[0];
  // A row is in when it ends within from…to; rows of a table without periods always are.
  const rows = filterRows(table, filter).filter(
    (row) => timeless || ((!from || ordinal(row.period) >= ordinal(from)) && (!last || ordinal(row.period) <= ordinal(last))),
  );
  // Rows missing because the CSV has faults are reported at the CSV; what
  // the chart then lacks is not the section's fault.
  const followOn = (problem: ChartProblem) => {
    if (table.complete) problems.push(problem);
  };
  for (const [column, values] of Object.entries(filter)) {
    const present = categoryValues(table, column);
    for (const value of values) {
      if (!present.has(value)) followOn({ field: `where.${column}`, message: `no rows with ${column} "${value}" in ${table.name}`, hint: suggestion(value, [...present]) });
    }
  }
  if (spec.top !== undefined) rows.splice(0, rows.length, ...topRows(spec.top, table, rows, found[0].measure, x, series, problems));
  if (problems.length) return { ok: false, problems };
  // A change chart keeps the rows at its two ends only (see change.ts).
  const ends = kind.pairs ? changeEnds(spec, table, x, filterRows(table, filter).filter((row) => !through || ordinal(row.period) <= ordinal(through)), from, to, through, problems) : undefined;
  if (problems.length) return { ok: false, problems };
  if (ends) rows.splice(0, rows.length, ...ends.rows);
  const xKind: XKind = x === 'period' ? 'time' : x === 'month' ? 'month' : table.measures.has(x) ? 'number' : 'category';

  const highlights = new Set((spec.highlight === undefined ? [] : Array.isArray(spec.highlight) ? spec.highlight : [spec.highlight]).map(String));
  const data: Datum[] = [];
  const units = new Set<Unit>();
  for (const { key, measure } of found) {
    for (const row of rows) {
      const unit = unitOf(measure, row);
      const value = row.values[measure.name] ?? null;
      if (unit && value !== null) units.add(unit);
      const datum = makeDatum(table, row, key, measure, value, x, xKind, series, keys.length);
      datum.highlight = isHighlighted(datum, highlights);
      data.push(datum);
    }
  }
  const stackNote = spec.layout === 'stack' && series !== undefined && table.categories.includes(series) ? stackTotal(table, series, found.map((f) => f.measure), data, problems) : undefined;
  // A fraction declared as per cent is drawn, labelled and tabled in per cent, as the text states it.
  const factor = units.size === 1 ? shownFactor([...units][0]) : 1;
  if (factor !== 1) for (const d of data) showScaled(d, factor);
  if (xKind === 'time' && table.index === 'period') data.splice(0, data.length, ...withGaps(data));
  if (ends) data.splice(0, data.length, ...pairUp(data, ends));
  if (data.every((d) => d.y === null)) {
    followOn({ field: 'data', message: `chart has nothing to draw: ${keys.join(', ')} has no values${describe(filter, from, last)}`, hint: 'check where, from and to against the CSV' });
  }
  const zigzag = xKind === 'time' && kind.joined ? oneLineThroughMany(table, data) : undefined;
  if (zigzag) problems.push(zigzag);
  if (units.size > 1) {
    problems.push({ field: 'data', message: `chart mixes units (${[...units].map((u) => u.label).join(', ')})`, hint: 'filter to one commodity, or draw each unit in its own chart' });
  }
  checkHighlights(spec.highlight, data, followOn);
  const noted = resolveAnnotations(spec.annotations ?? [], data, xKind);
  // A note that matches no value may only lack it because the CSV has faults.
  for (const problem of noted.problems) {
    if (problem.field.endsWith('.at')) followOn(problem);
    else problems.push(problem);
  }
  const places = kind.places ? matchPlaces(data, spec, kind, x, table, problems) : undefined;
  kind.check?.({ spec, table, x, xKind, data }, problems);
  checkScales(spec, kind, xKind, data, problems);
  checkPanelCount({ spec, data, series }, problems);
  if (!drawsHollow({ kind, spec }) && data.some(isUnverifiedDatum)) {
    const sources = unverifiedSources({ data });
    problems.push({
      field: 'data',
      message: `this ${spec.type} chart cannot mark unverified values apart, and it draws ${sources.length === 1 ? 'one' : sources.length}: ${describeSources(sources)}`,
      hint: 'find better sources for those rows, leave them out with where:, from: or to:, or draw them as a line, area, dot or bar chart without layout: or facet:, which draws them hollow',
    });
  }
  if (problems.length || !table.complete) return { ok: false, problems };

  const chart: ChartData = {
    spec,
    type: spec.type,
    kind,
    table,
    keys,
    measures: found.map((f) => f.measure),
    unit: shownUnit([...units][0]),
    locale,
    xKind,
    x,
    series,
    data,
    zero: spec.zero ?? kind.zero,
    highlightsSeries: series !== undefined && [...highlights].some((h) => data.some((d) => d.series === h)),
    notes: [...notesFor(table, data, found.map((f) => f.measure), xKind), ...(stackNote ? [stackNote] : [])],
    annotations: noted.annotations,
    ...(places ? { places } : {}),
  };
  const order = categoryOrder(spec, table, data, xKind, x, problems);
  if (problems.length) return { ok: false, problems };
  if (order) chart.order = order;
  if (places) {
    const unmapped = [...places].filter(([, ids]) => ids.length === 0).map(([name]) => name);
    if (unmapped.length) chart.notes.push(`Too small for this map: ${unmapped.join('; ')}.`);
    chart.notes.push(mapNote(spec, table, x, kind));
  }
  return { ok: true, chart };
}

/**
 * The order of the categories along x: `sort: value | -value` by their
 * values (summed over series), `declared` (or a column with `order:` in
 * dataset.yaml) as the table orders them.
 */
function categoryOrder(spec: ChartSpec, table: Table, data: Datum[], xKind: XKind, x: string, problems: ChartProblem[]): string[] | undefined {
  if (spec.sort !== undefined && xKind !== 'category') {
    problems.push({ field: 'sort', message: `sort orders categories, but this chart has ${x} along x`, hint: 'delete sort:, or set x: to a category column' });
    return undefined;
  }
  if (xKind !== 'category' || kindOf(spec.type).places) return undefined;
  const sort = spec.sort ?? (table.orders?.[x] ? 'declared' : undefined);
  if (sort === undefined) return undefined;
  const labels = [...new Set(data.map((d) => d.label))];
  if (sort === 'declared') return labels;
  const totals = new Map<string, number>();
  for (const d of data) if (d.y !== null) totals.set(d.label, (totals.get(d.label) ?? 0) + d.y);
  const sign = sort === 'value' ? 1 : -1;
  // Categories without a value go last, in the table's order.
  return labels.sort((a, b) => (totals.has(a) && totals.has(b) ? sign * (totals.get(a)! - totals.get(b)!) : Number(!totals.has(a)) - Number(!totals.has(b))));
}

function makeDatum(
  table: Table,
  row: Row,
  key: string,
  measure: Measure,
  value: number | null,
  x: string,
  xKind: XKind,
  series: string | undefined,
  keyCount: number,
): Datum {
  const p = row.period;
  // A running total belongs at the end of its span; a flow spans its months.
  const atEnd = table.index === 'end';
  const averaged = isSpan(p) && value !== null && xKind !== 'category' && averagesOverSpan(table, measure, row);
  const position: Date | number | string =
    xKind === 'time'
      ? atEnd ? periodMiddle({ ...p, from: p.to }) : periodMiddle(p)
      : xKind === 'month' ? (averaged ? (p.from + p.to) / 2 : p.to) : xKind === 'number' ? row.values[x] ?? Number.NaN : categoryOrPart(row, x);
  const seriesName =
    series === 'measure' ? measure.label : series === 'year' ? String(p.year) : series ? row.categories[series] ?? '' : keyCount > 1 ? measure.label : '';
  const label = xKind === 'category' ? String(position) : xKind === 'number' || p.grain === 'none' ? rowName(table, row, series) : atEnd && isSpan(p) ? `${monthName(p.from)}–${periodLabel({ ...p, from: p.to })}` : periodLabel(p);
  return {
    x: position,
    ...(xKind === 'time' && !atEnd ? { x1: periodStart(p), x2: periodEnd(p) } : {}),
    y: averaged ? value! / (p.to - p.from + 1) : value,
    ...(averaged ? { span: { months: p.to - p.from + 1, total: value! } } : {}),
    series: seriesName,
    period: p,
    label,
    highlight: false,
    key,
    measure,
    category: row.categories,
    source: row.sources[measure.name] ?? row.sources[''] ?? '',
    row,
  };
}

/**
 * A line that would pass through several values of one period (the
 * categories of a table drawn as one series) zig-zags between them and
 * means nothing: refused, naming the category that splits them.
 */
function oneLineThroughMany(table: Table, data: Datum[]): ChartProblem | undefined {
  const seen = new Map<string, Datum>();
  for (const d of data) {
    const slot = `${d.series}\u0000${d.period.id}`;
    const first = seen.get(slot);
    if (!first) {
      seen.set(slot, d);
      continue;
    }
    const rows = data.filter((o) => o.series === d.series && o.period.id === d.period.id);
    const column = table.categories.find((c) => new Set(rows.map((o) => o.category?.[c])).size > 1) ?? table.categories[0] ?? 'a category';
    const values = [...new Set(data.map((o) => o.category?.[column]).filter((v) => v !== undefined))];
    const some = values.slice(0, 3).map((v) => JSON.stringify(v)).join(', ');
    return {
      field: 'data',
      message: `one line would zig-zag through ${values.length} values of "${column}" in each period`,
      hint: `add series: ${column} for one line per ${column}, with where: { ${column}: [${some}] } to pick a few; or type: barX with where: on one period`,
    };
  }
  return undefined;
}

/** A row of a table without periods is named by its categories. */
function rowName(table: Table, row: Row, series?: string): string {
  // The series column is told by colour: the name is the rest.
  const named = table.categories.filter((c) => c !== series);
  return (named.length ? named : table.categories).map((c) => row.categories[c]).join(', ') || (row.period.grain === 'none' ? `row ${row.line}` : periodLabel(row.period));
}

/**
 * A regular series (most of its periods follow one another) gets a value-
 * less datum for each period missing between two it has, so that its line
 * breaks there and the table says so: a missing row is a gap, never
 * bridged. Sparse series (snapshots a year apart) are left as they are.
 */
export function withGaps(data: Datum[]): Datum[] {
  const bySeries = new Map<string, Datum[]>();
  for (const d of data) {
    const list = bySeries.get(d.series);
    if (list) list.push(d);
    else bySeries.set(d.series, [d]);
  }
  const out: Datum[] = [];
  let added = 0;
  for (const list of bySeries.values()) {
    const sorted = [...list].sort((a, b) => comparePeriods(a.period, b.period));
    let adjacent = 0;
    for (let i = 1; i < sorted.length; i++) if (follows(sorted[i - 1].period, sorted[i].period)) adjacent++;
    const regular = sorted.length > 2 && adjacent >= (sorted.length - 1) / 2;
    for (const [i, d] of sorted.entries()) {
      const before = sorted[i - 1];
      if (regular && before && !follows(before.period, d.period) && periodEnd(before.period) < periodStart(d.period)) {
        // One empty datum per missing period; a very long hole gets one, at its start.
        let p = nextPeriod(before.period);
        for (let n = 0; periodStart(p) < periodStart(d.period); n++, p = nextPeriod(p)) {
          if (n > 0 && added > 5000) break;
          out.push({ ...before, x: periodMiddle(p), x1: periodStart(p), x2: periodEnd(p), y: null, period: p, label: periodLabel(p), highlight: false, source: '' });
          added++;
        }
      }
      out.push(d);
    }
  }
  return out;
}

/** Unit kinds whose amounts add up over months: money, mass, counts. */
const ADDITIVE_KINDS = new Set(['usd', 'mass', 'count']);

/**
 * True when a figure for several months is an amount that adds up over them
 * (a flow: exports, tonnes), so that its average per month compares with a
 * single month. Rates (per cent, points), running totals, other derived
 * measures and units of a
 * kind not known to add up (a dataset's own index or ratio) are left as
 * reported.
 */
export function averagesOverSpan(table: Table, measure: Measure, row: Row): boolean {
  if (table.index !== 'period') return false;
  const unit = unitOf(measure, row);
  if (!unit || !ADDITIVE_KINDS.has(unit.kind)) return false;
  // A reported amount, or one worked out as amounts are (the difference of two): other derived measures are rates, totals or ranks.
  return measure.derived === undefined || derivedOp(measure.derived.op)?.amount === true;
}

/** A datum is highlighted by its period (or last month), series or category. */
/**
 * Every value `highlight:` names matches something drawn, one item of a
 * list as strictly as a single value: a misspelt name is refused at its
 * item, with the nearest name the chart draws.
 */
function checkHighlights(highlight: ChartSpec['highlight'], data: Datum[], report: (problem: ChartProblem) => void): void {
  if (highlight === undefined) return;
  const items = (Array.isArray(highlight) ? highlight : [highlight]).map(String);
  let names: Set<string> | undefined;
  items.forEach((value, i) => {
    const one = new Set([value]);
    if (data.some((d) => isHighlighted(d, one))) return;
    // Names only: a period one digit away is another period, not a slip to guess at.
    names ??= new Set(data.flatMap((d) => [d.series, ...(typeof d.x === 'string' ? [d.x] : []), ...(d.period.grain === 'none' ? Object.values(d.row?.categories ?? {}) : [])].filter((n) => n !== '')));
    const near = /^\d{4}/.test(value) ? undefined : closest(value, names);
    report({ field: Array.isArray(highlight) ? `highlight.${i}` : 'highlight', message: `highlight "${value}" matches nothing in the chart`, hint: near ? `did you mean "${near}"?` : 'name a period (2025-11), a category or a series that the chart draws' });
  });
}

function isHighlighted(d: Datum, values: Set<string>): boolean {
  if (values.size === 0) return false;
  return values.has(d.period.id) || values.has(lastMonthId(d.period)) || values.has(d.series) || (typeof d.x === 'string' && values.has(d.x)) || values.has(d.label) || (d.period.grain === 'none' && Object.values(d.row?.categories ?? {}).some((v) => values.has(v)));
}

/** The note under a running total: its description, or what it adds up. */
function runningTotalNote(measure: Measure): string | undefined {
  const op = derivedOp(measure.derived?.op);
  if (!op?.note) return undefined;
  if (measure.description) return /[.!?]$/.test(measure.description) ? measure.description : `${measure.description}.`;
  return op.note(measure.label);
}

function notesFor(table: Table, data: Datum[], measures: Measure[], xKind: XKind): string[] {
  const notes: string[] = [];
  const drawn = data.filter((d) => d.y !== null);
  const spans = [...new Set(drawn.filter((d) => d.span).map((d) => d.label))];
  if (spans.length > 0) {
    notes.push(`${listed(spans)} ${spans.length === 1 ? 'is' : 'are'} reported as one figure for several months, drawn as its monthly average.`);
  }
  // A running total says what it adds up, in the dataset's words when it describes the measure (a caveat on revisions, say).
  for (const note of new Set(measures.map(runningTotalNote))) if (note) notes.push(note);
  const missing = data.filter((d) => d.y === null);
  if (missing.length > 0 && drawn.length > 0) {
    // A missing category is named; a missing month shows as a gap.
    notes.push(
      xKind === 'category'
        ? `No figure was reported for ${[...new Set(missing.map((d) => d.label))].join(', ')}.`
        : `Gaps mark ${grainNoun(table.grain)} with no reported figure.`,
    );
  }
  const unverified = unverifiedNote({ data });
  if (unverified) notes.push(unverified);
  return notes;
}

function listed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function readPeriod(text: string | undefined, field: string, problems: ChartProblem[]): Period | undefined {
  if (text === undefined) return undefined;
  const p = parsePeriod(text);
  if (!p) problems.push({ field, message: `malformed period ${field}: "${text}"`, hint: PERIOD_HINT });
  return p;
}

/** Where a period ends, to compare it with from, to and through. */
function ordinal(p: Period): number {
  return periodEnd(p).getTime();
}

function describe(filter: Filter, from?: Period, to?: Period): string {
  const parts = Object.entries(filter).map(([c, v]) => `${c}=${v.join('|')}`);
  if (from) parts.push(`from ${from.id}`);
  if (to) parts.push(`to ${to.id}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
