import type { Problems } from '../problems.ts';
import type { YamlSource } from '../yamlSource.ts';
import { formatDate } from '../dates.ts';
import type { StoryFrontMatter, StoryUpdate } from './schema.ts';

/** A note that reports a correction rather than an update: "Corrected: …", "Correction: …". */
const CORRECTION = /^correct(ed|ion)\b/i;

export function isCorrection(update: StoryUpdate): boolean {
  return CORRECTION.test(update.note.trim());
}

/**
 * Checks a story's dates against each other and fills in `updated`: no
 * update or `updated` before `published`, and an `updated` no earlier than
 * the latest update (it defaults to that date), and none more than a day
 * after `now`. Problems are reported at the date's line and column.
 */
export function checkUpdates(meta: StoryFrontMatter, file: string, locate: YamlSource['locate'], problems: Problems, now: Date = new Date()): StoryFrontMatter {
  const updates = meta.updates ?? [];
  const published = formatDate(meta.published);
  // A day's grace: an editor east of UTC may date a story tomorrow in UTC terms.
  const latestDay = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const future = (date: string, path: (string | number)[], name: string) => {
    if (date > latestDay) problems.add(file, locate(path), `${name} ${date} is in the future`, `a page cannot report what has not happened: correct the date (today is ${now.toISOString().slice(0, 10)})`);
  };
  future(meta.published, ['published'], 'published:');
  if (meta.updated !== undefined) future(meta.updated, ['updated'], 'updated:');
  for (const [i, update] of updates.entries()) future(update.date, ['updates', i, 'date'], 'update dated');
  for (const [i, update] of updates.entries()) {
    if (update.date < meta.published) {
      problems.add(file, locate(['updates', i, 'date']), `update dated ${update.date} is earlier than published: ${meta.published}`, `an update comes after the story was first published (${published}): correct the date`);
    }
  }
  if (meta.updated !== undefined && meta.updated < meta.published) {
    problems.add(file, locate(['updated']), `updated: ${meta.updated} is earlier than published: ${meta.published}`, 'correct the date, or leave "updated" out');
  }
  const latest = updates.map((u) => u.date).sort().at(-1);
  if (latest !== undefined && meta.updated !== undefined && meta.updated < latest) {
    problems.add(file, locate(['updated']), `updated: ${meta.updated} is earlier than the latest update (${latest})`, `set updated: ${latest}, or leave it out: it defaults to the latest update`);
  }
  return latest !== undefined && meta.updated === undefined ? { ...meta, updated: latest } : meta;
}

/** The updates in the order they happened, earliest first (as written when dates tie). */
export function updatesInOrder(meta: StoryFrontMatter): StoryUpdate[] {
  return [...(meta.updates ?? [])].map((u, i) => ({ u, i })).sort((a, b) => a.u.date.localeCompare(b.u.date) || a.i - b.i).map(({ u }) => u);
}
