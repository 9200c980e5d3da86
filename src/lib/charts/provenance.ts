import * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './model.ts';
import { isUnverified, unverifiedOf } from '../data/provenance.ts';
import type { UnverifiedSource } from '../data/model.ts';

/**
 * How a chart tells readers which of its values rest on unverified rows
 * (see data/provenance.ts): the drawing marks them hollow, and the note,
 * description, table and CSV say so in words. One place for every kind.
 */

/** The class of the marks that draw unverified values (site.css fills them with the page colour). */
export const UNVERIFIED_CLASS = 'unverified';

/** Whether a drawn value rests on an unverified row. */
export function isUnverifiedDatum(d: Datum): boolean {
  return d.y !== null && isUnverified(d.row, d.measure);
}

/** The unverified rows behind the values drawn, each once, in the order drawn. */
export function unverifiedSources(chart: Pick<ChartData, 'data'>): UnverifiedSource[] {
  const found = new Map<string, UnverifiedSource>();
  for (const d of chart.data) {
    if (d.y === null) continue;
    for (const s of unverifiedOf(d.row, d.measure)) found.set(`${s.file}:${s.line}`, s);
  }
  return [...found.values()];
}

/** Chart kinds whose drawing marks an unverified value hollow; others refuse to draw one. */
export function drawsHollow(chart: Pick<ChartData, 'type' | 'spec'>): boolean {
  return ['line', 'area', 'dot', 'bar', 'barX'].includes(chart.type) && chart.spec.facet === undefined && chart.spec.layout === undefined;
}

/** The note under a chart that draws unverified values, in words. */
export function unverifiedNote(chart: Pick<ChartData, 'data'>): string | undefined {
  const named = (d: Datum) => (d.series && !d.label.includes(d.series) ? `${d.label} (${d.series})` : d.label);
  const labels = [...new Set(chart.data.filter(isUnverifiedDatum).map(named))];
  if (labels.length === 0) return undefined;
  const which = labels.length === 1 ? `${labels[0]}, which rests` : labels.length <= 6 ? `${listed(labels)}, which rest` : `${labels.length} values from ${labels[0]} to ${labels.at(-1)}, which rest`;
  return `Drawn hollow: ${which} on figures found only in copies of reports that could not be verified (each source is named with the chart's data).`;
}

/** A table cell or description of a value, marked when it is unverified. */
export function markUnverified(text: string, d: Datum | undefined): string {
  return d && isUnverifiedDatum(d) ? `${text} (unverified)` : text;
}

/**
 * A mark drawn twice when some of its data are unverified: the verified
 * values as `options` say, the unverified ones hollow (a pale fill with a
 * dashed outline in `colour`; site.css fills them with the page colour).
 * With no unverified value it is the one mark, unchanged.
 */
export function withHollow<O extends object>(
  mark: (data: Datum[], options: O) => Plot.Markish,
  data: Datum[],
  options: O,
  colour: string | ((d: Datum) => string),
): Plot.Markish[] {
  if (!data.some(isUnverifiedDatum)) return [mark(data, options)];
  return [
    mark(data, { ...options, filter: (d: Datum) => !isUnverifiedDatum(d) }),
    mark(data, { ...options, ...hollow(colour), filter: isUnverifiedDatum }),
  ];
}

/** Hollow rings at the unverified points of a line or area (its line still runs through them). */
export function hollowPoints(data: Datum[], x: (d: Datum) => unknown, colour: string | ((d: Datum) => string), r: number): Plot.Markish[] {
  const points = data.filter(isUnverifiedDatum);
  return points.length ? [Plot.dot(points, { x, y: 'y', r, ...hollow(colour) } as Plot.DotOptions)] : [];
}

function hollow(colour: string | ((d: Datum) => string)) {
  return { fill: colour, fillOpacity: 0.15, stroke: colour, strokeWidth: 1.5, strokeDasharray: '3,2', className: UNVERIFIED_CLASS };
}

/**
 * The credit line under a chart: the originator (`credit`, e.g. the
 * statistics office), then the outlets whose reports of its figures are
 * drawn, most-drawn first: "China customs (GACC), as reported by Reuters,
 * AP, SCMP and others". Only verified rows are credited: a mirror or an
 * unknown site is named with the chart's data, never in the credit.
 * Undefined when no drawn row names its publisher.
 */
export function creditLine(chart: Pick<ChartData, 'data'>, credit: string, most = 3): string | undefined {
  const counts = new Map<string, number>();
  let named = false;
  for (const d of chart.data) {
    if (d.y === null || !d.row) continue;
    const publisher = d.row.publishers[d.measure.name] || d.row.publishers[''] || '';
    if (!publisher) continue;
    named = true;
    if (isUnverifiedDatum(d)) continue;
    const name = originator(publisher);
    if (name && !credit.toLowerCase().includes(name.toLowerCase())) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (!named) return undefined;
  const names = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  if (names.length === 0) return credit;
  const shown = names.length > most ? [...names.slice(0, most), 'others'] : names;
  return `${credit}, as reported by ${listed(shown)}`;
}

/**
 * Who first reported a figure, from a publisher cell: the name before any
 * bracket, semicolon or "citing"/"via" ("Reuters (via Kitco)" → "Reuters",
 * "Yicai; Reuters (via Benzinga) for …" → "Yicai").
 */
export function originator(publisher: string): string {
  return publisher.split(/\s*[(;]|\s+(?:citing|via)\s+/)[0].trim();
}

/** Every publisher of the values drawn, with its grade: the full list, for the data disclosure. */
export function publisherList(chart: Pick<ChartData, 'data'>): { name: string; unverified: boolean }[] {
  const found = new Map<string, boolean>();
  for (const d of chart.data) {
    if (d.y === null || !d.row) continue;
    const name = d.row.publishers[d.measure.name] || d.row.publishers[''] || '';
    if (name) found.set(name, (found.get(name) ?? false) || isUnverifiedDatum(d));
  }
  return [...found].map(([name, unverified]) => ({ name, unverified }));
}

function listed(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
