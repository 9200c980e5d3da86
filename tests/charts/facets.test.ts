import { describe, expect, test } from 'vitest';
import { checkChart, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { facetColumns, facetPanels } from '../../src/lib/charts/facets.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { chartTable } from '../../src/lib/charts/table.ts';
import { ACCENT, PRIMARY } from '../../src/lib/charts/palette.ts';

const FACET = { data: 'industries.rate', facet: 'industry', from: '2007-01' };
const paths = (svg: string) => [...svg.matchAll(/<path\b[^>]*stroke="(#[0-9a-fA-F]+)"[^>]*>/g)].map((m) => m[1]);
const section = FIXTURE_SECTION;

describe('small multiples', () => {
  test('one panel per category, titled, in a grid of 3 columns on a phone and 4 on a wide screen', () => {
    const { narrow, wide, chart } = fixtureSvg('jobs', FACET);
    const industries = [...new Set(chart.data.map((d) => d.category!.industry))];
    expect(industries).toHaveLength(14);
    expect(facetPanels(chart, SIZES.narrow.width).map((p) => p.name)).toEqual(industries);
    expect(Math.max(...facetPanels(chart, SIZES.narrow.width).map((p) => p.col)) + 1).toBe(3);
    expect(Math.max(...facetPanels(chart, SIZES.wide.width).map((p) => p.col)) + 1).toBe(4);
    for (const svg of [narrow, wide]) {
      expect(paths(svg).filter((c) => c === PRIMARY)).toHaveLength(14);
      for (const name of industries.filter((n) => n.length < 20)) expect(svg).toContain(`>${name}<`);
    }
    // On a phone the five rows are held to about the height of other charts, to show whole when pinned.
    expect(plotOptions(chart, SIZES.narrow).height!).toBeLessThanOrEqual(420);
    expect(facetColumns(3, SIZES.wide.width)).toBe(3);
    expect(facetColumns(4, SIZES.narrow.width)).toBe(2);
  });

  test('facetColumns() balances the grid: 4 panels make 2×2, not 3 and 1; no narrower grid has as few rows', () => {
    const wide = SIZES.wide.width;
    const narrow = SIZES.narrow.width;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12].map((n) => facetColumns(n, wide))).toEqual([1, 2, 3, 2, 3, 3, 4, 4, 3, 4, 4]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14].map((n) => facetColumns(n, narrow))).toEqual([1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    for (const width of [narrow, wide]) {
      for (let n = 1; n <= 24; n++) {
        const cols = facetColumns(n, width);
        const rows = Math.ceil(n / cols);
        // As few rows as the widest grid allowed at this width (2 or 3 on a phone, 3 or 4 wide) ...
        const most = width < 480 ? (n <= 6 ? 2 : 3) : n <= 6 ? 3 : 4;
        expect(rows, `${n} panels at ${width}px`).toBe(Math.ceil(n / most));
        // ... and one column fewer would need another row: the last row is as full as it can be.
        if (cols > 1) expect(Math.ceil(n / (cols - 1)), `${n} panels at ${width}px`).toBeGreaterThan(rows);
      }
    }
    // Four panels of a chart, drawn wide: two rows of two.
    const { chart } = fixtureSvg('jobs', { ...FACET, where: { industry: ['Construction', 'Finance', 'Government', 'Manufacturing'] } });
    expect(facetPanels(chart, wide).map((p) => [p.col, p.row])).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
  });

  test('every panel shares one value scale: the axis is drawn on the left column only, once per row', () => {
    const { narrow } = fixtureSvg('jobs', FACET);
    // The y axis is drawn in the first column of each of the 5 rows, with the same ticks each time.
    const ticks = [...narrow.matchAll(/<text\b[^>]*>([^<]*%)<\/text>/g)].map((m) => m[1]);
    const perRow = ticks.length / 5;
    expect(perRow).toBeGreaterThanOrEqual(2);
    for (let row = 1; row < 5; row++) expect(ticks.slice(row * perRow, (row + 1) * perRow)).toEqual(ticks.slice(0, perRow));
    const options = plotOptions(fixtureSvg('jobs', FACET).chart, SIZES.narrow);
    expect((options.fx as { domain: number[] }).domain).toEqual([0, 1, 2]);
    expect((options.fy as { domain: number[] }).domain).toHaveLength(5);
  });

  test('a highlighted panel\'s line takes the accent, the others stay in the primary colour', () => {
    const { wide, chart } = fixtureSvg('jobs', { ...FACET, highlight: 'Construction' });
    expect(paths(wide).filter((c) => c === ACCENT)).toHaveLength(1);
    expect(paths(wide).filter((c) => c === PRIMARY)).toHaveLength(13);
    expect(facetPanels(chart, 640).filter((p) => p.highlight).map((p) => p.name)).toEqual(['Construction']);
  });

  test('twelve panels fit their weight budget and are described panel by panel', async () => {
    const twelve = ['Agriculture', 'Business services', 'Construction', 'Education and Health', 'Finance', 'Government', 'Information', 'Leisure and hospitality', 'Manufacturing', 'Mining and Extraction', 'Other', 'Self-employed'];
    const { chart } = fixtureSvg('jobs', { data: 'industries.rate', facet: 'industry', where: { industry: twelve } });
    const text = describeChart(chart);
    expect(text).toMatch(/^Small multiples of unemployment rate \(per cent\), one line chart per industry, 12 panels on the same scale, Jan 2000 to Feb 2010\./);
    for (const name of twelve) expect(text).toContain(`${name}: `);
    expect(chartTable(chart).columns).toHaveLength(13);
  });

  test('facet: series draws a panel per series; bars work in panels too', () => {
    const { wide, chart } = fixtureSvg('jobs', { data: 'industries.rate', type: 'bar', facet: 'series', series: 'year', where: { industry: 'Construction', year: [2007, 2008, 2009] } });
    expect(facetPanels(chart, 640).map((p) => p.name)).toEqual(['2007', '2008', '2009']);
    expect(wide.match(/<rect\b[^>]*fill="#/g)).toHaveLength(36);
  });

  test('bars over the months of a year (x: month) draw in panels, a year a panel, each month its own bar', () => {
    const { wide, narrow, chart } = fixtureSvg('jobs', { data: 'industries.rate', type: 'bar', x: 'month', series: 'year', facet: 'series', where: { industry: 'Construction', year: [2007, 2008, 2009] } });
    expect(facetPanels(chart, 640).map((p) => p.name)).toEqual(['2007', '2008', '2009']);
    for (const svg of [wide, narrow]) {
      const widths = [...svg.matchAll(/<rect\b[^>]*fill="#[^"]+"[^>]*width="([\d.]+)"|<rect\b[^>]*width="([\d.]+)"[^>]*fill="#/g)].map((m) => Number(m[1] ?? m[2]));
      expect(widths).toHaveLength(36);
      for (const w of widths) expect(w).toBeGreaterThan(1);
    }
  });

  test('chartTable() of a chart along the months of the year has a row per month and a column per year', () => {
    const { chart } = fixtureSvg('jobs', { data: 'industries.rate', type: 'bar', x: 'month', series: 'year', facet: 'series', where: { industry: 'Construction', year: [2007, 2008, 2009] } });
    const table = chartTable(chart);
    expect(table.columns[0]).toBe('Month');
    expect(table.columns.slice(1).map((c) => c.slice(0, 4))).toEqual(['2007', '2008', '2009']);
    expect(table.rows.map((r) => r.label)).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
    // Every cell holds its year's figure for that month.
    const january2009 = chart.data.find((d) => d.period.id === '2009-01')!;
    expect(table.rows[0].cells[2]).toBe(String(january2009.y));
    expect(table.rows.flatMap((r) => r.cells)).not.toContain('—');
  });

  test('spans and reference lines run through every panel, labelled once; highlighted periods get a dot in each panel', () => {
    const { wide, chart } = fixtureSvg('jobs', { ...FACET, highlight: '2009-06', annotations: [{ from: '2007-12', to: '2009-06', text: 'Recession' }, { value: 20, text: 'One in five' }] });
    expect(wide.match(/>Recession</g)).toHaveLength(1);
    expect(wide.match(/>One in five</g)).toHaveLength(1);
    expect(wide.match(/stroke-dasharray="4 3"/g)?.length).toBeGreaterThanOrEqual(1);
    // One dot per panel, in a mark whose one colour (on its group) is the accent.
    expect(wide.match(/<circle/g)).toHaveLength(14);
    expect(wide).toMatch(new RegExp(`<g\\b[^>]*fill="${ACCENT}"[^>]*>(<g\\b[^>]*>)?<circle`));
    expect(describeChart(chart)).toContain('Shaded: Recession, Dec 2007 to Jun 2009.');
  });

  test('a note with at: is drawn at its value in the panel its series names, beside it', () => {
    const where = { industry: ['Construction', 'Finance', 'Government', 'Manufacturing'] };
    const { narrow, wide } = fixtureSvg('jobs', { ...FACET, where, from: '2009-01', annotations: [{ at: '2010-02', text: 'Peak', series: 'Construction' }, { at: '2009-01', text: 'Banks', series: 'Finance' }] });
    for (const svg of [narrow, wide]) {
      // Plot draws each panel's marks in a group moved to the panel: the ring is in its panel's, with the panel's title.
      const groupOf = (inner: string) => svg.match(new RegExp(`<g transform="(translate\\([^)]*\\))"[^>]*>${inner}`))?.[1];
      const rings = [...svg.matchAll(/<g transform="(translate\([^)]*\))"[^>]*><circle r="6" cy="([\d.]+)" cx="([\d.]+)"/g)];
      expect(rings).toHaveLength(2);
      expect(rings.map((r) => r[1])).toEqual([groupOf('<text[^>]*>Construction<'), groupOf('<text[^>]*>Finance<')]);
      // In panel coordinates, February 2010 is at the right end of the time axis, January 2009 at the left.
      expect(Number(rings[0][3]) - Number(rings[1][3])).toBeGreaterThan(100);
      expect(svg).toContain('>Peak<');
      expect(svg).toContain('>Banks<');
      // Beside it: no connecting line, which a panel has no room for.
      expect(svg).not.toMatch(/<line x1=/);
    }
  });

  test('values: writes the highlighted period\'s value in every panel by default, every value that has room with all, none with none', () => {
    const where = { industry: ['Construction', 'Finance', 'Government', 'Manufacturing'] };
    const spec = { ...FACET, type: 'bar', where, from: '2009-01', highlight: '2010-02' };
    const values = (svg: string) => [...svg.matchAll(/<text[^>]*>([\d.]+%)<\/text>/g)].map((m) => m[1]).filter((t) => !/^(0|10|20|30)%$/.test(t));
    const { narrow, wide, chart } = fixtureSvg('jobs', spec);
    const feb = where.industry.map((name) => `${chart.data.find((d) => d.series === name && d.period.id === '2010-02')!.y}%`);
    for (const svg of [narrow, wide]) expect(values(svg).sort()).toEqual([...feb].sort());
    const all = fixtureSvg('jobs', { ...spec, type: 'dot', from: '2009-10', values: 'all' });
    for (const svg of [all.narrow, all.wide]) {
      const written = values(svg);
      expect(written.length).toBeGreaterThan(8);
      for (const text of written) expect(all.chart.data.some((d) => `${d.y}%` === text)).toBe(true);
    }
    expect(values(fixtureSvg('jobs', { ...spec, values: 'none' }).wide)).toEqual([]);
  });

  test('misuse is reported at the field, with did-you-mean', () => {
    // Every panel has the period: a note must say which panel it is in.
    expect(checkChart('jobs', '  data: industries.rate\n  facet: industry\n  where: { industry: [Finance, Construction] }\n  annotations:\n    - { at: 2009-06, text: "Peak" }\n')).toEqual([
      `${section}:7:13  note "Peak" at 2009-06 could be in any of the 2 panels — name its panel with series:, e.g. series: "Construction"`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  facet: industy\n')).toEqual([
      `${section}:4:10  table industries has no category column "industy" to draw panels by — did you mean "industry"?`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  facet: series\n  where: { industry: Finance }\n')).toEqual([
      `${section}:4:10  facet: series draws one panel per series, and this chart has none — use facet: industry, or add series:`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: barX\n  facet: industry\n  from: 2010-02\n')).toEqual([
      `${section}:5:10  facet: draws small multiples of lines, areas, bars or dots, and this chart is type: barX — use type: line, area, bar or dot, or leave facet out`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  facet: industry\n  series: year\n')[0]).toContain('series: year would split each panel again');
    expect(checkChart('jobs', '  data: industries.rate\n  type: bar\n  layout: stack\n  facet: industry\n')).toEqual([
      `${section}:6:10  facet: draws small multiples, which cannot also be layout: stack — keep one of facet: and layout:`,
    ]);
  });
});
