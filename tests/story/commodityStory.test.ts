import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/site.ts';
import { FIXTURE } from '../helpers.ts';

const SLUG = 'commodities';
const dir = join(FIXTURE, 'content', SLUG);

/** The Markdown body with every :fact[…]{…} and :value{…} taken out. */
function proseOutsideDirectives(text: string): string {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.replace(/:fact\[[^\]]*\]\{[^}]*\}/g, '').replace(/:value\{[^}]*\}/g, '');
}

describe(`the fixture story content/${SLUG}`, () => {
  const { stories, problems } = checkProject(FIXTURE);
  const story = stories.find((s) => s.slug === SLUG);

  test('checkProject() accepts the story and every figure in it', () => {
    expect(problems).toEqual([]);
    expect(story?.meta.dataset).toBe('trade');
  });

  test('the story has at least four sections, each with its own chart', () => {
    expect(story!.sections.length).toBeGreaterThanOrEqual(4);
    expect(story!.sections.every((s) => s.chart !== undefined)).toBe(true);
  });

  test('no figure is typed into the prose: only years stand outside :fact and :value', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    for (const file of files) {
      const prose = proseOutsideDirectives(readFileSync(join(dir, file), 'utf8'));
      const numbers = [...prose.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]).filter((n) => !/^(19|20)\d\d$/.test(n));
      expect(numbers, `${file} states numbers outside :fact/:value`).toEqual([]);
    }
  });

  test('the soybean chart keeps March 2025 as a gap and its caption says so', () => {
    const soy = story!.charts.find((c) => c.chart.spec.where?.commodity === 'soybeans' && c.chart.keys[0] === 'commodities.quantity')!;
    const march = soy.chart.data.find((d) => d.period.id === '2025-03');
    expect(march?.y).toBeNull();
    expect(soy.chart.spec.caption).toMatch(/March 2025/);
  });

  test('the single-month February 2025 rare earth row is never drawn or summed', () => {
    const charts = story!.charts.filter((c) => c.chart.spec.where?.commodity === 'rare_earths');
    for (const { chart } of charts) expect(chart.data.some((d) => d.period.id === '2025-02')).toBe(false);
    const ytd = charts.find((c) => c.chart.keys[0] === 'commodities.quantity_ytd')!;
    const nov = ytd.chart.data.find((d) => d.period.id === '2025-11')!;
    const months = charts.find((c) => c.chart.keys[0] === 'commodities.quantity' && c.chart.data.some((d) => d.period.id === '2025-01/02'))!;
    const sum = months.chart.data.filter((d) => d.period.year === 2025 && d.y !== null).reduce((n, d) => n + (d.span ? d.span.total : d.y!), 0);
    expect(nov.y).toBeCloseTo(sum, 6);
  });
});
