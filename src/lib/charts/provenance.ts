import * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './model.ts';
import { isUnverified, unverifiedOf } from '../data/provenance.ts';
import type { UnverifiedSource } from '../data/model.ts';
import type { DatasetSpec } from '../data/schema.ts';

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
export function drawsHollow(chart: Pick<ChartData, 'kind' | 'spec'>): boolean {
  return chart.kind.hollow === true && chart.spec.facet === undefined && chart.spec.layout === undefined;
}

/**
 * The note under a chart that draws unverified values, in words. Short
 * enough to stay on screen under a phone's pinned chart (two lines at
 * 360 px): up to three periods by name, more as a count and a span.
 */
export function unverifiedNote(chart: Pick<ChartData, 'data'>): string | undefined {
  const named = (d: Datum) => (d.series && !d.label.includes(d.series) ? `${d.label} (${d.series})` : d.label);
  const labels = [...new Set(chart.data.filter(isUnverifiedDatum).map(named))];
  if (labels.length === 0) return undefined;
  if (labels.length === 1) return `Drawn hollow: ${labels[0]}, from a report copy that could not be verified (its source is named with the data).`;
  const which = labels.length <= 3 ? listed(labels) : `${labels.length} values from ${labels[0]} to ${labels.at(-1)}`;
  return `Drawn hollow: ${which}, from report copies that could not be verified.`;
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
 * What a credit line may name: the originator every chart is credited to
 * (`credit`, e.g. the statistics office) and, when the dataset lists them,
 * the only reporters it names (`reporters`: the wires and outlets a
 * newsroom prints); any other reporter counts among "others".
 */
export interface Credit {
  name: string;
  reporters?: readonly string[];
}

/** A dataset's credit: its `credit` (default: its `publisher`) and its `reporters`. */
export function creditOf(spec: Pick<DatasetSpec, 'credit' | 'publisher' | 'reporters'>): Credit {
  return { name: spec.credit ?? spec.publisher, reporters: spec.reporters };
}

/**
 * The credit line under a chart: the originator, then the outlets whose
 * reports of its figures are drawn, most-drawn first: "China customs
 * (GACC), as reported by Reuters, AP, SCMP and others". Only verified rows
 * are credited, each to the outlet that first reported it (see
 * originator), never to a copy's host: a mirror or an unknown site is
 * named with the chart's data, never in the credit. "and others" stands
 * for reporters beyond the `most` named and for those the credit may not
 * name. Undefined when no drawn row names its publisher.
 */
export function creditLine(chart: Pick<ChartData, 'data'>, credit: string | Credit, most = 3): string | undefined {
  const { name: creditName, reporters } = typeof credit === 'string' ? { name: credit, reporters: undefined } : credit;
  const counts = new Map<string, number>();
  let named = false;
  let unnamed = false;
  for (const d of chart.data) {
    if (d.y === null || !d.row) continue;
    const publisher = d.row.publishers[d.measure.name] || d.row.publishers[''] || '';
    if (!publisher) continue;
    named = true;
    if (isUnverifiedDatum(d)) continue;
    const name = originator(publisher, { name: creditName, reporters });
    if (!name || creditNames(creditName, name)) continue;
    const shown = printed(name, reporters);
    if (shown) counts.set(shown, (counts.get(shown) ?? 0) + 1);
    else unnamed = true;
  }
  if (!named) return undefined;
  const names = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  if (names.length === 0) return creditName;
  const shown = names.length > most || unnamed ? [...names.slice(0, most), 'others'] : names;
  return `${creditName}, as reported by ${listed(shown)}`;
}

/**
 * Who first reported a figure, from a publisher cell. The cell names the
 * originator first, a copy's host in brackets ("Reuters (via Kitco)" →
 * "Reuters"); a rewrite names the report it cites ("News.Az (citing
 * Reuters)", "News.Az citing Reuters" → "Reuters"), and a copy of another's
 * text names whose it is ("some.host (WEAK; Reuters text)", "(AP-derived)",
 * "(SCMP excerpt)", "(translation of GACC statement)"). Only the part
 * before a `;` counts ("Yicai; Reuters (via Benzinga) for …" → "Yicai").
 * Of several cited ("citing Reuters/GACC"), the first the credit names or
 * may print wins, else the first.
 */
export function originator(publisher: string, credit?: Credit): string {
  const candidates = originators(publisher);
  const known = credit && candidates.find((name) => creditNames(credit.name, name) || (credit.reporters !== undefined && printed(name, credit.reporters) !== undefined));
  return known ?? candidates[0] ?? '';
}

/** The names a publisher cell gives for a figure, its originators first and the outlet that carried it last. */
function originators(publisher: string): string[] {
  const first = splitOutside(publisher, ';')[0];
  const open = first.indexOf('(');
  const outside = (open < 0 ? first : first.slice(0, open)).trim();
  const inside = open < 0 ? '' : first.slice(open + 1, first.lastIndexOf(')') > open ? first.lastIndexOf(')') : undefined);
  const [outlet, cited] = outside.split(/\s+citing\s+/i);
  const lead = outlet.split(/\s+via\s+/i)[0].trim();
  const fromBracket = inside.split(/[;,]/).flatMap((piece) => originatorsIn(piece.trim()));
  return [...(cited ? names(cited) : []), ...fromBracket, lead].filter((name) => name !== '');
}

/** The originators one bracketed remark names: "citing A/B", "A text", "A-derived", "A excerpt", "translation of A statement". */
function originatorsIn(piece: string): string[] {
  const citing = /\bciting\s+(.+)$/i.exec(piece);
  if (citing) return names(citing[1]);
  const translation = /^translation of\s+(?:the\s+|an?\s+)?(.+?)(?:\s+(?:statement|release|text|report))?$/i.exec(piece);
  if (translation) return names(translation[1]);
  const copy = /^(.+?)(?:-derived(?:\s+(?:text|copy))?|\s+(?:text|excerpt|copy)(?:\s+mirror)?)$/i.exec(piece);
  if (copy && !/^text on\b/i.test(piece) && !/-(?:style|like)$/i.test(copy[1])) return names(copy[1]);
  return [];
}

/** "Reuters/GACC", "AP and Reuters" → each name. */
function names(list: string): string[] {
  return list.split(/\s*(?:\/|&|\band\b)\s*/i).map((name) => name.trim()).filter((name) => name !== '');
}

/** The text split at `separator` where it stands outside brackets. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Whether the credit's originator is this name ("GACC" in "China customs (GACC)"). */
function creditNames(credit: string, name: string): boolean {
  return credit.toLowerCase().includes(name.toLowerCase());
}

/**
 * The reporter's name as a credit line prints it: as the dataset lists it,
 * when it lists them; otherwise any name that is not a bare web host or
 * address ("some.mirror", "203.0.113.9"). Undefined when it may not print it.
 */
function printed(name: string, reporters: readonly string[] | undefined): string | undefined {
  if (reporters) return reporters.find((r) => r.toLowerCase() === name.toLowerCase());
  return /^[\w-]+(?:\.[\w-]+)+$/.test(name) ? undefined : name;
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
