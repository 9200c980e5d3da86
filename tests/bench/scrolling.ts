/** How smoothly each story page of a built site scrolls: long tasks while scrolling, on a slowed-down phone. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChrome } from '../browser/chrome.ts';
import { serveStatic } from '../browser/serve.ts';
import { scrollStory, tasksWhileScrolling } from '../browser/scrollRecorder.ts';

export interface Scrolled {
  page: string;
  turns: number;
  /** Long tasks while scrolling, one list per run. */
  runs: { start: number; duration: number }[][];
  /** The fewest long tasks of any run: one quiet run shows the page can scroll smoothly. */
  best: number;
}

/** Scrolls every story page under `dist` up to three times, stopping at the first run without a long task. */
export async function measureScrolling(dist: string): Promise<Scrolled[]> {
  const pages = storyPages(dist);
  const server = await serveStatic(dist);
  const browser = await launchChrome();
  try {
    const results: Scrolled[] = [];
    for (const page of pages) {
      const runs: Scrolled['runs'] = [];
      let turns = 0;
      for (let attempt = 0; attempt < 3; attempt++) {
        const run = await scrollStory(browser, `${server.url}${page}`);
        turns = run.turns;
        runs.push(tasksWhileScrolling(run));
        if (runs.at(-1)!.length === 0) break;
      }
      results.push({ page, turns, runs, best: Math.min(...runs.map((r) => r.length)) });
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The story pages of a built site (those with a scrollytelling column), as paths like `slug/`. */
export function storyPages(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dist, d.name, 'index.html')))
    .filter((d) => readFileSync(join(dist, d.name, 'index.html'), 'utf8').includes('class="scrolly'))
    .map((d) => `${d.name}/`)
    .sort();
}
