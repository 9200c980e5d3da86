/**
 * A synthetic Plotline project for scaling figures: `charts` charts spread
 * over stories of 20 sections, each section with a checked figure in its
 * text, over one dataset whose size grows with the site (125 months × one
 * region per chart: 50,000 rows at 400 charts). The first chart of the site
 * draws 15 regions, a line each and all labelled, to hold the SVG budget
 * against a crowded chart; the other first-of-story charts draw one region.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHARTS_PER_STORY = 20;
const MONTHS = 125;
const FIRST_YEAR = 2015;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const region = (i: number) => `r${pad(i, 3)}`;
const period = (m: number) => `${FIRST_YEAR + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;

/** Deterministic pseudo-random numbers (mulberry32): the same site every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATASET_YAML = `title: Synthetic trade
publisher: Plotline bench
source: Synthetic figures made by tests/bench/synthetic.ts
licence: Generated; no rights reserved.
sources:
  - name: Plotline bench generator
    url: https://example.org/bench
tables:
  monthly:
    file: monthly.csv
    title: Monthly trade by region
    columns:
      period: { type: period }
      region: { type: category }
      exports: { type: number, unit: usd_bn, label: Exports }
      imports: { type: number, unit: usd_bn, label: Imports }
    derived:
      balance: { op: diff, of: exports, minus: imports, label: Balance }
      exports_ytd: { op: ytd, of: exports, label: "Exports, running sum" }
      exports_yoy: { op: yoy, of: exports, label: "Exports, change on a year earlier" }
`;

/** Rows of the synthetic CSV: one per month and region. */
export function syntheticCsv(regions: number): string {
  const next = random(regions);
  const lines = ['period,region,exports,imports'];
  for (let r = 0; r < regions; r++) {
    let level = 20 + next() * 80;
    for (let m = 0; m < MONTHS; m++) {
      level *= 0.97 + next() * 0.065;
      const exports = level.toFixed(2);
      const imports = (level * (0.7 + next() * 0.25)).toFixed(2);
      lines.push(`${period(m)},${region(r)},${exports},${imports}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The chart of section `i` of a story: a mix of types, keys and filters. */
function chartYaml(i: number, regions: number, story: number): string {
  const r = region((story * CHARTS_PER_STORY + i) % regions);
  const list = Array.from({ length: Math.min(8, regions) }, (_, k) => region((i + k * 7) % regions));
  switch (i % 6) {
    case 0:
      return story === 0 && i === 0
        ? `  data: monthly.exports\n  type: line\n  series: region\n  where: { region: [${Array.from({ length: Math.min(15, regions) }, (_, k) => region(k)).join(', ')}] }\n  title: Exports, 15 regions\n`
        : `  data: monthly.imports\n  type: area\n  where: { region: ${r} }\n  title: Imports of ${r}\n`;
    case 1:
      return `  data: monthly.exports\n  where: { region: ${r} }\n  highlight: ${period(MONTHS - 1)}\n  title: Exports of ${r}\n`;
    case 2:
      return `  data: [monthly.exports, monthly.imports]\n  where: { region: ${r} }\n  from: ${period(MONTHS - 36)}\n  title: Exports and imports of ${r}\n`;
    case 3:
      return `  data: monthly.exports_ytd\n  type: line\n  x: month\n  series: year\n  where: { region: ${r}, year: [${FIRST_YEAR + 8}, ${FIRST_YEAR + 9}] }\n  title: Running exports of ${r}\n`;
    case 4:
      return `  data: monthly.exports\n  type: barX\n  x: region\n  where: { region: [${list.join(', ')}] }\n  from: ${period(MONTHS - 1)}\n  title: Exports by region\n`;
    default:
      return `  data: monthly.balance\n  type: bar\n  where: { region: ${r} }\n  from: ${period(MONTHS - 24)}\n  title: Balance of ${r}\n`;
  }
}

/** Writes the project under `root`: content/, data/. Returns the chart count. */
export function writeSyntheticSite(root: string, charts: number): number {
  const regions = charts;
  const data = join(root, 'data', 'synthetic');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'dataset.yaml'), DATASET_YAML);
  writeFileSync(join(data, 'monthly.csv'), syntheticCsv(regions));
  const stories = Math.ceil(charts / CHARTS_PER_STORY);
  let written = 0;
  for (let s = 0; s < stories; s++) {
    const dir = join(root, 'content', `story-${pad(s, 3)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.md'),
      `---\ntitle: Synthetic story ${s + 1}\npublished: 2025-12-08\ndataset: synthetic\n---\n\nA generated story for measuring build time.\n`,
    );
    const count = Math.min(CHARTS_PER_STORY, charts - written);
    for (let i = 0; i < count; i++) {
      const r = region((s * CHARTS_PER_STORY + i) % regions);
      writeFileSync(
        join(dir, `${pad(i + 1)}-step-${i + 1}.md`),
        `---\nheading: Step ${i + 1}\nchart:\n${chartYaml(i, regions, s)}---\n\n` +
          `In ${period(MONTHS - 1)} ${r} exported :value{key=monthly.exports at=${period(MONTHS - 1)} region=${r} format=usd_bn}, ` +
          `against :value{key=monthly.exports at=${period(MONTHS - 13)} region=${r} format=usd_bn} a year before.\n`,
      );
      written++;
    }
  }
  return written;
}
