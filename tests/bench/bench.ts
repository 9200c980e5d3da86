/**
 * `npm run bench`: page weight, build time and how it grows, rebuild
 * times, how smoothly each story scrolls and Lighthouse's mobile scores,
 * checked against the budgets below: everything that depends on the
 * machine's speed is measured here, never in `npm test`. Prints a table, writes
 * bench/results.json, and exits 1 when any figure is over its budget.
 * BENCH_RUNS sets how many builds each median is taken over (default 5);
 * ARCHIVE_STORIES the size of the archive (1,000; 0 leaves it out) and
 * FRAMEWORK_PAGES the stories built beside Observable Framework (1,30).
 */
import { cpus } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureProject, hashTree, PROJECT, tempProject } from '../helpers.ts';
import { pageWeights, sizeOf, type PageWeight } from './weight.ts';
import { kb, ms, spreadByPhase, textTable, timedBuild, type BuildTime } from './measure.ts';
import { writeSyntheticSite } from './synthetic.ts';
import { measureRebuilds } from './rebuilds.ts';
import { chartKindSizes } from './chartKinds.ts';
import { mapFigures } from './maps.ts';
import { measureScrolling } from './scrolling.ts';
import { timeDailyCheck } from './dailyData.ts';
import { timeMarkdownLimits } from './markdown.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measureArchive, PAGES_LIMIT } from './archive.ts';
import { measureFramework } from './framework.ts';

const BUDGET = {
  /** A story page with all it loads: HTML (charts and every chart state inline), CSS, JS, favicon. */
  pageGzip: 30 * 1024,
  jsGzip: 5 * 1024,
  /** A chart's embed page with all it loads (a map's may take more: its shapes). */
  embedGzip: 8 * 1024,
  embedMapGzip: 12 * 1024,
  /** The embed page's resize script, and the listener a host page loads (public/embed.js). */
  embedScriptGzip: 1024,
  hostListenerGzip: 512,
  svgGzip: 25 * 1024,
  /** CPU time per added chart at 400 charts, over the same at 100. */
  growth: 1.25,
  /** Tasks over 50 ms while scrolling a story on a phone with a 4× slower CPU, in the best of three runs. */
  longTasks: 0,
  /** Loading, checking and deriving 20 years × 50 daily series, CPU time. */
  dailyCheckMs: 2000,
  /** Reading the slowest Markdown body inside the limits of src/lib/story/markdownLimits.ts, CPU time. */
  markdownAtLimitMs: 2000,
  /** Lighthouse mobile scores out of 100, at least: the median of LIGHTHOUSE_RUNS audits per story. */
  lighthousePerformance: 98,
  lighthouseAccessibility: 100,
  /** An archive's build after one changed sentence, as a share of its first build (wall time). */
  archiveSentenceShare: 0.1,
  /** Peak memory of an archive's build, at ARCHIVE_STORIES (1,000 by default). */
  archivePeakMb: 4096,
  /** GitHub Pages' limit on a published site. */
  archiveOutputBytes: PAGES_LIMIT,
  /** A cold build's CPU time against Observable Framework's for the same stories (the anchor). */
  frameworkRatio: 0.5,
};
/** Stories in the archive bench (0 leaves it out): copies of the shipped stories. */
const ARCHIVE_STORIES = Number(process.env.ARCHIVE_STORIES ?? 1000);
/** Page counts built side by side with Observable Framework (FRAMEWORK_PAGES=0 leaves it out). */
const FRAMEWORK_PAGES = (process.env.FRAMEWORK_PAGES ?? '1,30').split(',').map(Number).filter((n) => n > 0);
const LIGHTHOUSE_RUNS = 5;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SIZES = [10, 100, 400];
const began = performance.now();
const log = (text: string) => console.log(text);

interface Check {
  what: string;
  figure: string;
  budget: string;
  ok: boolean;
}
const checks: Check[] = [];
const check = (what: string, value: number, budget: number, show: (n: number) => string) =>
  checks.push({ what, figure: show(value), budget: show(budget), ok: value <= budget });
const checkAtLeast = (what: string, value: number, floor: number, show: (n: number) => string) =>
  checks.push({ what, figure: show(value), budget: `≥ ${show(floor)}`, ok: value >= floor });

// 1. The real site, built RUNS times into dist/: time by phase, and the same bytes every time.
log(`building the site ${RUNS} times…`);
const dist = join(PROJECT, 'dist');
const realRuns: BuildTime[] = [];
const hashes = new Set<string>();
for (let i = 0; i < RUNS; i++) {
  realRuns.push(timedBuild(PROJECT, dist));
  hashes.add(hashTree(dist));
}
const realTime = spreadByPhase(realRuns);
const weights = pageWeights(dist);
for (const page of weights) {
  if (page.page.includes('/embed/')) {
    const map = /<figure\b[^>]*\bdata-map\b/.test(readFileSync(join(dist, page.page), 'utf8'));
    check(`${page.page}: embed page all-in gzip`, page.total.gzip, map ? BUDGET.embedMapGzip : BUDGET.embedGzip, kb);
    check(`${page.page}: embed script gzip`, page.js.gzip, BUDGET.embedScriptGzip, kb);
    continue;
  }
  check(`${page.page}: all-in gzip`, page.total.gzip, BUDGET.pageGzip, kb);
  check(`${page.page}: JavaScript gzip`, page.js.gzip, BUDGET.jsGzip, kb);
  if (page.largestSvg.id) check(`${page.page}: largest chart SVG gzip`, page.largestSvg.gzip, BUDGET.svgGzip, kb);
}
check('embed.js (host listener) gzip', sizeOf(readFileSync(join(dist, 'embed.js'))).gzip, BUDGET.hostListenerGzip, kb);
checks.push({ what: `dist/ identical over ${RUNS} builds`, figure: `${hashes.size} distinct`, budget: '1 distinct', ok: hashes.size === 1 });

// Smoothness of every story of the site, scrolled on a slowed-down phone.
log('scrolling every story on a phone with a 4× slower CPU…');
const scrolling = await measureScrolling(dist);
for (const story of scrolling) check(`${story.page}: tasks over 50 ms while scrolling (best of ${story.runs.length})`, story.best, BUDGET.longTasks, (n) => String(n));

// Lighthouse's mobile audit of every story, where Chromium is present.
log(`auditing every story with Lighthouse, ${LIGHTHOUSE_RUNS} runs each…`);
const lighthouse = await measureLighthouse(dist, LIGHTHOUSE_RUNS);
if ('skipped' in lighthouse) log(`Lighthouse skipped: ${lighthouse.skipped}`);
if ('failed' in lighthouse) checks.push({ what: 'Lighthouse ran', figure: lighthouse.failed, budget: 'ran', ok: false });
for (const story of 'audited' in lighthouse ? lighthouse.audited : []) {
  checkAtLeast(`${story.page}: Lighthouse mobile performance (median of ${story.runs.length})`, story.performance, BUDGET.lighthousePerformance, String);
  checkAtLeast(`${story.page}: Lighthouse mobile accessibility`, story.accessibility, BUDGET.lighthouseAccessibility, String);
  check(`${story.page}: Lighthouse cumulative layout shift`, story.metrics.cls, 0, (n) => n.toFixed(3));
}

// 2. Synthetic sites of growing size, built in turn so that noise falls on every size alike.
log(`building synthetic sites of ${SIZES.join(', ')} charts, ${RUNS} times each…`);
const synthetic = SIZES.map((charts) => {
  const root = tempProject();
  writeSyntheticSite(root, charts);
  const rows = readFileSync(join(root, 'data/synthetic/monthly.csv'), 'utf8').trimEnd().split('\n').length - 1;
  return { charts, rows, root, out: join(root, 'dist'), runs: [] as BuildTime[] };
});
for (let i = 0; i < RUNS; i++) for (const site of synthetic) site.runs.push(timedBuild(site.root, site.out));
const smallest = synthetic[0];
const scaled = synthetic.map((site) => {
  const time = spreadByPhase(site.runs);
  const largest = pageWeights(site.out).reduce((a, b) => (b.largestSvg.gzip > a.largestSvg.gzip ? b : a)).largestSvg;
  check(`synthetic ${site.charts} charts: largest chart SVG gzip`, largest.gzip, BUDGET.svgGzip, kb);
  // Per added chart: the build's fixed cost (the smallest site's) taken off, so growth shows.
  const added = (phase: 'wallMs' | 'cpuMs') =>
    site === smallest ? undefined : (time[phase].median - spreadByPhase(smallest.runs)[phase].median) / (site.charts - smallest.charts);
  return { charts: site.charts, rows: site.rows, time, perChartMs: time.wallMs.median / site.charts, addedChartMs: added('wallMs'), addedChartCpuMs: added('cpuMs'), largestSvg: largest };
});
const at = (charts: number) => scaled.find((s) => s.charts === charts)!;
const at100root = () => synthetic.find((s) => s.charts === 100)!.root;
const growth = at(400).addedChartCpuMs! / at(100).addedChartCpuMs!;
check('CPU time per added chart at 400 charts ÷ at 100', growth, BUDGET.growth, (n) => `${n.toFixed(2)}×`);

// 2b. A daily dataset of 20 years × 50 series: the data step must stay linear.
log('checking a daily dataset of 20 years × 50 series…');
const daily = timeDailyCheck(RUNS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
check(`daily data, ${daily.rows} rows: load, check and derive (CPU)`, median(daily.cpuMs), BUDGET.dailyCheckMs, ms);

// 3. Rebuilds after one sentence and one CSV value change, on a copy of the site and on the 100-chart one.
log('rebuilding after small edits…');
const copy = fixtureProject();
const rebuilds = {
  fixture: await measureRebuilds(
    // The surplus of March 2023: a chart draws it, no sentence states it.
    { root: copy, page: '/surplus/', section: 'content/surplus/05-monthly-surplus.md', csv: 'data/trade/monthly.csv', value: /^(2023-03,[\d.]+,[\d.]+,)([\d.]+)/m },
    RUNS,
  ),
  synthetic100: await measureRebuilds(
    { root: at100root(), page: '/story-000/', section: 'content/story-000/02-step-2.md', csv: 'data/synthetic/monthly.csv', value: /^(2015-01,r000,)([\d.]+)/m },
    RUNS,
  ),
};
for (const site of [...synthetic.map((s) => s.root), copy]) rmSync(site, { recursive: true, force: true });

// 4. Each chart kind drawn from the chart fixtures, against its budget.
const kinds = chartKindSizes();
for (const k of kinds) check(`chart kind: ${k.name}, gzip`, Math.max(k.narrow, k.wide), k.budget, kb);

// 5. US and locator maps: both drawings of a figure together, against their budgets; time to draw each.
const maps = mapFigures();
for (const m of maps) check(`map: ${m.name}, both widths, gzip`, m.bytes, m.budget, kb);

// 5. Markdown at the edge of its limits: read within budget inside them, refused past them.
const markdown = timeMarkdownLimits();
for (const m of markdown) {
  check(`Markdown at the limit: ${m.name}, CPU`, m.atMs, BUDGET.markdownAtLimitMs, ms);
  checks.push({ what: `Markdown past the limit: ${m.name}`, figure: m.refused ? 'refused' : 'read', budget: 'refused', ok: m.refused });
}

// 5. A newsroom's archive: a first build, rebuilds after small edits, check, dev, output size.
let archive: Awaited<ReturnType<typeof measureArchive>> | undefined;
if (ARCHIVE_STORIES > 0) {
  log(`building an archive of ${ARCHIVE_STORIES} stories…`);
  archive = await measureArchive(ARCHIVE_STORIES, log);
  check(`archive of ${ARCHIVE_STORIES}: build after one sentence ÷ first build`, archive.sentence.wallMs / archive.cold.wallMs, BUDGET.archiveSentenceShare, (n) => `${(n * 100).toFixed(0)}%`);
  check(`archive of ${ARCHIVE_STORIES}: peak memory of a build`, Math.max(archive.cold.peakRssMb, archive.sentence.peakRssMb, archive.cell.peakRssMb), BUDGET.archivePeakMb, (n) => `${Math.round(n)} MB`);
  check(`archive of ${ARCHIVE_STORIES}: output size`, archive.outputBytes, BUDGET.archiveOutputBytes, (n) => `${(n / 1024 ** 2).toFixed(0)} MB`);
}

// 6. Against Observable Framework: the same stories built by each, alternately, from nothing.
let framework: ReturnType<typeof measureFramework> | undefined;
if (FRAMEWORK_PAGES.length > 0) {
  log(`building ${FRAMEWORK_PAGES.join(' and ')} stories with Plotline and with Observable Framework…`);
  framework = measureFramework(FRAMEWORK_PAGES, log);
  if ('runs' in framework) for (const run of framework.runs) check(`${run.pages} page${run.pages === 1 ? '' : 's'}: CPU of a first build ÷ Observable Framework's`, run.ratio, BUDGET.frameworkRatio, (n) => `${n.toFixed(2)}×`);
}

// Report.
const perChart = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
const line = (label: string, s: { median: number; min: number; max: number }) => [label, ms(s.median), ms(s.min), ms(s.max)];
const weightRow = (p: PageWeight) => [p.page, kb(p.html.gzip), kb(p.css.gzip), kb(p.js.gzip), kb(p.images.gzip), `${kb(p.total.gzip)} (${kb(p.total.raw)} raw)`, p.largestSvg.id ? `${kb(p.largestSvg.gzip)} ${p.largestSvg.id}` : '—'];
const sections = [
  'Page weight of dist/ (gzip)',
  textTable([['page', 'HTML', 'CSS', 'JS', 'images', 'all-in', 'largest chart SVG'], ...weights.map(weightRow)]),
  `Build time of the site (${RUNS} builds)`,
  textTable([
    ['phase', 'median', 'min', 'max'],
    line('data loading', realTime.dataMs),
    line('Markdown', realTime.markdownMs),
    line('charts', realTime.chartsMs),
    line(`per-chart files (${realRuns[0].files}: CSV, SVG, PNG 1× and 2×, oEmbed)`, realTime.filesMs),
    line('all Plotline\'s work (check with the three above, site model, share cards, per-chart files, output check)', realTime.plotlineMs),
    line('Astro, Vite and Node', realTime.astroMs),
    line('whole build', realTime.wallMs),
    line('CPU time', realTime.cpuMs),
  ]),
  `Synthetic sites (${RUNS} builds each)`,
  textTable([
    ['charts', 'rows', 'build median', 'min', 'max', 'charts phase', 'per chart', 'per added chart', 'CPU per added chart', 'largest SVG'],
    ...scaled.map((s) => [
      s.charts, s.rows, ms(s.time.wallMs.median), ms(s.time.wallMs.min), ms(s.time.wallMs.max), ms(s.time.chartsMs.median),
      `${s.perChartMs.toFixed(1)} ms`, perChart(s.addedChartMs), perChart(s.addedChartCpuMs), kb(s.largestSvg.gzip),
    ]),
  ]),
  'Scrolling on a phone, CPU slowed 4× (tasks over 50 ms while scrolling, per run)',
  textTable([['page', 'wheel turns', 'long tasks by run'], ...scrolling.map((s) => [s.page, s.turns, s.runs.map((r) => r.length).join(', ')])]),
  'Lighthouse, mobile (simulated slow 4G and a 4× slower CPU; the median run by performance)',
  'audited' in lighthouse
    ? textTable([
        ['page', 'performance', 'runs', 'accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'speed index', 'accessibility audits failed'],
        ...lighthouse.audited.map((a) => [
          a.page, a.performance, a.runs.join(', '), a.accessibility, ms(a.metrics.fcpMs), ms(a.metrics.lcpMs), ms(a.metrics.tbtMs),
          a.metrics.cls.toFixed(3), ms(a.metrics.speedIndexMs), a.failedAccessibility.join(', ') || '—',
        ]),
      ])
    : `not measured: ${'skipped' in lighthouse ? lighthouse.skipped : lighthouse.failed}`,
  `Daily dataset (${daily.rows} rows, ${RUNS} checks)`,
  textTable([
    ['figure', 'median', 'min', 'max'],
    ['wall clock', ms(median(daily.ms)), ms(Math.min(...daily.ms)), ms(Math.max(...daily.ms))],
    ['CPU time', ms(median(daily.cpuMs)), ms(Math.min(...daily.cpuMs)), ms(Math.max(...daily.cpuMs))],
  ]),
  'Rebuilds after an edit (the engine tests\' fixture project and the 100-chart synthetic site)',
  textTable([
    ['site', 'edit', 'npm run build', 'npm run dev reload (median)'],
    ...Object.entries(rebuilds).flatMap(([name, r]) => [
      [name, 'none', '—', `${ms(r.dev.unchanged.median)} (first load ${ms(r.dev.firstMs)})`],
      [name, 'one sentence', ms(r.build.sentenceMs), ms(r.dev.sentence.median)],
      [name, 'one CSV value', ms(r.build.csvMs), ms(r.dev.csv.median)],
    ]),
  ]),
  'Chart kinds (fixtures, gzip; the larger of the phone and desktop drawings is checked)',
  textTable([['kind', 'phone', 'desktop', 'budget'], ...kinds.map((k) => [k.name, kb(k.narrow), kb(k.wide), kb(k.budget)])]),
  'Maps (fixtures; both drawings of a figure gzipped together; time to resolve and draw it, first and again)',
  textTable([['map', 'both widths', 'budget', 'first', 'again'], ...maps.map((m) => [m.name, kb(m.bytes), kb(m.budget), ms(m.coldMs), ms(m.warmMs)])]),
  'Markdown at the edge of its limits (CPU time to read the body at each limit, and past it, where it is refused unread)',
  textTable([['shape', 'at the limit', 'past it', ''], ...markdown.map((m) => [m.name, ms(m.atMs), ms(m.pastMs), m.refused ? 'refused' : 'READ'])]),
  archive
    ? [
        `Archive of ${archive.stories} stories (copies of the shipped stories, charts retitled; output ${(archive.outputBytes / 1024 ** 2).toFixed(0)} MB, the 1 GB Pages limit at about ${archive.storiesAtLimit} stories)`,
        textTable([
          ['step', 'wall', 'CPU', 'peak memory', 'Plotline\'s part'],
          ['npm run check', ms(archive.checkMs), '—', '—', '—'],
          ['npm run check after one more sentence', ms(archive.checkAfterSentenceMs), '—', '—', '—'],
          ...([['first build', archive.cold], ['after one sentence', archive.sentence], ['after one dataset cell', archive.cell]] as const).map(([label, t]) => [label, ms(t.wallMs), ms(t.cpuMs), `${Math.round(t.peakRssMb)} MB`, ms(t.plotlineMs)]),
          ['npm run dev: first page', ms(archive.dev.firstPageMs), '—', '—', '—'],
          ['npm run dev: stylesheet after it', ms(archive.dev.brandCssMs), '—', '—', '—'],
          ['npm run dev: page after one sentence', ms(archive.dev.sentenceMs), '—', '—', '—'],
        ]),
      ].join('\n')
    : 'Archive: left out (ARCHIVE_STORIES=0)',
  !framework
    ? 'Observable Framework: left out (FRAMEWORK_PAGES=0)'
    : 'skipped' in framework
      ? `Observable Framework: skipped: ${framework.skipped}`
      : [
          'Against Observable Framework (the same stories, first builds, alternately in this run)',
          textTable([['pages', 'Plotline CPU', 'Framework CPU', 'ratio', 'Plotline wall', 'Framework wall'], ...framework.runs.map((r) => [r.pages, ms(r.plotline.cpuMs), ms(r.framework.cpuMs), `${r.ratio.toFixed(2)}×`, ms(r.plotline.wallMs), ms(r.framework.wallMs)])]),
        ].join('\n'),
  'Budgets',
  textTable([['check', 'figure', 'budget', ''], ...checks.map((c) => [c.what, c.figure, c.budget, c.ok ? 'ok' : 'OVER'])]),
];
const seconds = (performance.now() - began) / 1000;
console.log(`${sections.join('\n\n')}\n\nbench took ${seconds.toFixed(0)} s on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);

mkdirSync(join(PROJECT, 'bench'), { recursive: true });
const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  runs: RUNS,
  pages: weights,
  build: realTime,
  deterministic: hashes.size === 1,
  synthetic: scaled,
  growth,
  rebuilds,
  scrolling,
  lighthouse,
  daily,
  markdown,
  archive,
  framework,
  budgets: checks,
  seconds,
};
writeFileSync(join(PROJECT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const over = checks.filter((c) => !c.ok);
for (const c of over) console.error(`over budget: ${c.what} is ${c.figure}, budget ${c.budget}`);
process.exit(over.length ? 1 : 0);
