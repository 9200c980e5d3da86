import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StoryError, type Position, type Problem } from './problems.ts';
import { checkProject, projectRoot, type Checked } from './check.ts';
import type { Story } from './story/model.ts';
import type { Figure } from './charts/figure.ts';
import { buildLedger, type Ledger } from './audit/ledger.ts';
import type { Settings } from './settings.ts';
import { emptyReuse, type CheckReuse } from './checkReuse.ts';

export interface SiteStory {
  story: Story;
  /** One figure per entry of `story.charts`, same order. */
  figures: Figure[];
  /** Every figure of the text with its data, source and charts (facts.json). */
  ledger: Ledger;
  /** What its pages are made from, for Astro's incremental build (inputKeys.ts); none in `npm run dev`. */
  cacheKey?: string;
}

export interface Site {
  stories: SiteStory[];
  problems: Problem[];
  /** The newsroom's settings from content/site.yaml, defaults filled in. */
  settings: Settings;
}

export { checkProject, projectRoot } from './check.ts';

/**
 * The whole site model: validated stories with their rendered figures.
 * With `reuse` (kept by the caller between loads), a story or dataset
 * whose files did not change since the last load is taken from it unchecked.
 */
export function loadSite(root = projectRoot(), reuse?: CheckReuse): Site {
  return siteOf(checkProject(root, undefined, reuse));
}

/** Each story's ledger, made once per story model (a reused story keeps its own). */
const ledgers = new WeakMap<Story, Ledger>();

function ledgerOf(story: Story): Ledger {
  let ledger = ledgers.get(story);
  if (!ledger) ledgers.set(story, (ledger = buildLedger(story)));
  return ledger;
}

/** The site model from a check's result: the check drew every figure already. */
export function siteOf({ stories, problems, settings, figures }: Checked, keyOf: (story: Story) => string | undefined = () => undefined): Site {
  const result = stories.map((story) => ({
    // A story without a byline of its own carries the newsroom's default one.
    story: story.meta.byline || !settings.byline ? story : { ...story, meta: { ...story.meta, byline: settings.byline } },
    figures: figures.get(story.slug) ?? [],
    ledger: ledgerOf(story),
    cacheKey: keyOf(story),
  }));
  return { stories: result, problems, settings };
}

/**
 * The site handed from `npm run build` to Astro's pages, loaded once: the
 * CLI and Astro's bundle hold separate copies of this module, so it hangs
 * off globalThis (as memo.ts does).
 */
const HANDED = Symbol.for('plotline.site');

/** Gives `site` to the pages of the Astro build that follows in this process. */
export function handSite(site: Site | undefined): void {
  (globalThis as { [HANDED]?: Site })[HANDED] = site;
}

let cached: { site: Site } | undefined;

/**
 * The site for Astro pages: the one `npm run build` checked and handed over
 * (else loaded once per build), and refused with every problem listed when
 * anything is wrong, so a build never publishes a page with a wrong number.
 * With `reload` (`astro dev`), the site as the files now are: see watchedSite.
 */
export function siteOrThrow(options: { reload?: boolean } = {}): Site {
  const handed = (globalThis as { [HANDED]?: Site })[HANDED];
  const site = options.reload ? watchedSite(projectRoot()) : handed ?? (cached ??= { site: loadSite() }).site;
  if (site.problems.length > 0) throw locatedError(site.problems, projectRoot());
  return site;
}

/**
 * In `npm run dev` the watcher (astro.config.mjs) counts the saves under
 * content/ and data/; the site is loaded again only after one, not on every
 * request (a page, its stylesheet, its share card and the error overlay
 * each ask). Shared through globalThis by the config's copy of this module
 * and the pages' copy. Without a watcher counting, every call loads afresh.
 */
const WATCH = Symbol.for('plotline.watch');

interface Watch {
  saves?: number;
  loaded?: { root: string; saves: number; site: Site };
  /** Each story's last check, so a save re-checks only the stories it touches. */
  reuse?: { root: string; checks: CheckReuse };
}

function watch(): Watch {
  const global = globalThis as { [WATCH]?: Watch };
  global[WATCH] ??= {};
  return global[WATCH];
}

/** Starts counting saves: from now on watchedSite reloads only after contentSaved. */
export function watchContent(): void {
  watch().saves ??= 0;
}

/** A file under content/ or data/ was saved, added or deleted. */
export function contentSaved(): void {
  const state = watch();
  state.saves = (state.saves ?? 0) + 1;
}

/** The site under `root` as its files are now: loaded again only when a save was counted since. */
export function watchedSite(root: string): Site {
  const state = watch();
  const { loaded, saves } = state;
  if (saves !== undefined && loaded?.root === root && loaded.saves === saves) return loaded.site;
  if (saves !== undefined && state.reuse?.root !== root) state.reuse = { root, checks: emptyReuse() };
  const site = loadSite(root, saves === undefined ? undefined : state.reuse?.checks);
  if (saves !== undefined) state.loaded = { root, saves, site };
  return site;
}

/**
 * A StoryError that also carries `loc`, `hint` and the file's text, the
 * fields Astro's dev error overlay reads: it then shows the first faulty
 * line of the content file (not this module) and opens it in the editor.
 * It carries no stack trace: the terminal shows the positioned problem
 * and its hint, and nothing of the code that found it.
 */
export function locatedError(problems: Problem[], root: string): StoryError & { loc: Position & { file: string }; hint: string } {
  const first = problems[0];
  const file = join(root, first.file);
  // Astro reads the file only when it lies inside its own root; PLOTLINE_ROOT may not.
  const text = existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  return Object.assign(new StoryError(problems), {
    // No stack: the fault is in the content, and Astro's dev server prints
    // a stack trace under every error that has one.
    stack: '',
    loc: { file, line: first.line, column: first.column },
    hint: 'Fix the file and save it: the page reloads by itself. `npm run check` lists the same problems.',
    ...(text === undefined ? {} : { fullCode: text, frame: codeFrame(text, first) }),
  });
}

/** The lines around `at`, numbered, with the faulty one marked. */
function codeFrame(text: string, at: Position): string {
  const lines = text.split('\n');
  const from = Math.max(1, at.line - 2);
  const to = Math.min(lines.length, at.line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === at.line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === at.line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, at.column - 1))}^`);
  }
  return out.join('\n');
}
