import type { Dataset, Table } from '../data/model.ts';
import { listKeys, resolveKey, valueAt } from '../data/keys.ts';
import { chartData } from '../charts/chartData.ts';
import { chartSchema } from './schema.ts';

/** Story folder names, which are also the pages' addresses: lower-case words of letters and digits joined by single dashes. */
export const STORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `slug` cannot name a story folder, or undefined when it can. */
export function slugProblem(slug: string | undefined): string | undefined {
  if (!slug) return 'no story name given';
  if (!STORY_SLUG.test(slug)) return `"${slug}" is not a valid story name`;
  return undefined;
}

export interface Starter {
  /** The chart that suits the table: a line, one line per category, or bars by category. */
  chart: { type: 'line' | 'barX'; series?: string; where?: Record<string, string[]>; x?: string };
  /** A dataset key that draws a chart on its own, without filters. */
  key: string;
  /** Label of the key's measure, for the chart title. */
  label: string;
  /** Where the key has a single value, for an example :value: a period (none for a cross-section) and categories. */
  example?: { at?: string; filter: Record<string, string> };
}

/**
 * The first key of `dataset` whose chart draws without any `where`, so a
 * new story passes `npm run check` before an editor touches it.
 */
export function starterKey(dataset: Dataset): Starter | undefined {
  for (const key of listKeys(dataset)) {
    const resolved = resolveKey(dataset, key);
    if (!resolved.ok) continue;
    const chart = suitedChart(resolved.value.table);
    const spec = chartSchema.parse({ data: key, title: key, ...chart });
    const result = chartData(dataset, spec);
    if (!result.ok) continue;
    const drawn = result.chart.data.filter((d) => d.y !== null);
    const filter = Object.fromEntries(Object.entries(chart.where ?? {}).map(([c, v]) => [c, [v[0]]]));
    const periods = drawn.map((d) => d.period.id);
    const at = resolved.value.table.grain === 'none' ? undefined : [...periods].reverse().find((p) => valueAt(resolved.value, p, filter).ok);
    const example = at === undefined && resolved.value.table.grain !== 'none' ? undefined : { at, filter: Object.fromEntries(Object.entries(filter).map(([c, v]) => [c, v[0]])) };
    return { key, label: result.chart.measures[0].label, chart, ...(example && (at !== undefined || valueAt(resolved.value, undefined, filter).ok) ? { example } : {}) };
  }
  return undefined;
}

/**
 * The first chart for a table: a line for one series; one line for each
 * of the first few values of its first category (chosen with where:, the
 * other categories at their first value); bars by category for a table
 * without periods.
 */
function suitedChart(table: Table): Starter['chart'] {
  const [first, ...others] = table.categories;
  const firstValues = (column: string) => [...new Set(table.rows.map((r) => r.categories[column]))];
  const where: Record<string, string[]> = {};
  for (const column of others) where[column] = firstValues(column).slice(0, 1);
  if (table.grain === 'none') {
    if (first === undefined) return { type: 'barX' };
    return { type: 'barX', x: first, ...(others.length ? { where } : {}) };
  }
  if (first === undefined) return { type: 'line' };
  where[first] = firstValues(first).slice(0, 4);
  return { type: 'line', series: first, where };
}

/** The files of a new story, path (relative to the project) → text. */
export function scaffoldStory(slug: string, dataset: string, starter: Starter, today: string): Record<string, string> {
  const dir = `content/${slug}`;
  const attributes = starter.example
    ? [`key=${starter.key}`, ...(starter.example.at ? [`at=${starter.example.at}`] : []), ...Object.entries(starter.example.filter).map(([c, v]) => `${c}=${JSON.stringify(v)}`)].join(' ')
    : '';
  const example = starter.example ? ` The figure here is printed from the data: :value{${attributes}}.` : '';
  const { type, series, where, x } = starter.chart;
  const chartLines = [
    `  type: ${type}`,
    ...(x ? [`  x: ${x}`] : []),
    ...(series ? [`  series: ${series}`] : []),
    ...(where ? [`  where:`, ...Object.entries(where).map(([c, v]) => `    ${c}: [${v.map((s) => JSON.stringify(s)).join(', ')}]`)] : []),
  ].join('\n');
  return {
    [`${dir}/index.md`]: `---
title: Working title for ${slug}
dek: One or two sentences that sum up the story.
published: ${today}
dataset: ${dataset}
---

An optional lede. Delete this paragraph if the story needs none.
`,
    [`${dir}/01-intro.md`]: `---
heading: First step
chart:
  data: ${starter.key}
${chartLines}
  title: ${yamlText(starter.label)}
  caption: Say what the chart shows.
---

Write the opening step of the story here.${example} Add more steps as 02-name.md, 03-name.md and so on.
`,
  };
}

/** A YAML scalar that stays a string whatever the label holds. */
function yamlText(text: string): string {
  return /^[\w][\w ,.'()–-]*$/.test(text) ? text : JSON.stringify(text);
}
