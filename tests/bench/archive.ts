/**
 * A newsroom's archive: `stories` copies of the shipped stories under new
 * slugs, each round of copies (one of each story) on its own copies of the
 * datasets, each chart retitled with its copy's number so that it is drawn
 * afresh. Measured: `npm run check`, first and after an edit; a first build (empty caches); a build
 * after one sentence and after one dataset cell; the output's size against
 * GitHub Pages' 1 GB limit; `npm run dev` start-up and the reload of a
 * one-sentence edit.
 *
 * Run alone: `ARCHIVE_STORIES=30 node tests/bench/archive.ts` (1,000 by default).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE, tempProject } from '../helpers.ts';
import { listStories } from '../../src/lib/story/loadStory.ts';
import { runCli } from '../build/runBuild.ts';
import { timedBuild, type BuildTime } from './measure.ts';
import { startDev } from './devServer.ts';

/** GitHub Pages refuses a published site over 1 GB. */
export const PAGES_LIMIT = 1024 ** 3;

const pad = (n: number) => String(n).padStart(4, '0');

/** "title: Text" → "title: Text (12)", quotes kept. */
function retitle(text: string, copy: number): string {
  return text.replace(/^(\s*title: )(.+)$/gm, (_, head: string, value: string) => {
    const quote = /^(["']).*\1$/.exec(value)?.[1];
    return quote ? `${head}${value.slice(0, -1)} (${copy})${quote}` : `${head}${value} (${copy})`;
  });
}

/**
 * Writes the archive under `root` (content/ and data/): copies of the fixture
 * project's stories (tests/fixtures/newsroom, which the engine owns; the
 * editors' content/ may hold anything), each on its own copy of the dataset
 * per round. Returns its story slugs, in order.
 */
export function writeArchive(root: string, stories: number): string[] {
  const originals = listStories(FIXTURE);
  const slugs: string[] = [];
  mkdirSync(join(root, 'data'), { recursive: true });
  if (existsSync(join(FIXTURE, 'content/site.yaml'))) {
    mkdirSync(join(root, 'content'), { recursive: true });
    cpSync(join(FIXTURE, 'content/site.yaml'), join(root, 'content/site.yaml'));
  }
  for (let i = 0; i < stories; i++) {
    const original = originals[i % originals.length];
    const group = Math.floor(i / originals.length);
    const slug = `${original}-${pad(i)}`;
    const dir = join(root, 'content', slug);
    cpSync(join(FIXTURE, 'content', original), dir, { recursive: true });
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
      let text = retitle(readFileSync(join(dir, file), 'utf8'), i);
      if (file === 'index.md') {
        text = text.replace(/^dataset: (\S+)$/m, (_, name: string) => {
          const copy = `${name}-${pad(group)}`;
          if (!existsSync(join(root, 'data', copy))) cpSync(join(FIXTURE, 'data', name), join(root, 'data', copy), { recursive: true });
          return `dataset: ${copy}`;
        });
      }
      writeFileSync(join(dir, file), text);
    }
    slugs.push(slug);
  }
  return slugs;
}

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? bytesUnder(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

export interface ArchiveResult {
  stories: number;
  /** `npm run check` with no cache, wall time. */
  checkMs: number;
  /** `npm run check` after the builds and one more sentence: the other stories are taken from the cache. */
  checkAfterSentenceMs: number;
  cold: BuildTime;
  sentence: BuildTime;
  cell: BuildTime;
  outputBytes: number;
  /** Stories at which the output would reach the Pages limit, at this archive's bytes per story. */
  storiesAtLimit: number;
  dev: { firstPageMs: number; brandCssMs: number; sentenceMs: number };
}

export async function measureArchive(stories: number, log: (text: string) => void = console.log): Promise<ArchiveResult> {
  const root = tempProject();
  // A cache of drawings of its own: the first build is a first build.
  const cacheDir = mkdtempSync(join(tmpdir(), 'plotline-archive-cache-'));
  const env = { PLOTLINE_CACHE_DIR: cacheDir };
  try {
    const slugs = writeArchive(root, stories);
    log(`archive of ${stories} stories written to ${root}; checking…`);
    // The first check keeps nothing: the first build is a first build.
    const checkMs = timedCheck(root, { ...env, PLOTLINE_CACHE: 'off' });
    log(`check: ${Math.round(checkMs)} ms`);
    const out = join(root, 'dist');
    log('first build…');
    const cold = timedBuild(root, out, { warm: true, env });
    const outputBytes = bytesUnder(realpathSync(out));
    log(`first build: ${JSON.stringify(cold)}; ${outputBytes} bytes written`);
    // One sentence in the last story, one cell in the first dataset copy.
    log('build after one sentence…');
    const last = slugs.at(-1)!;
    const section = readdirSync(join(root, 'content', last)).find((name) => /^\d+-.*\.md$/.test(name))!;
    const sectionFile = join(root, 'content', last, section);
    writeFileSync(sectionFile, `${readFileSync(sectionFile, 'utf8').trimEnd()} One sentence more.\n`);
    const sentence = timedBuild(root, out, { warm: true, env });
    log(`after one sentence: ${JSON.stringify(sentence)}`);
    log('build after one dataset cell…');
    editOneCell(root);
    const cell = timedBuild(root, out, { warm: true, env });
    log(`after one cell: ${JSON.stringify(cell)}`);
    writeFileSync(sectionFile, `${readFileSync(sectionFile, 'utf8').trimEnd()} And one more.\n`);
    const checkAfterSentenceMs = timedCheck(root, env);
    log(`check after one more sentence: ${Math.round(checkAfterSentenceMs)} ms`);
    log('npm run dev: start-up and a one-sentence reload…');
    const dev = await measureDev(root, slugs[0]);
    return { stories, checkMs, checkAfterSentenceMs, cold, sentence, cell, outputBytes, storiesAtLimit: Math.floor((PAGES_LIMIT / outputBytes) * stories), dev };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** `npm run check` of `root`: its wall time. */
function timedCheck(root: string, env: Record<string, string>): number {
  const start = performance.now();
  const checked = runCli('check', root, undefined, env, 3_600_000);
  const ms = performance.now() - start;
  if (checked.status !== 0) throw new Error(`npm run check failed on the archive:\n${checked.stderr.slice(0, 4000)}`);
  return ms;
}

/** Changes one number of the first CSV of the first dataset copy that has a number, in a column no fact states (the last row's last cell). */
function editOneCell(root: string): void {
  const data = join(root, 'data');
  for (const name of readdirSync(data).sort()) {
    for (const file of readdirSync(join(data, name)).filter((f) => f.endsWith('.csv')).sort()) {
      const path = join(data, name, file);
      const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
      const cells = lines[1]?.split(',') ?? [];
      const at = cells.findIndex((cell) => /^\d+\.\d+$/.test(cell));
      if (at < 0) continue;
      cells[at] = (Number(cells[at]) + 0.01).toFixed(cells[at].split('.')[1].length);
      lines[1] = cells.join(',');
      writeFileSync(path, `${lines.join('\n')}\n`);
      return;
    }
  }
  throw new Error('no dataset cell to edit');
}

async function measureDev(root: string, slug: string): Promise<ArchiveResult['dev']> {
  const start = performance.now();
  const dev = await startDev(root);
  try {
    await dev.fetch(`/${slug}/`);
    const firstPageMs = performance.now() - start;
    const brandCssMs = (await dev.fetch('/brand.css')).ms;
    const dir = join(root, 'content', slug);
    const section = readdirSync(dir).find((name) => /^\d+-.*\.md$/.test(name))!;
    writeFileSync(join(dir, section), `${readFileSync(join(dir, section), 'utf8').trimEnd()} A sentence saved in dev.\n`);
    // The watcher needs a moment to see the save; the time counted is the page's.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const edited = await dev.fetch(`/${slug}/`);
    if (!edited.body.includes('A sentence saved in dev.')) throw new Error('npm run dev served the page without the edited sentence');
    return { firstPageMs, brandCssMs, sentenceMs: edited.ms };
  } finally {
    await dev.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const stories = Number(process.env.ARCHIVE_STORIES ?? 1000);
  const result = await measureArchive(stories);
  console.log(JSON.stringify(result, null, 2));
}
