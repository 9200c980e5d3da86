import { describe, expect, test } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { tempProject } from '../helpers.ts';

/** A one-story project whose rate is a fraction (0.0107) declared as per cent (`scale: 100`). */
function fractionSite(unit = 'frac: { label: "%", suffix: "%", scale: 100, decimals: 2 }') {
  const root = tempProject({
    'data/rates/dataset.yaml': `title: Rates
publisher: Test bureau
source: Test bureau
licence: Test figures
sources: [{ name: Test bureau, url: https://example.org/rates }]
units:
  ${unit}
tables:
  yearly:
    file: yearly.csv
    title: Yearly rate
    columns:
      period: { type: period }
      rate: { type: number, unit: frac, label: Rate }
`,
    'data/rates/yearly.csv': 'period,rate\n2008,0.0107\n2009,0.0151\n2010,0.0098\n',
    'content/rates/index.md': '---\ntitle: Rates\npublished: 2025-01-01\ndataset: rates\n---\n',
    'content/rates/01-rate.md': `---
chart:
  data: yearly.rate
  type: line
  title: Rate
  values: all
---

The rate was :fact[1.07%]{key=yearly.rate at=2008}, then :value{key=yearly.rate at=2009}.
`,
  });
  const site = loadSite(root);
  expect(site.problems.map(formatProblem)).toEqual([]);
  return site.stories[0];
}

const texts = (svg: string) => [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]);

describe('a unit with a scale, in charts', () => {
  test('a fraction declared as per cent reads in per cent in the text, the axis, the labels, the table, the CSV and the description', () => {
    const { story, figures } = fractionSite();
    const [figure] = figures;
    expect(story.sections[0].html).toContain('1.51%');
    const ticks = texts(figure.svg.wide);
    expect(ticks).toContain('1.5%');
    expect(ticks.some((t) => /^0\.0\d%$/.test(t))).toBe(false);
    expect(ticks).toContain('1.07%');
    expect(figure.table.rows.map((r) => r.cells[0])).toEqual(['1.07', '1.51', '0.98']);
    expect(figure.csv).toContain('2008,,yearly.rate,1.07,pct,');
    expect(figure.description).toContain('from 1.07% in 2008 to 0.98% in 2010; highest 1.51% in 2009');
  });

  test('the ledger prints the figure in per cent, with its own decimals', () => {
    const { ledger } = fractionSite('frac: { label: per cent, suffix: " per cent", scale: 100, kind: pct, decimals: 2 }');
    expect(ledger.facts.map((f) => [f.value, f.valueText])).toEqual([[0.0107, '1.07 per cent'], [0.0151, '1.51 per cent']]);
  });
});
