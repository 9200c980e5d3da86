/**
 * What a state of a chart adds to the state before it, in words, for the
 * page's status line ("Adds 2025, through Oct 2025; marks Oct 2025."):
 * made from the difference of the two states' data, highlights and notes.
 */
import type { Annotation, ChartData, Datum } from './model.ts';

export function stateChange(before: ChartData, after: ChartData): string {
  if (before.type !== after.type || before.keys.join() !== after.keys.join() || before.xKind !== after.xKind) return `Now shows: ${after.spec.title}.`;
  const parts = [...dataChanges(before, after), ...highlightChanges(before, after), ...annotationChanges(before.annotations, after.annotations)];
  return parts.length ? `${capitalise(parts.join('; '))}.` : `Now shows: ${after.spec.title}.`;
}

const id = (d: Datum) => `${d.series}|${d.period.id}|${d.label}`;
const drawn = (chart: ChartData) => chart.data.filter((d) => d.y !== null);

function dataChanges(before: ChartData, after: ChartData): string[] {
  const had = new Set(drawn(before).map(id));
  const has = new Set(drawn(after).map(id));
  const beforeSeries = new Set(drawn(before).map((d) => d.series));
  const afterSeries = new Set(drawn(after).map((d) => d.series));
  const parts: string[] = [];
  for (const [series, added] of bySeries(drawn(after).filter((d) => !had.has(id(d))))) {
    const span = range(added, after);
    parts.push(series && !beforeSeries.has(series) ? `adds ${series}${span ? `, ${added.length > 1 ? 'through' : 'in'} ${added.at(-1)!.label}` : ''}` : `adds ${span}`);
  }
  for (const [series, removed] of bySeries(drawn(before).filter((d) => !has.has(id(d))))) {
    parts.push(series && !afterSeries.has(series) ? `drops ${series}` : `drops ${range(removed, before)}`);
  }
  return parts;
}

function highlightChanges(before: ChartData, after: ChartData): string[] {
  // A value the state adds is named once, as added.
  const had = new Set(drawn(before).filter((d) => d.highlight).map(id));
  const existed = new Set(drawn(before).map(id));
  const marked = drawn(after).filter((d) => d.highlight && !had.has(id(d)) && existed.has(id(d)));
  if (marked.length === 0) return [];
  if (after.highlightsSeries) return [`highlights ${[...new Set(marked.map((d) => d.series))].join(' and ')}`];
  return [`marks ${marked.length > 3 ? `${marked.length} values` : marked.map((d) => d.label).join(', ')}`];
}

function annotationChanges(before: readonly Annotation[], after: readonly Annotation[]): string[] {
  const had = new Set(before.map((a) => `${a.kind}|${a.text}`));
  return after
    .filter((a) => !had.has(`${a.kind}|${a.text}`))
    .map((a) => (a.kind === 'reference' ? `adds a line at ${a.text}` : a.kind === 'span' ? `shades ${a.text}` : `notes “${a.text}”`));
}

function bySeries(data: readonly Datum[]): Map<string, Datum[]> {
  const groups = new Map<string, Datum[]>();
  for (const d of data) groups.set(d.series, [...(groups.get(d.series) ?? []), d]);
  return groups;
}

/** "Nov 2025", or "Jan 2025 to Oct 2025", or "5 values" for categories. */
function range(data: readonly Datum[], chart: ChartData): string {
  if (data.length === 1) return data[0].label;
  if (chart.xKind === 'category') return `${data.length} values`;
  return `${data[0].label} to ${data.at(-1)!.label}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
