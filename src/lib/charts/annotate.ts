/**
 * The annotation kinds a graphics desk uses, resolved against a chart's
 * data: a note at a drawn value, a reference line at a value, a shaded span
 * of time and an event marker at a period. Resolving checks each one (an
 * annotation that points at nothing is an error, never a silent no-op);
 * drawing turns the resolved list into Plot marks.
 */
import { parsePeriod, periodEnd, periodLabel, periodStart, type Period } from '../period.ts';
import type { Annotation, Datum, XKind } from './model.ts';
import { maxOf, minOf } from '../extent.ts';

export interface AnnotationSpec {
  at?: string;
  text: string;
  series?: string;
  value?: number;
  from?: string;
  to?: string;
  event?: string;
}

export type { Annotation } from './model.ts';

export interface AnnotationProblem {
  field: string;
  message: string;
  hint?: string;
}

/** Which kind an annotation is, from the one field that places it. */
export function annotationKind(a: AnnotationSpec): Annotation['kind'] | undefined {
  const placed = [a.at !== undefined, a.value !== undefined, a.from !== undefined, a.event !== undefined].filter(Boolean).length;
  if (placed !== 1) return undefined;
  return a.at !== undefined ? 'note' : a.value !== undefined ? 'reference' : a.from !== undefined ? 'span' : 'event';
}

/** The drawn value a note points at: by period (or last month) or category, within its series. */
export function annotatedDatum(data: readonly Datum[], note: { at?: string; series?: string }): Datum | undefined {
  if (note.at === undefined) return undefined;
  return data.find(
    (d) => d.y !== null && (d.period.id === note.at || lastMonth(d.period) === note.at || d.x === note.at || d.label === note.at) && (note.series === undefined || d.series === note.series),
  );
}

function lastMonth(p: Period): string {
  return `${p.year}-${String(p.to).padStart(2, '0')}`;
}

/**
 * Resolves every annotation of a chart. Problems name the annotation's
 * field (`annotations.2.from`) so they are reported at its line.
 */
export function resolveAnnotations(
  specs: readonly AnnotationSpec[],
  data: readonly Datum[],
  xKind: XKind,
): { annotations: Annotation[]; problems: AnnotationProblem[] } {
  const annotations: Annotation[] = [];
  const problems: AnnotationProblem[] = [];
  const extent = timeExtent(data, xKind);
  for (const [i, a] of specs.entries()) {
    const field = `annotations.${i}`;
    const kind = annotationKind(a);
    if (!kind) {
      problems.push({ field, message: `annotation "${a.text}" needs exactly one of at, value, from or event`, hint: 'at: a drawn value to note; value: a reference line; from (and to): a shaded span; event: a marker line at a period' });
      continue;
    }
    if (a.to !== undefined && kind !== 'span') {
      problems.push({ field: `${field}.to`, message: `annotation "${a.text}" has to: but no from:`, hint: 'a shaded span is written from: … to: …' });
      continue;
    }
    if (kind === 'note') {
      const datum = annotatedDatum(data, a);
      if (datum) annotations.push({ kind, text: a.text, datum, ...(a.series === undefined ? {} : { series: a.series }) });
      else problems.push({ field: `${field}.at`, message: `annotation "${a.text}" at ${a.at}${a.series === undefined ? '' : ` (series ${a.series})`} matches no drawn value`, hint: 'name a period or category the chart draws, with a value, and the series it belongs to' });
      continue;
    }
    if (kind === 'reference') {
      annotations.push({ kind, text: a.text, value: a.value! });
      continue;
    }
    // Spans and events sit on a time axis.
    if (!extent) {
      problems.push({ field: `${field}.${kind === 'span' ? 'from' : 'event'}`, message: `${kind === 'span' ? 'a shaded span' : 'an event marker'} needs a time axis, and this chart's x is ${xKind === 'category' ? 'a category' : 'not time'}`, hint: 'use x: period or x: month, or write a note with at:' });
      continue;
    }
    const read = (name: 'from' | 'to' | 'event') => {
      const text = a[name]!;
      const p = parsePeriod(text);
      if (!p) problems.push({ field: `${field}.${name}`, message: `malformed period ${name}: "${text}"`, hint: 'write YYYY-MM' });
      return p;
    };
    if (kind === 'event') {
      const at = read('event');
      if (!at) continue;
      const x = position(at, 'start', xKind);
      if (!inside(x, extent)) {
        problems.push({ field: `${field}.event`, message: `event "${a.text}" at ${at.id} lies outside the chart (${describeExtent(extent, xKind)})`, hint: 'mark a period the chart draws, or widen from/to' });
        continue;
      }
      annotations.push({ kind, text: a.text, at, x });
      continue;
    }
    const from = read('from');
    const to = a.to === undefined ? undefined : read('to');
    if (!from || (a.to !== undefined && !to)) continue;
    let x1 = position(from, 'start', xKind);
    let x2 = to ? position(to, 'end', xKind) : extent[1];
    if (to && num(x2) <= num(x1)) {
      problems.push({ field: `${field}.to`, message: `span "${a.text}" ends before it starts (${from.id} to ${to!.id})`, hint: 'write the earlier period in from:' });
      continue;
    }
    if (num(x1) >= num(extent[1]) || num(x2) <= num(extent[0])) {
      problems.push({ field: `${field}.from`, message: `span "${a.text}" from ${from.id} lies outside the chart (${describeExtent(extent, xKind)})`, hint: 'shade periods the chart draws, or widen from/to' });
      continue;
    }
    // Clipped to the drawn axis, so that a span never stretches the chart.
    if (num(x1) < num(extent[0])) x1 = extent[0];
    if (num(x2) > num(extent[1])) x2 = extent[1];
    annotations.push({ kind, text: a.text, from, to: to ?? data.filter((d) => d.y !== null).at(-1)?.period ?? from, x1, x2 });
  }
  return { annotations, problems };
}

const num = (x: Date | number) => (x instanceof Date ? x.getTime() : x);

function inside(x: Date | number, [a, b]: [Date | number, Date | number]): boolean {
  return num(x) >= num(a) && num(x) <= num(b);
}

/** Where a period starts or ends along the x axis. */
function position(p: Period, edge: 'start' | 'end', xKind: XKind): Date | number {
  if (xKind === 'month') return Math.min(12, Math.max(1, edge === 'start' ? p.from - 0.5 : p.to + 0.5));
  return edge === 'start' ? periodStart(p) : periodEnd(p);
}

/** The drawn x axis from its first to its last position, as Plot lays it out. */
export function timeExtent(data: readonly Datum[], xKind: XKind): [Date | number, Date | number] | undefined {
  if (xKind === 'month') return [1, 12];
  if (xKind !== 'time') return undefined;
  const times = data.flatMap((d) => (d.x1 && d.x2 ? [d.x1.getTime(), d.x2.getTime()] : d.x instanceof Date ? [d.x.getTime()] : []));
  if (times.length === 0) return undefined;
  return [new Date(minOf(times)), new Date(maxOf(times))];
}

function describeExtent([a, b]: [Date | number, Date | number], xKind: XKind): string {
  if (xKind === 'month') return 'January to December';
  const month = (d: Date) => periodLabel({ id: '', year: d.getUTCFullYear(), from: d.getUTCMonth() + 1, to: d.getUTCMonth() + 1 });
  // The end is exclusive for bars (the start of the month after).
  const end = new Date((b as Date).getTime() - 1);
  return `it runs ${month(a as Date)} to ${month(end)}`;
}
