import type { Dataset } from '../data/model.ts';
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
  /** A dataset key that draws a chart on its own, without filters. */
  key: string;
  /** Label of the key's measure, for the chart title. */
  label: string;
  /** A period at which the key has a single value, for an example :value. */
  at?: string;
}

/**
 * The first key of `dataset` whose chart draws without any `where`, so a
 * new story passes `npm run check` before an editor touches it.
 */
export function starterKey(dataset: Dataset): Starter | undefined {
  for (const key of listKeys(dataset)) {
    const spec = chartSchema.parse({ data: key, title: key });
    const result = chartData(dataset, spec);
    if (!result.ok) continue;
    const resolved = resolveKey(dataset, key);
    if (!resolved.ok) continue;
    const periods = result.chart.data.filter((d) => d.y !== null).map((d) => d.period.id);
    const at = periods.reverse().find((p) => valueAt(resolved.value, p, {}).ok);
    return { key, label: result.chart.measures[0].label, ...(at ? { at } : {}) };
  }
  return undefined;
}

/** The files of a new story, path (relative to the project) → text. */
export function scaffoldStory(slug: string, dataset: string, starter: Starter, today: string): Record<string, string> {
  const dir = `content/${slug}`;
  const example = starter.at
    ? ` The figure here is printed from the data: :value{key=${starter.key} at=${starter.at}}.`
    : '';
  return {
    [`${dir}/index.md`]: `---
title: Working title for ${slug}
dek: One or two sentences that sum up the story.
byline: Plotline data desk
published: ${today}
dataset: ${dataset}
---

An optional lede. Delete this paragraph if the story starts with its first section.
`,
    [`${dir}/01-intro.md`]: `---
heading: First step
chart:
  data: ${starter.key}
  type: line
  title: ${yamlText(starter.label)}
  caption: Say what the chart shows.
---

Write the first step of the story here.${example} Add more steps as 02-name.md, 03-name.md and so on.
`,
  };
}

/** A YAML scalar that stays a string whatever the label holds. */
function yamlText(text: string): string {
  return /^[\w][\w ,.'()–-]*$/.test(text) ? text : JSON.stringify(text);
}
