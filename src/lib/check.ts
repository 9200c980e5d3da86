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
import { reserveMemo } from './memo.ts';
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
}

export function checkProject(root: string, locale?: string): Checked {
  const problems = new Problems();
  const settings = readSettings(root, problems);
  const storyLocale = locale ?? settings.locale;
  const datasets = new Map<string, Dataset | undefined>();
  const dataset = (name: string) => {
    if (!datasets.has(name)) datasets.set(name, timed('data', () => guarded(`data/${name}/dataset.yaml`, problems, () => loadDataset(root, name, problems))));
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
  const traces = new Map<string, StoryTrace>(slugs.map((slug) => [slug, { facts: [], charts: [] }]));
  const loaded = slugs.map((slug) => guarded(`content/${slug}/index.md`, problems, () => loadStory(root, slug, dataset, problems, storyLocale, traces.get(slug)))).filter((s) => s !== undefined);
  // Every chart is drawn here too (the drawings are kept for the build), so a
  // combination of fields Plot cannot draw is a problem at its section, not a failed build.
  // The drawing cache holds a whole site's drawings and tables, so that a
  // reload in `npm run dev` redraws only what changed, however large the archive.
  const tables = [...datasets.values()].reduce((n, d) => n + (d?.tables.size ?? 0), 0);
  reserveMemo(loaded.reduce((n, story) => n + story.charts.length, 0) + tables);
  const figures = new Map<string, Figure[]>();
  const stories = loaded.filter((story) => {
    const drawn: Figure[] = [];
    // The first chart that cannot be drawn is reported; the story's others are not tried.
    for (const { id, section, chart } of story.charts) {
      const figure = guarded(section.file, problems, () => timed('charts', () => makeFigure(id, chart, story.dataset.spec.source, creditOf(story.dataset.spec))), 'chart could not be drawn', 'change the chart\'s type, x or layout; if the fields look right, report this line');
      if (figure === undefined) return false;
      drawn.push(figure);
    }
    // The states of a chart that can share one drawing get it, for the story page.
    const last = story.charts.at(-1)?.section.file ?? story.file;
    if (guarded(last, problems, () => (addStates(story.charts, drawn), true), 'chart states could not be drawn as one drawing', 'report this line; removing state: from the sections after it draws them apart') === undefined) return false;
    figures.set(story.slug, drawn);
    return true;
  });
  // A dataset no story uses yet is checked too: the editor who writes the
  // first story on it should not meet its problems only then.
  for (const name of folders(join(root, 'data'))) dataset(name);
  return { stories, problems: problems.sorted(), traces, datasets, settings, figures };
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
  const links: string[] = [];
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
      if (entry.isSymbolicLink()) links.push(path);
      else if (entry.isDirectory()) walk(path, depth + 1);
    }
  };
  walk(dir, 0);
  return links.sort();
}
