import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkChart, CHART_FIXTURES, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { tempProject } from '../helpers.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { PHONE_FIT, plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { chartCsv, chartTable } from '../../src/lib/charts/table.ts';
import { changePairs, slopeLayout } from '../../src/lib/charts/change.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { sharedDomains } from '../../src/lib/charts/states.ts';
import { ACCENT, MUTED, PRIMARY } from '../../src/lib/charts/palette.ts';

const CHANGE = { data: 'industries.rate', from: '2000-01', to: '2010-02' };
const circles = (svg: string) => [...svg.matchAll(/<circle\b[^>]*>/g)].map((m) => m[0]);
/** Circles filled with `colour`, by their own fill or their group's (Plot puts a constant fill on the group). */
const filled = (svg: string, colour: string) => {
  const own = circles(svg).filter((c) => c.includes(`fill="${colour}"`)).length;
  const grouped = [...svg.matchAll(/<g\b[^>]*fill="([^"]+)"[^>]*>((?:<circle\b[^>]*>(?:<\/circle>)?)+)<\/g>/g)].filter((m) => m[1] === colour);
  return own + grouped.reduce((n, m) => n + circles(m[2]).length, 0);
};

/** The fixture CSV's own value for an industry in a period, read without the engine. */
function csvValue(csv: string, period: string, industry: string): number {
  const line = csv.split('\n').find((l) => l.startsWith(`${period},${industry},`))!;
  return Number(line.split(',').at(-1));
}
const CSV = readFileSync(join(CHART_FIXTURES, 'data/jobs/industries.csv'), 'utf8');

describe('dumbbell and arrow', () => {
  test('one dumbbell per industry, with the start and end values of the CSV, at both widths', () => {
    const { wide, narrow, chart } = fixtureSvg('jobs', { ...CHANGE, type: 'dumbbell', highlight: 'Construction' });
    const pairs = changePairs(chart);
    expect(pairs).toHaveLength(14);
    expect(new Set(pairs.map((p) => p.name)).size).toBe(14);
    for (const p of pairs) {
      expect(p.start.y).toBe(csvValue(CSV, '2000-01', p.name));
      expect(p.end.y).toBe(csvValue(CSV, '2010-02', p.name));
    }
    // Sorted by the value at the end, largest first.
    const ends = pairs.map((p) => p.end.y!);
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    for (const svg of [wide, narrow]) {
      // A grey start and a coloured end per industry, plus the key's two dots.
      expect(filled(svg, MUTED)).toBe(14 + 1);
      expect(filled(svg, PRIMARY)).toBe(13 + 1);
      expect(filled(svg, ACCENT)).toBe(1);
      expect(svg).toContain('>27.1%<');
      expect(svg).toContain('>9.7%<');
      expect(svg).toContain('>Jan 2000<');
      expect(svg).toContain('>Feb 2010<');
    }
    expect(describeChart(chart)).toMatch(/^Dumbbell chart of unemployment rate \(per cent\), 14 industries, Jan 2000 compared with Feb 2010\. Between Jan 2000 and Feb 2010, Construction rose from 9\.7% to 27\.1%, the biggest rise\./);
    const table = chartTable(chart);
    expect(table.columns).toEqual(['Industry', 'Jan 2000 (%)', 'Feb 2010 (%)']);
    expect(table.rows[0]).toEqual({ label: 'Construction', cells: ['9.7', '27.1'] });
    expect(chartCsv(chart).trim().split('\n')).toHaveLength(1 + 28);
  });

  test('arrow draws one arrow per industry that moved, and lists few changes in full', () => {
    const { wide, chart } = fixtureSvg('jobs', { ...CHANGE, type: 'arrow', where: { industry: ['Finance', 'Construction', 'Government'] } });
    // An arrow is a shaft and a head: M…l… m…l… (path data written relative, see pathData.ts).
    const arrows = [...wide.matchAll(/<path stroke="[^"]+" d="M[\d.]+,[\d.]+l[^mMlL"]+m[^mMlL"]+l[^mMlL"]+"/g)];
    expect(arrows).toHaveLength(3);
    expect(arrows.filter((m) => m[0].includes(PRIMARY))).toHaveLength(3);
    // Each arrow's start is marked by a small grey dot.
    expect(filled(wide, MUTED)).toBe(3);
    expect(describeChart(chart)).toContain('Between Jan 2000 and Feb 2010, Construction rose from 9.7% to 27.1%, the biggest rise; Finance rose from 2.7% to 7.5%; Government rose from 2.1% to 4%.');
  });

  test('rows fit the pinned drawing of a phone (PHONE_FIT) while there is room, and never close up beyond their names\' lines', () => {
    // A phone pins the narrow drawing at full size: it is drawn to PHONE_FIT, never scaled down.
    expect(PHONE_FIT).toBe(SIZES.narrow.height);
    const fifteen = (csv: string) => `${csv}2000-01,Other services and repairs,4.1\n2010-02,Other services and repairs,8.2\n`;
    for (const type of ['dumbbell', 'arrow']) {
      for (const chart of [fixtureSvg('jobs', { ...CHANGE, type, highlight: 'Construction' }).chart, editedChart({ ...CHANGE, type }, fifteen)]) {
        const rows = changePairs(chart).length;
        const options = plotOptions(chart, SIZES.narrow) as { height: number; marginTop: number; marginBottom: number; y: { padding: number; tickFormat: (name: string) => string } };
        // Plot's point scale: rows spaced evenly, with `padding` rows' worth at each end.
        const spacing = (options.height - options.marginTop - options.marginBottom) / (rows - 1 + 2 * options.y.padding);
        const lines = Math.max(...changePairs(chart).map((p) => options.y.tickFormat(p.name).split('\n').length));
        expect(spacing).toBeGreaterThanOrEqual(lines * 12 + 6);
        // Taller than PHONE_FIT only where rows at their closest need it.
        if (options.height > PHONE_FIT) expect(options.height - options.marginTop - options.marginBottom, `${type}, ${rows} rows`).toBe(rows * (20 + (lines - 1) * 12));
      }
    }
  });

  test('from and to default to the first and last periods of the data', () => {
    const pairs = changePairs(fixtureSvg('jobs', { data: 'industries.rate', type: 'dumbbell' }).chart);
    expect(pairs.every((p) => p.start.period.id === '2000-01' && p.end.period.id === '2010-02')).toBe(true);
  });
});

describe('slope', () => {
  test('names every industry at both ends (values only on the left on a phone), with no two labels overlapping', () => {
    const { wide, narrow, chart } = fixtureSvg('jobs', { ...CHANGE, type: 'slope', highlight: 'Construction' });
    expect(wide).toContain('>27.1% Construction<');
    expect(wide).toContain('>Construction 9.7%<');
    expect(narrow).toContain('>27.1% Construction<');
    for (const size of [SIZES.narrow, SIZES.wide]) {
      const { labels, frame } = slopeLayout(chart, size);
      expect(labels.filter((l) => l.side === 'start')).toHaveLength(14);
      expect(labels.filter((l) => l.side === 'end')).toHaveLength(14);
      for (const side of ['start', 'end']) {
        const boxes = labels.filter((l) => l.side === side).map((l) => ({ top: l.y - l.height / 2, bottom: l.y + l.height / 2 }));
        for (const [i, a] of boxes.entries()) {
          expect(a.top).toBeGreaterThanOrEqual(frame.marginTop - 6);
          expect(a.bottom).toBeLessThanOrEqual(frame.height - frame.marginBottom + 6);
          for (const b of boxes.slice(i + 1)) expect(a.bottom <= b.top || b.bottom <= a.top).toBe(true);
        }
      }
    }
    // The highlighted line in the accent, the others grey.
    expect(wide).toMatch(new RegExp(`stroke="${ACCENT}"`));
    expect(filled(wide, MUTED)).toBe(26);
  });
});

/** A chart on the jobs fixture with `edit` applied to its CSV first. */
function editedChart(spec: Record<string, unknown>, edit: (csv: string) => string) {
  const root = tempProject();
  cpSync(join(CHART_FIXTURES, 'data/jobs'), join(root, 'data/jobs'), { recursive: true });
  writeFileSync(join(root, 'data/jobs/industries.csv'), edit(CSV));
  const problems = new Problems();
  const result = chartData(loadDataset(root, 'jobs', problems)!, chartSchema.parse({ title: 'Fixture chart', ...spec }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.chart;
}

describe('a missing end', () => {
  test('is drawn without its change, shown as a dash, and said; never made up', () => {
    const chart = editedChart({ ...CHANGE, type: 'dumbbell', where: { industry: ['Agriculture', 'Finance'] } }, (csv) => csv.replace('2010-02,Agriculture,18.8\n', ''));
    const agriculture = changePairs(chart).find((p) => p.name === 'Agriculture')!;
    expect(agriculture.start.y).toBe(10.3);
    expect(agriculture.end.y).toBeNull();
    expect(agriculture.change).toBeNull();
    expect(describeChart(chart)).toContain('Agriculture has no figure for Feb 2010 (10.3% in Jan 2000), so its change is not shown.');
    expect(chartTable(chart).rows.find((r) => r.label === 'Agriculture')!.cells).toEqual(['10.3', '—']);
    for (const type of ['dumbbell', 'arrow', 'slope']) {
      const svg = renderChart(plotOptions({ ...chart, type: type as never }, SIZES.wide), 'x');
      expect(svg).not.toContain('18.8');
    }
    const dumbbell = renderChart(plotOptions(chart, SIZES.wide), 'x');
    // Both starts, one end (Finance), and the key.
    expect(filled(dumbbell, MUTED)).toBe(2 + 1);
    expect(filled(dumbbell, PRIMARY)).toBe(1 + 1);
  });
});

describe('states', () => {
  test('two steps of a change chart share a value scale that starts at the data, not at zero', () => {
    const a = fixtureSvg('jobs', { ...CHANGE, type: 'dumbbell', where: { industry: ['Finance', 'Construction'] } }).chart;
    const b = fixtureSvg('jobs', { ...CHANGE, type: 'arrow', where: { industry: ['Finance', 'Construction'] }, highlight: 'Finance' }).chart;
    expect(sharedDomains([a, b]).y).toEqual([2.7, 27.1]);
  });
});

describe("the story's through", () => {
  test('ends the default comparison, and a to: after it is refused', () => {
    const dataset = loadDataset(CHART_FIXTURES, 'jobs', new Problems())!;
    const through = parsePeriod('2008-06')!;
    const result = chartData(dataset, chartSchema.parse({ title: 'T', data: 'industries.rate', type: 'slope' }), through);
    expect(result.ok && changePairs(result.chart).every((p) => p.end.period.id === '2008-06')).toBe(true);
    const late = chartData(dataset, chartSchema.parse({ title: 'T', data: 'industries.rate', type: 'slope', to: '2009-01' }), through);
    expect(late.ok ? [] : late.problems).toEqual([{ field: 'to', message: "to: 2009-01 is after the story's through: 2008-06", hint: 'compare periods up to 2008-06, or move the story\'s through: on' }]);
  });
});

describe('change chart errors, at their line', () => {
  test('a period not in the data names the nearest ones', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: dumbbell\n  from: 1999-06\n')).toEqual([
      `${FIXTURE_SECTION}:5:9  jobs has no rows for 1999-06 — the nearest period in the data: 2000-01`.replace('jobs has', 'industries has'),
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: slope\n  from: 2000-01\n  to: 2005\n')).toEqual([
      `${FIXTURE_SECTION}:6:7  industries has no rows for 2005 — the nearest periods in the data: 2004-12 and 2005-01`,
    ]);
  });

  test('values: on a slope chart, which writes every value, is refused', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: slope\n  values: all\n')).toEqual([
      `${FIXTURE_SECTION}:5:3  a slope chart writes every value at its ends, beside the names — leave values out`,
    ]);
  });

  test('a note on a change chart is refused; a reference line is drawn', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: dumbbell\n  annotations:\n    - { at: Finance, text: Banks }\n')).toEqual([
      `${FIXTURE_SECTION}:6:7  a dumbbell chart takes reference lines (value:) only, and annotation "Banks" is not one — say it in the caption or the text`,
    ]);
    const { wide } = fixtureSvg('jobs', { ...CHANGE, type: 'arrow', annotations: [{ value: 10, text: 'One in ten' }] });
    expect(wide).toContain('>One in ten<');
  });

  test('a table without categories, series on a change chart, the same period twice', () => {
    const noCategories = {
      'dataset.yaml': (text: string) => text.replace(/^ {6}industry: .*\n/m, ''),
      'industries.csv': (csv: string) => csv.split('\n').filter((l) => l.startsWith('period') || l.includes(',Finance,')).map((l) => l.split(',').filter((_, i) => i !== 1).join(',')).join('\n'),
    };
    expect(checkChart('jobs', '  data: industries.rate\n  type: arrow\n', noCategories)).toEqual([
      `${FIXTURE_SECTION}:4:9  an arrow chart compares categories, and table industries has none — use type: line to show the change over time`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: slope\n  series: industry\n')).toEqual([
      `${FIXTURE_SECTION}:5:3  a slope chart has one line per category of x, and no series — leave series out; pick the categories with where: { industry: [...] }`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: dumbbell\n  from: 2003-04\n  to: 2003-04\n')).toEqual([
      `${FIXTURE_SECTION}:5:9  a dumbbell chart compares two periods, and from and to are both 2003-04 — give from: the earlier period and to: the later one`,
    ]);
  });
});
