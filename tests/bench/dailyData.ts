/**
 * A daily dataset of 20 years × 50 series (365,250 rows) with derived
 * measures and a story over it: how long `npm run check` takes to load,
 * validate and derive it, in-process. bench.ts holds it to a budget; run
 * this file alone for the figure.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkProject } from '../../src/lib/check.ts';
import { tempProject } from '../helpers.ts';

export const DAILY = { years: 20, series: 50, firstYear: 2000 };

/** Writes the project; returns its root and the number of data rows. */
export function writeDailySite(): { root: string; rows: number } {
  const root = tempProject();
  const lines = ['date,station,temp,rain'];
  const start = Date.UTC(DAILY.firstYear, 0, 1);
  const end = Date.UTC(DAILY.firstYear + DAILY.years, 0, 1);
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let s = 0; s < DAILY.series; s++) {
    const station = `s${String(s).padStart(2, '0')}`;
    for (let t = start, i = 0; t < end; t += 86_400_000, i++) {
      const date = new Date(t).toISOString().slice(0, 10);
      const temp = (12 + 10 * Math.sin((i / 365.25) * 2 * Math.PI) + random() * 4).toFixed(1);
      const rain = random() < 0.6 ? '0' : (random() * 20).toFixed(1);
      lines.push(`${date},${station},${temp},${rain}`);
    }
  }
  const files: Record<string, string> = {
    'data/daily/dataset.yaml': `title: Synthetic daily weather
publisher: Bench
source: Generated for the bench
licence: None
sources:
  - name: Bench
    url: https://example.org/bench
units:
  celsius: { label: "°C", suffix: "°C", words: ["°C"] }
  mm: { label: millimetres, suffix: " mm", words: [mm] }
tables:
  days:
    file: days.csv
    title: Daily readings by station
    columns:
      date: { type: period }
      station: { type: category }
      temp: { type: number, unit: celsius }
      rain: { type: number, unit: mm }
    derived:
      rain_ytd: { op: ytd, of: rain }
      rain_12m: { op: rolling12, of: rain }
      temp_change: { op: change, of: temp }
      temp_yoy: { op: change_yoy, of: temp }
      rain_share: { op: share, of: rain }
`,
    'data/daily/days.csv': `${lines.join('\n')}\n`,
    'content/bench/index.md': `---\ntitle: Bench\npublished: 2025-01-01\ndataset: daily\n---\n\nA lede.\n`,
    'content/bench/01-first.md': `---\nchart:\n  data: days.temp\n  where: { station: s07 }\n  title: One station\n---\n\nOne day at one station: :value{key=days.temp at=2010-06-30 station=s07}.\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, rows: lines.length - 1 };
}

/**
 * Milliseconds per check of the daily site, `runs` times (nothing cached
 * between runs): wall-clock time, and the CPU time the process spent, which
 * other work on a shared machine does not inflate.
 */
export function timeDailyCheck(runs: number): { rows: number; ms: number[]; cpuMs: number[] } {
  const { root, rows } = writeDailySite();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Nothing kept from the run before: every run parses and derives afresh.
    (globalThis as { [key: symbol]: Map<string, unknown> | undefined })[Symbol.for('plotline.memo')]?.clear();
    const began = performance.now();
    const cpu = process.cpuUsage();
    const { problems } = checkProject(root);
    const used = process.cpuUsage(cpu);
    ms.push(performance.now() - began);
    cpuMs.push((used.user + used.system) / 1000);
    if (problems.length) throw new Error(`the daily bench site has problems: ${problems[0].message}`);
  }
  rmSync(root, { recursive: true, force: true });
  return { rows, ms, cpuMs };
}

if (import.meta.main) {
  const { rows, ms, cpuMs } = timeDailyCheck(Number(process.env.BENCH_RUNS ?? 3));
  console.log(`${rows} rows: ${ms.map((m, i) => `${m.toFixed(0)} ms (CPU ${cpuMs[i].toFixed(0)} ms)`).join(', ')}`);
}
