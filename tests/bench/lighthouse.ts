/**
 * Lighthouse's mobile audit of every story page of a built site, served
 * gzipped on localhost as GitHub Pages serves it. Lighthouse is not a
 * dependency of the project: the bench installs a pinned version into
 * ~/.cache/plotline/lighthouse the first time, and skips with a reason when
 * it cannot (no Chromium, no registry, too old a Node).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROME_FLAGS, findChrome } from '../browser/chrome.ts';
import { serveStatic } from '../browser/serve.ts';
import { storyPages } from './scrolling.ts';

const VERSION = '13.5.0';
const HOME = process.env.PLOTLINE_LIGHTHOUSE_DIR ?? join(homedir(), '.cache/plotline/lighthouse');
const CLI = join(HOME, 'node_modules/lighthouse/cli/index.js');

export interface Audited {
  page: string;
  /** Scores out of 100 and the metrics behind them, from the run with the median performance score. */
  performance: number;
  accessibility: number;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Every run's performance score, in order. */
  runs: number[];
  /** Accessibility audits that did not pass, by id. */
  failedAccessibility: string[];
}

/** Skipped: Lighthouse could not be had here (not a failure of the site). Failed: it was had, and a run broke. */
export type LighthouseResult = { audited: Audited[] } | { skipped: string } | { failed: string };

/** Lighthouse's CLI, installed at the pinned version if it is not there: its path, or why it cannot be had. */
function lighthouseCli(): { cli: string } | { skipped: string } {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 19)) return { skipped: `Lighthouse ${VERSION} needs Node ≥ 22.19, this is ${process.version}` };
  const installed = join(HOME, 'node_modules/lighthouse/package.json');
  const version = existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : undefined;
  if (version === VERSION) return { cli: CLI };
  mkdirSync(HOME, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', HOME, `lighthouse@${VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return { skipped: `could not install lighthouse@${VERSION} into ${HOME}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}` };
  }
  return { cli: CLI };
}

interface Report {
  categories: Record<'performance' | 'accessibility', { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
}

const run = promisify(execFile);

async function audit(cli: string, chrome: string, url: string, out: string): Promise<Report> {
  await run(process.execPath, [
    cli, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility',
    `--chrome-path=${chrome}`, `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const score = (report: Report, category: 'performance' | 'accessibility') => Math.round((report.categories[category].score ?? 0) * 100);

/** Audits each story page of `dist` `runs` times (mobile, Lighthouse's default throttling) and keeps the median run. */
export async function measureLighthouse(dist: string, runs: number): Promise<LighthouseResult> {
  let chrome: string;
  try {
    chrome = findChrome();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const installed = lighthouseCli();
  if ('skipped' in installed) return installed;
  const server = await serveStatic(dist, '/', { 'Cache-Control': 'max-age=600' }, true);
  const scratch = mkdtempSync(join(tmpdir(), 'plotline-lighthouse-'));
  try {
    const audited: Audited[] = [];
    for (const page of storyPages(dist)) {
      const reports: Report[] = [];
      for (let i = 0; i < runs; i++) reports.push(await audit(installed.cli, chrome, `${server.url}${page}`, join(scratch, `${i}.json`)));
      const sorted = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = sorted[Math.floor(sorted.length / 2)];
      const metric = (id: string) => median.audits[id]?.numericValue ?? NaN;
      audited.push({
        page,
        performance: score(median, 'performance'),
        accessibility: score(median, 'accessibility'),
        metrics: {
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
          speedIndexMs: metric('speed-index'),
        },
        runs: reports.map((r) => score(r, 'performance')),
        failedAccessibility: median.categories.accessibility.auditRefs
          .map((ref) => ({ id: ref.id, audit: median.audits[ref.id] }))
          .filter(({ audit }) => audit && audit.scoreDisplayMode === 'binary' && audit.score !== 1)
          .map(({ id }) => id),
      });
    }
    return { audited };
  } catch (error) {
    return { failed: `Lighthouse failed: ${String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n').slice(-3).join(' ')}` };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await server.close();
  }
}
