import { formatValue } from '../format.ts';
import { valueLabel, type ChartData, type Datum } from './model.ts';
import { formatSafeCsv } from '../csvSafe.ts';
import { isUnverifiedDatum, markUnverified } from './provenance.ts';
import { monthNameLong } from '../period.ts';

export interface DataTable {
  /** Column headings: the x column, then one per series (or the measure). */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/**
 * Tables longer than this (a few years of daily figures, say) go on a page
 * of their own, linked from the chart: inline they would outweigh the rest
 * of the story, and nobody reads a thousand rows in a chart's disclosure.
 */
export const ROWS_IN_PAGE = 120;

/** Whether `table` is shown inside its chart's disclosure (else on its own page). */
export const fitsInPage = (table: DataTable) => table.rows.length <= ROWS_IN_PAGE;

/** The drawn data as a table for people: one row per x, one column per series. */
export function chartTable(chart: ChartData): DataTable {
  const seriesNames = [...new Set(chart.data.map((d) => d.series))];
  const byMonth = monthOfYear(chart);
  const labelOf = byMonth ? monthLabel : valueLabel;
  const first = chart.xKind === 'category' ? chart.x.charAt(0).toUpperCase() + chart.x.slice(1) : byMonth ? 'Month' : 'Period';
  const valueHeading = (name: string) => `${name || chart.measures[0].label} (${chart.unit.label})`;
  const labels = [...new Set(chart.data.map(labelOf))];
  // Months of the year in calendar order, whatever order the rows came in.
  if (byMonth) labels.sort((a, b) => monthOrder(chart, a) - monthOrder(chart, b));
  // Categories in the chart's order (sort:, or the column's declared order).
  if (chart.order && chart.xKind === 'category') labels.sort((a, b) => place(chart.order!, a) - place(chart.order!, b));
  // Horizontal bars without an order of their own stand largest first: the table lists them as they stand.
  else if (chart.kind.bars === 'horizontal' && chart.xKind === 'category' && seriesNames.length === 1) labels.sort((a, b) => largest(chart, b) - largest(chart, a));
  // The first datum of each label and series, as a search would find it.
  const byCell = new Map<string, Datum>();
  for (const d of chart.data) {
    const cell = JSON.stringify([labelOf(d), d.series]);
    if (!byCell.has(cell)) byCell.set(cell, d);
  }
  const decimals = decimalsOf(chart);
  const rows = labels.map((label) => ({
    label,
    cells: seriesNames.map((series) => {
      const d = byCell.get(JSON.stringify([label, series]));
      return d && d.y !== null ? markUnverified(formatValue(d.y, chart.unit, 'number', decimals, chart.locale), d) : '—';
    }),
  }));
  // Series by year over a time axis: each row holds one year's value, and
  // its period already names the year, so one value column says it all.
  if (chart.series === 'year' && chart.xKind === 'time' && rows.every((row) => row.cells.filter((c) => c !== '—').length <= 1)) {
    return { columns: [first, valueHeading('')], rows: rows.map((row) => ({ label: row.label, cells: [row.cells.find((c) => c !== '—') ?? '—'] })) };
  }
  return { columns: [first, ...seriesNames.map(valueHeading)], rows };
}

/**
 * Exactly the data drawn, for download: one line per value, with its
 * period, series, dataset key, unit and the source of that figure (and,
 * where the rows name them, its publisher and grade); for
 * a figure covering several months, `value` is the figure as reported and
 * `monthly_average` the average per month that the chart draws. Text
 * that a spreadsheet would run as a formula is neutralised (csvSafe.ts).
 */
export function chartCsv(chart: ChartData): string {
  const graded = chart.data.some((d) => d.row?.publishers[d.measure.name] || d.row?.publishers[''] || isUnverifiedDatum(d));
  const header = ['period', ...(chart.xKind === 'category' ? [chart.x] : []), 'series', 'key', 'value', 'unit', 'source_url', ...(graded ? ['publisher', 'grade'] : []), 'monthly_average'];
  const lines = chart.data.map((d) => [
    d.period.id,
    ...(chart.xKind === 'category' ? [String(d.x)] : []),
    d.series,
    d.key,
    d.span ? d.span.total : d.y,
    chart.unit.name,
    d.source,
    ...(graded ? [d.row?.publishers[d.measure.name] || d.row?.publishers[''] || '', d.y === null ? '' : isUnverifiedDatum(d) ? 'unverified' : 'verified'] : []),
    d.span && d.y !== null ? Math.round(d.y * 1000) / 1000 : null,
  ]);
  // Category names and source addresses come from the dataset: never a live formula.
  return formatSafeCsv([header, ...lines]);
}

/**
 * Whether the table has a row per month of the year: a chart along the
 * months of the year (x: month) whose series tell its values apart (one
 * column a year), so that no month and series hold two values.
 */
function monthOfYear(chart: ChartData): boolean {
  if (chart.xKind !== 'month') return false;
  const cells = new Set(chart.data.map((d) => JSON.stringify([monthLabel(d), d.series])));
  return cells.size === chart.data.length;
}

/** A datum's month of the year, "January" (a span "January–February, average per month"). */
function monthLabel(d: Datum): string {
  const { from, to } = d.period;
  const months = from === to ? monthNameLong(from) : `${monthNameLong(from)}–${monthNameLong(to)}`;
  return d.span ? `${months}, average per month` : months;
}

/** Where a month's row stands: at its place along the axis (a running total at its last month), then by its first month. */
function monthOrder(chart: ChartData, label: string): number {
  const d = chart.data.find((datum) => monthLabel(datum) === label);
  return d ? Number(d.x) * 100 + d.period.from : Number.POSITIVE_INFINITY;
}

/** A category's drawn value (−∞ when it has none, so that it comes last). */
function largest(chart: ChartData, label: string): number {
  return chart.data.find((d) => d.label === label && d.y !== null)?.y ?? Number.NEGATIVE_INFINITY;
}

function place(order: string[], label: string): number {
  const i = order.indexOf(label);
  return i < 0 ? order.length : i;
}

function decimalsOf(chart: ChartData): number {
  let decimals = 0;
  for (const d of chart.data) {
    if (d.y === null) continue;
    const text = String(d.y);
    const dot = text.indexOf('.');
    if (dot >= 0) decimals = Math.max(decimals, Math.min(2, text.length - dot - 1));
  }
  return decimals;
}
