import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Problems, type Problem } from './problems.ts';
import { loadDataset } from './data/loadDataset.ts';
import type { Dataset } from './data/model.ts';
import { listStories, loadStory } from './story/loadStory.ts';
import type { Story, StoryTrace } from './story/model.ts';
import { timed } from './timings.ts';
import { makeFigure, type Figure } from './charts/figure.ts';
import { creditOf } from './charts/provenance.ts';
import { addStates } from './charts/figureStates.ts';
import { contentKey, reserveMemo } from './memo.ts';
import { folderStamps, storyStamp, type CheckedStory, type CheckReuse, type ProjectStamps } from './checkReuse.ts';
import { keepCheck, keptCheck, type StoreKeys } from './checkStore.ts';
import { diskCacheOpen } from './diskCache.ts';
import { escapeOf, folders, reportEscape } from './files.ts';
import { STORY_SLUG } from './story/scaffold.ts';
import { MAX_NAME } from './story/loadStory.ts';

/** Story names the site's own pages take: the not-found page. */
const RESERVED_SLUGS = ['404'];
import { readSettings, type Settings } from './settings.ts';

// The check draws every chart, and keeps the drawings: site.ts builds the
// site model from this one pass, so a build loads and draws each story once.

/** Where content/ and data/ live: PLOTLINE_ROOT, or the working directory. */
export function projectRoot(): string {
  return process.env.PLOTLINE_ROOT ?? process.cwd();
}

/**
 * Validates the site settings (content/site.yaml), every story under
 * content/ and every dataset under data/ (used by a story or not). Lists
 * every problem; stories come back only when they are sound. Figures are
 * read and written in `locale`: the settings' locale unless one is given.
 */
export interface Checked {
  stories: Story[];
  problems: Problem[];
  traces: Map<string, StoryTrace>;
  datasets: Map<string, Dataset | undefined>;
  settings: Settings;
  /** Each sound story's figures by slug, one per entry of `story.charts`, drawn by the check. */
  figures: Map<string, Figure[]>;
  /** The stories this check read and drew; the others were taken as an earlier check left them (`reuse`, or the disk). */
  afresh: string[];
}

/**
 * With `reuse` (kept by the caller between checks, as `npm run dev` does),
 * a story or dataset whose files did not change is taken from it
 * unchecked. With `hashes` (the bytes of each folder, hashed before the
 * check: inputKeys.ts hashInputs) and a disk cache open, each sound story's
 * check is also kept on disk and taken back by a later check while nothing
 * it was made from changed (checkStore.ts).
 */
export function checkProject(root: string, locale?: string, reuse?: CheckReuse, hashes?: Map<string, string>): Checked {
  const problems = new Problems();
  const settings = readSettings(root, problems);
  const storyLocale = locale ?? settings.locale;
  // Hashed before anything is read: a file saved during the check changes the next stamp.
  const stamps = reuse ? projectStamps(root, settings, storyLocale) : undefined;
  const store: StoreKeys | undefined = hashes && diskCacheOpen() ? { hashes, shared: sharedStamp(root, settings, storyLocale) } : undefined;
  const datasets = new Map<string, Dataset | undefined>();
  const dataset = (name: string) => {
    if (!datasets.has(name)) {
      const stamp = stamps?.folders.get(`data/${name}`);
      const prior = reuse?.datasets.get(name);
      const entry = prior && prior.stamp === stamp ? prior : { stamp: stamp ?? '', ...loadChecked(root, name) };
      if (reuse && stamp !== undefined) reuse.datasets.set(name, entry);
      datasets.set(name, entry.dataset);
      problems.list.push(...entry.problems);
    }
    return datasets.get(name);
  };
  const contentDir = join(root, 'content');
  for (const folder of ['content', 'data']) {
    for (const name of entries(join(root, folder))) {
      const escape = escapeOf(root, `${folder}/${name}`);
      // A dataset linked from outside is reported where it is read, at its dataset.yaml.
      if (escape && (folder === 'content' || escape.kind === 'loop')) reportEscape(`${folder}/${name}`, escape, problems);
    }
  }
  // public/ is copied into the site whole: nothing in it may lead out of the project.
  for (const file of linksUnder(root, 'public')) {
    const escape = escapeOf(root, file);
    if (escape) reportEscape(file, escape, problems);
  }
  for (const name of folders(contentDir)) {
    if (escapeOf(root, `content/${name}`)) continue;
    if (!existsSync(join(contentDir, name, 'index.md'))) {
      problems.add(`content/${name}/index.md`, undefined, `story folder content/${name} has no index.md`, 'add index.md with the story\'s title, published and dataset, or move the folder out of content/');
    } else if (!STORY_SLUG.test(name)) {
      // The folder's name is the page's address.
      problems.add(`content/${name}/index.md`, undefined, `story folder name "${name}" is not a slug`, `rename the folder to lower-case letters, digits and dashes, e.g. content/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-story'}`);
    } else if (name.length > MAX_NAME) {
      problems.add(`content/${name}/index.md`, undefined, `story folder name "${name.slice(0, 40)}…" is ${name.length} characters long, over the limit of ${MAX_NAME}`, `shorten it: the name becomes a folder and file names of the site, and file systems refuse names over 255 bytes`);
    } else if (RESERVED_SLUGS.includes(name) || existsSync(join(root, 'public', name))) {
      problems.add(`content/${name}/index.md`, undefined, `story folder name "${name}" is taken by the site itself`, `rename the folder: ${RESERVED_SLUGS.includes(name) ? `the site writes its own ${name} page there` : `public/${name} is published at that address`}, and the story's page would never be written`);
    }
  }
  const slugs = listStories(root);
  if (slugs.length === 0) {
    problems.add('content', undefined, 'no stories found', 'create content/<story>/index.md (npm run new -- <slug> makes one)');
  }
  // Kept for every story, sound or not: `npm run diff` reports what failed.
  const traces = new Map<string, StoryTrace>();
  // A story's check is kept apart (its problems, trace and drawings), so a
  // later check can take it whole while nothing it was made from changed.
  const checked = new Map<string, CheckedStory>();
  const fresh: { slug: string; own: Problems; trace: StoryTrace; dataset?: string; story?: Story }[] = [];
  for (const slug of slugs) {
    const prior = reuse?.stories.get(slug);
    if (prior && stamps && prior.stamp === storyStamp(stamps, slug, prior.dataset)) {
      checked.set(slug, prior);
      continue;
    }
    const kept = store && timed('kept', () => keptCheck(store, slug, dataset));
    if (kept) {
      const { dataset: name, story, figures, trace } = kept;
      const done: CheckedStory = { stamp: stamps ? storyStamp(stamps, slug, name) : '', dataset: name, story, figures, problems: [], trace };
      checked.set(slug, done);
      reuse?.stories.set(slug, done);
      continue;
    }
    const entry: (typeof fresh)[number] = { slug, own: new Problems(), trace: { facts: [], charts: [] } };
    const read = (name: string) => ((entry.dataset = name), dataset(name));
    entry.story = guarded(`content/${slug}/index.md`, entry.own, () => loadStory(root, slug, read, entry.own, storyLocale, entry.trace));
    fresh.push(entry);
  }
  // Every chart is drawn here too (the drawings are kept for the build), so a
  // combination of fields Plot cannot draw is a problem at its section, not a failed build.
  // The drawing cache holds a whole site's drawings and tables, so that a
  // reload in `npm run dev` redraws only what changed, however large the archive.
  const tables = [...datasets.values()].reduce((n, d) => n + (d?.tables.size ?? 0), 0);
  const charts = [...checked.values(), ...fresh].reduce((n, c) => n + (c.story?.charts.length ?? 0), 0);
  reserveMemo(charts + tables);
  for (const { slug, own, trace, dataset: name, story } of fresh) {
    const figures = story ? drawStory(story, own) : undefined;
    const stamp = stamps ? storyStamp(stamps, slug, name) : '';
    const done: CheckedStory = { stamp, dataset: name, story: figures ? story : undefined, figures, problems: own.list, trace };
    checked.set(slug, done);
    reuse?.stories.set(slug, done);
    if (store && story && figures && name !== undefined && own.list.length === 0) timed('keep', () => keepCheck(store, { dataset: name, story, figures, trace }));
  }
  // Stories whose folders are gone are not kept.
  for (const slug of reuse?.stories.keys() ?? []) if (!checked.has(slug)) reuse?.stories.delete(slug);
  const stories: Story[] = [];
  const figures = new Map<string, Figure[]>();
  for (const slug of slugs) {
    const entry = checked.get(slug)!;
    traces.set(slug, entry.trace);
    for (const problem of entry.problems) problems.list.push(problem);
    if (entry.story && entry.figures) {
      stories.push(entry.story);
      figures.set(slug, entry.figures);
    }
  }
  // A dataset no story uses yet is checked too: the editor who writes the
  // first story on it should not meet its problems only then.
  for (const name of folders(join(root, 'data'))) dataset(name);
  for (const name of reuse?.datasets.keys() ?? []) if (!datasets.has(name)) reuse?.datasets.delete(name);
  return { stories, problems: problems.sorted(), traces, datasets, settings, figures, afresh: fresh.map((entry) => entry.slug) };
}

/** Dataset `name` loaded, with the problems of its own files. */
function loadChecked(root: string, name: string): { dataset: Dataset | undefined; problems: Problem[] } {
  const own = new Problems();
  const dataset = timed('data', () => guarded(`data/${name}/dataset.yaml`, own, () => loadDataset(root, name, own)));
  return { dataset, problems: own.list };
}

/**
 * Draws every chart of `story`, and the states that share one drawing;
 * undefined, with the problem at its section, when one cannot be drawn
 * (the first that fails is reported; the story's others are not tried).
 */
function drawStory(story: Story, problems: Problems): Figure[] | undefined {
  const drawn: Figure[] = [];
  for (const { id, section, chart } of story.charts) {
    const figure = guarded(section.file, problems, () => timed('charts', () => makeFigure(id, chart, story.dataset.spec.source, creditOf(story.dataset.spec))), 'chart could not be drawn', 'change the chart\'s type, x or layout; if the fields look right, report this line');
    if (figure === undefined) return undefined;
    drawn.push(figure);
  }
  // The states of a chart that can share one drawing get it, for the story page.
  const last = story.charts.at(-1)?.section.file ?? story.file;
  if (guarded(last, problems, () => (addStates(story.charts, drawn), true), 'chart states could not be drawn as one drawing', 'report this line; removing state: from the sections after it draws them apart') === undefined) return undefined;
  return drawn;
}

/** What every story's stamp is made of: the folders' hashes, public/'s file names, the settings and the locale. */
function projectStamps(root: string, settings: Settings, locale: string): ProjectStamps {
  return { folders: folderStamps(root), shared: sharedStamp(root, settings, locale) };
}

/** What every story is checked with besides its own folder and dataset: the settings, the locale, the dataset folders' names and public/'s file names. */
function sharedStamp(root: string, settings: Settings, locale: string): string {
  return contentKey(settings, locale, folders(join(root, 'data')), filesUnder(root, 'public'));
}

/** Names in `dir`, none when it cannot be listed. */
function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * Runs one story's or dataset's loader so that a fault nobody foresaw
 * becomes a problem at its file and every other story is still checked.
 */
function guarded<T>(file: string, problems: Problems, load: () => T, what = `could not read ${file}`, hint = 'simplify what changed last in this story or dataset; if the file is sound, report this line'): T | undefined {
  try {
    return load();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.add(file, undefined, `${what}: ${message.split('\n')[0].slice(0, 200)}`, hint);
    return undefined;
  }
}

/** Project-relative paths of the symbolic links under `dir` (not followed). */
function linksUnder(root: string, dir: string): string[] {
  return walkUnder(root, dir).filter((entry) => entry.link).map((entry) => entry.path);
}

/** Project-relative paths of everything under `dir` (links not followed), each marked as a file or not. */
function filesUnder(root: string, dir: string): string[] {
  return walkUnder(root, dir).map((entry) => `${entry.path}${entry.file ? '' : '/'}`);
}

function walkUnder(root: string, dir: string): { path: string; link: boolean; file: boolean }[] {
  const links: { path: string; link: boolean; file: boolean }[] = [];
  const walk = (relative: string, depth: number) => {
    if (depth > 32) return;
    let found;
    try {
      found = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of found) {
      const path = `${relative}/${entry.name}`;
      links.push({ path, link: entry.isSymbolicLink(), file: entry.isFile() });
      if (entry.isDirectory()) walk(path, depth + 1);
    }
  };
  walk(dir, 0);
  return links.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
