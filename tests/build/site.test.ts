import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE, fixtureProject, hashTree } from '../helpers.ts';
import { runCli } from './runBuild.ts';

let root: string;
let dist: string;
let page: string;


/** A chart of 200 days: a table too long to carry inside the story (made-up figures, for the engine only). */
const LONG_DAYS = 200;
function withLongTable(): Record<string, string> {
  const yaml = readFileSync(join(FIXTURE, 'data/trade/dataset.yaml'), 'utf8');
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
  const rows = Array.from({ length: LONG_DAYS }, (_, i) => `${day(i)},${(i % 17) + 0.5},https://example.org/daily`);
  return {
    'data/trade/dataset.yaml': `${yaml.trimEnd()}
  daily:
    file: daily.csv
    title: Daily test figures
    columns:
      period: { type: period }
      value: { type: number, unit: usd_bn, label: Daily value }
      source_url: { type: url }
`,
    'data/trade/daily.csv': `period,value,source_url\n${rows.join('\n')}\n`,
    'content/surplus/12-daily.md': '---\nheading: Day by day\nchart:\n  data: daily.value\n  type: line\n  title: Every day\n---\n\nThe figure moved every day.\n',
  };
}

beforeAll(() => {
  root = fixtureProject(withLongTable());
  dist = join(root, 'dist');
  const result = runCli('build', root, dist);
  expect(result.status, result.stderr).toBe(0);
  page = readFileSync(join(dist, 'surplus/index.html'), 'utf8');
});

describe('npm run build', () => {
  test('the index links to the story', () => {
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(/href="\/surplus\/"/);
  });

  test('the story page has one step per section and one figure per charted section', () => {
    const steps = page.match(/<section class="step"/g) ?? [];
    const figures = page.match(/<figure class="chart/g) ?? [];
    const sections = readdirSync(join(root, 'content/surplus')).filter((f) => /^\d+-.*\.md$/.test(f));
    const charted = sections.filter((f) => /^chart:/m.test(readFileSync(join(root, 'content/surplus', f), 'utf8')));
    expect(steps.length).toBe(sections.length);
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(figures.length).toBe(charted.length);
    const svgs = new Set(page.match(/<svg[\s\S]*?<\/svg>/g));
    expect(svgs.size).toBeGreaterThanOrEqual(12);
  });

  test('the headline figures are on the page, from the data', () => {
    for (const text of ['US$1.076 trillion', 'US$992.2 billion', 'US$111.68 billion', '5.9 per cent', '1.9 per cent', 'fell 28.6 per cent']) {
      expect(page).toContain(text);
    }
    expect(page).toContain('<data class="fact" value="1076">US$1.076 trillion</data>');
  });

  test('leaves no directive text, NaN or undefined behind', () => {
    const text = page.replace(/<svg[\s\S]*?<\/svg>/g, '');
    expect(text).not.toMatch(/:fact|:value\{|NaN|undefined/);
    expect(page).not.toMatch(/NaN/);
  });

  test('ships no charting code, and under 10 KB of gzipped script', () => {
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    // The one inline block allowed is JSON-LD: data, never executed.
    expect(page).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/);
    let total = 0;
    for (const src of scripts) {
      const code = readFileSync(join(dist, src), 'utf8');
      expect(code).not.toMatch(/observablehq|d3-scale|d3-shape/);
      total += gzipSync(code).length;
    }
    expect(total).toBeLessThan(10_240);
  });

  test('writes one CSV per chart with exactly the drawn figures', () => {
    const csv = readFileSync(join(dist, 'surplus/data/surplus-united-states.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('period,series,key,value,unit,source_url,monthly_average');
    expect(csv).toContain('2025-11,,destinations.exports_yoy,-28.6,pct,https://particle.news/');
  });

  test('a table too long for the story goes on a page of its own, linked from its chart', () => {
    const figure = /<figure[^>]*id="surplus-daily"[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    expect(figure).toContain('href="/surplus/data/surplus-daily/"');
    expect(figure).toContain(`all ${LONG_DAYS} rows`);
    expect(figure).not.toContain('<table');
    const own = readFileSync(join(dist, 'surplus/data/surplus-daily/index.html'), 'utf8');
    expect(own.match(/<tr><th scope="row">/g)).toHaveLength(LONG_DAYS);
    expect(own).toContain('href="/surplus/#surplus-daily"');
    expect(own).toContain('href="/surplus/data/surplus-daily.csv"');
    // Short tables stay in the story, and get no page.
    expect(/<figure[^>]*id="surplus-united-states"[\s\S]*?<\/figure>/.exec(page)?.[0]).toContain('<table');
    expect(existsSync(join(dist, 'surplus/data/surplus-united-states/index.html'))).toBe(false);
  });

  test('a figure that no longer matches the data fails the build and names the file and line', () => {
    const before = hashTree(dist);
    const csvPath = join(root, 'data/trade/monthly.csv');
    const original = readFileSync(csvPath, 'utf8');
    writeFileSync(csvPath, original.replace('2025-11,330.3,218.7,111.68', '2025-11,330.3,218.7,111.98'));
    try {
      const result = runCli('build', root, dist);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/content\/surplus\/05-monthly-surplus\.md:\d+:\d+ {2}fact "US\$111\.68 billion" does not match monthly\.balance at 2025-11: the text says US\$111\.68 billion, the data gives US\$111\.98 billion/);
      expect(hashTree(dist)).toBe(before);
    } finally {
      writeFileSync(csvPath, original);
    }
  });

  test("a mistyped key in a copied section fails with file, line and a suggestion", async () => {
    const file = join(root, 'content/surplus/12-copy.md');
    writeFileSync(file, '---\nheading: Copy\n---\n\nExports were :value{key=monthly.exprts at=2025-11}.\n');
    try {
      const result = runCli('check', root);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('content/surplus/12-copy.md:5:14  unknown dataset key "monthly.exprts" — did you mean "monthly.exports"?');
    } finally {
      writeFileSync(file, '');
      // An empty section is itself an error; remove it for the other tests.
      (await import('node:fs')).rmSync(file);
    }
  });
});
