/**
 * Build time against Observable Framework, the bench's anchor, side by
 * side in one run: the same stories (copies of the fixture project's, as
 * the archive bench makes them) built by Plotline and as Framework pages,
 * alternately, each from nothing (no cache of either). A Framework page
 * holds the story's prose and one Plot cell per chart, drawn in the
 * reader's browser from a CSV of the values the chart draws: Framework
 * leaves the drawing to the reader, where Plotline draws, checks and
 * rasterises at build time.
 *
 * Framework is not a dependency of the project: the bench installs pinned
 * versions into ~/.cache/plotline/framework (PLOTLINE_FRAMEWORK_DIR moves
 * it) the first time, and skips with the reason when it cannot. Plot and
 * d3-dsv are imported from that folder's node_modules, which Framework
 * bundles itself: its `npm:` imports (FileAttachment's CSV reader among
 * them) are fetched from a CDN at build time, which this machine cannot
 * reach. CPU time is each build process's own (its threads, not the
 * esbuild service either starts).
 *
 * Run alone: `node tests/bench/framework.ts` (FRAMEWORK_PAGES=1,30).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkProject } from '../../src/lib/check.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { tempProject } from '../helpers.ts';
import { writeArchive } from './archive.ts';
import { timedBuild } from './measure.ts';

const PINNED = ['@observablehq/framework@1.13.4', '@observablehq/plot@0.6.17', 'd3-dsv@3.0.2'];
const HOME = process.env.PLOTLINE_FRAMEWORK_DIR ?? join(homedir(), '.cache/plotline/framework');
const CLI = join(HOME, 'node_modules/@observablehq/framework/dist/bin/observable.js');

export interface SideBySide {
  pages: number;
  /** CPU and wall time of each build, in ms. */
  plotline: { cpuMs: number; wallMs: number };
  framework: { cpuMs: number; wallMs: number };
  /** Plotline's CPU ÷ Framework's. */
  ratio: number;
}

export type FrameworkResult = { runs: SideBySide[] } | { skipped: string };

/** Framework installed at the pinned versions if it is not there, or why it cannot be had. */
function frameworkCli(): string | { skipped: string } {
  const stamp = join(HOME, 'plotline-pinned');
  if (existsSync(CLI) && existsSync(stamp) && readFileSync(stamp, 'utf8') === PINNED.join('\n')) return CLI;
  mkdirSync(HOME, { recursive: true });
  try {
    execFileSync('npm', ['install', '--prefix', HOME, ...PINNED, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return { skipped: `could not install ${PINNED.join(', ')} into ${HOME}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}` };
  }
  writeFileSync(stamp, PINNED.join('\n'));
  return CLI;
}

/** The story as a Framework page: its headline, prose and a Plot cell per chart. */
function frameworkPage(story: Story): { markdown: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const prose = (html: string) => html.replace(/<[^>]+>/g, '').trim();
  const cells = story.charts.map(({ id, chart }) => {
    const file = `${story.slug}-${id}.csv`;
    files[file] = `x,y,series\n${chart.data.map((d) => [d.x instanceof Date ? d.x.toISOString().slice(0, 10) : d.x, d.y ?? '', d.series].map((v) => JSON.stringify(String(v))).join(',')).join('\n')}\n`;
    const mark = chart.kind.bars ? 'barY' : 'lineY';
    return `## ${chart.spec.title}\n\n\`\`\`js\nconst ${cellName(id)} = csvParse(await FileAttachment(${JSON.stringify(file)}).text(), autoType);\n\`\`\`\n\n\`\`\`js\nPlot.plot({title: ${JSON.stringify(chart.spec.title)}, marks: [Plot.${mark}(${cellName(id)}, {x: "x", y: "y", stroke: "series"})]})\n\`\`\``;
  });
  const sections = story.sections.map((section) => prose(section.html));
  const markdown = [
    '```js\nimport * as Plot from "@observablehq/plot";\nimport {csvParse, autoType} from "d3-dsv";\n```',
    `# ${story.meta.title}`,
    prose(story.ledeHtml),
    ...sections.flatMap((text, i) => [text, cells[i] ?? '']),
    ...cells.slice(sections.length),
  ].join('\n\n');
  return { markdown, files };
}

const cellName = (id: string) => `data_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

/** Writes a Framework project of `stories` under `dir`. */
function writeFrameworkSite(dir: string, stories: Story[]): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'observablehq.config.js'), `export default {root: "src", title: "Bench", pages: []};\n`);
  symlinkSync(join(HOME, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'src/index.md'), `# Stories\n\n${stories.map((s) => `- [${s.meta.title}](./${s.slug})`).join('\n')}\n`);
  for (const story of stories) {
    const page = frameworkPage(story);
    writeFileSync(join(dir, 'src', `${story.slug}.md`), page.markdown);
    for (const [name, text] of Object.entries(page.files)) writeFileSync(join(dir, 'src', name), text);
  }
}

/** One Framework build of `dir` from nothing: its process's CPU and its wall time. */
function buildFramework(cli: string, dir: string): { cpuMs: number; wallMs: number } {
  rmSync(join(dir, 'src/.observablehq'), { recursive: true, force: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const usage = join(dir, 'cpu.json');
  const preload = join(dir, 'cpu.mjs');
  writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(usage)}, JSON.stringify((u.user + u.system) / 1000)); });\n`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, cli, 'build'], { cwd: dir, encoding: 'utf8', timeout: 3_600_000 });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`Framework's build failed:\n${(result.stderr || result.stdout).slice(-3000)}`);
  return { cpuMs: Number(readFileSync(usage, 'utf8')), wallMs };
}

/** Builds `pages` stories with Plotline and with Framework, alternately, for each count. */
export function measureFramework(counts: number[], log: (text: string) => void = console.log): FrameworkResult {
  const cli = frameworkCli();
  if (typeof cli !== 'string') return cli;
  const runs: SideBySide[] = [];
  for (const pages of counts) {
    const root = tempProject();
    const framework = mkdtempSync(join(tmpdir(), 'plotline-framework-'));
    try {
      writeArchive(root, pages);
      const checked = checkProject(root);
      if (checked.stories.length !== pages) throw new Error(`the archive of ${pages} did not check: ${checked.problems.length} problems`);
      writeFrameworkSite(framework, checked.stories);
      log(`${pages} page${pages === 1 ? '' : 's'}: Plotline, then Framework…`);
      const plotline = timedBuild(root, join(root, 'dist'));
      const other = buildFramework(cli, framework);
      const run = { pages, plotline: { cpuMs: plotline.cpuMs, wallMs: plotline.wallMs }, framework: other, ratio: plotline.cpuMs / other.cpuMs };
      log(`${pages}: Plotline ${Math.round(plotline.cpuMs)} ms CPU, Framework ${Math.round(other.cpuMs)} ms CPU: ${run.ratio.toFixed(2)}×`);
      runs.push(run);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(framework, { recursive: true, force: true });
    }
  }
  return { runs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = (process.env.FRAMEWORK_PAGES ?? '1,30').split(',').map(Number);
  console.log(JSON.stringify(measureFramework(counts), null, 2));
}
