import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE, PROJECT } from '../helpers.ts';
import { contrastRatio, luminance } from '../../src/lib/charts/contrast.ts';
import { ACCENT, MUTED, PRIMARY, SERIES } from '../../src/lib/charts/palette.ts';
import { checkProject } from '../../src/lib/site.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';

/** The custom properties of the stylesheet's light :root and its dark-scheme :root. */
function themes(): Record<'light' | 'dark', Record<string, string>> {
  // The colours live in chart.css, which story pages and embed pages share.
  const css = readFileSync(join(PROJECT, 'src/styles/chart.css'), 'utf8');
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (block: string) => Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1], m[2]]));
  const light = read(css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root'))));
  const darkRoot = css.indexOf(':root', darkStart);
  const dark = read(css.slice(darkRoot, css.indexOf('}', darkRoot)));
  return { light, dark };
}

describe('contrastRatio()', () => {
  test('gives 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#3a78c9', '#3a78c9')).toBe(1);
    expect(luminance('#ffffff')).toBeCloseTo(1, 5);
  });

  test('rejects a colour it cannot read', () => {
    expect(() => luminance('rebeccapurple')).toThrow('invalid colour: rebeccapurple');
  });
});

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const vars = themes()[theme];

  test('declares the colours the checks need', () => {
    for (const name of ['--page', '--card', '--text', '--muted', '--grid', '--link', '--accent']) expect(vars[name], name).toMatch(/^#/);
  });

  test('every chart colour keeps 3:1 against the page and the cards (WCAG 1.4.11)', () => {
    for (const colour of new Set([...SERIES, ACCENT, PRIMARY, MUTED])) {
      for (const ground of [vars['--page'], vars['--card']]) {
        expect(contrastRatio(colour, ground), `${colour} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  test('gridlines keep 3:1 and text, muted text and links 4.5:1 (WCAG 1.4.3)', () => {
    expect(contrastRatio(vars['--grid'], vars['--page'])).toBeGreaterThanOrEqual(3);
    for (const name of ['--text', '--muted', '--link']) {
      for (const ground of ['--page', '--card']) {
        expect(contrastRatio(vars[name], vars[ground]), `${name} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrastRatio(vars['--accent'], vars['--page'])).toBeGreaterThanOrEqual(3);
  });
});

describe('renderChart() in both themes', () => {
  const { stories } = checkProject(FIXTURE);
  const { chart } = stories.find((s) => s.slug === 'surplus')!.charts.find((c) => c.section.id === 'trillion')!;

  test('marks gridlines with a class, so the stylesheet gives them each theme\'s --grid', () => {
    const svg = renderChart(plotOptions(chart, SIZES.wide), 'x');
    expect(svg).toMatch(/<g[^>]* class="grid"/);
    expect(svg).not.toMatch(/<g\b[^>]* aria-label=/);
  });

  test('writes series labels and notes in the page colour, never in a chart colour', () => {
    const svg = renderChart(plotOptions(chart, SIZES.narrow), 'x');
    const groups = [...svg.matchAll(/<g\b[^>]*>(?:<text[^>]*>[^<]*(?:<tspan[^>]*>[^<]*<\/tspan>)*<\/text>)+<\/g>/g)].map((m) => m[0]);
    const labels = groups.filter((g) => />(2024|2025)<\/text>/.test(g) || /full-year/.test(g));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const g of labels) expect(g).not.toMatch(/fill="#/);
  });
});
