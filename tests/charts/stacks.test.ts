import { describe, expect, test } from 'vitest';
import { checkChart, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { stackExtent, stackLayers, stackOrder, stackTotals } from '../../src/lib/charts/stack.ts';
import { chartCsv, chartTable } from '../../src/lib/charts/table.ts';
import { sharedDomains } from '../../src/lib/charts/states.ts';
import { ACCENT, MUTED } from '../../src/lib/charts/palette.ts';

const THREE = ['Construction', 'Manufacturing', 'Finance'];
const STACK = { data: 'industries.rate', type: 'bar', layout: 'stack', series: 'industry', where: { industry: THREE }, from: '2009-01' };
const rects = (svg: string) => [...svg.matchAll(/<rect\b[^>]*>/g)].map((m) => m[0]);
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
const section = FIXTURE_SECTION;
const num = (tag: string, name: string) => Number(tag.match(new RegExp(` ${name}="([-\\d.]+)"`))?.[1] ?? Number.NaN);

describe('stacked bars and areas', () => {
  test('each period\'s layers pile up from zero to the sum of its values, highlighted series on the baseline', () => {
    const { chart } = fixtureSvg('jobs', { ...STACK, highlight: 'Finance' });
    expect(stackOrder(chart)[0]).toBe('Finance');
    const layers = stackLayers(chart);
    const byPeriod = Map.groupBy(layers, (l) => l.period.id);
    expect(byPeriod.size).toBe(14);
    for (const [period, list] of byPeriod) {
      const values = chart.data.filter((d) => d.period.id === period).map((d) => d.y!);
      const sum = values.reduce((a, b) => a + b, 0);
      expect(list.map((l) => l.series)).toEqual(stackOrder(chart));
      expect(list[0].y1).toBe(0);
      for (let i = 1; i < list.length; i++) expect(list[i].y1).toBeCloseTo(list[i - 1].y2, 9);
      expect(list.at(-1)!.y2).toBeCloseTo(sum, 9);
    }
    expect(stackTotals(chart).map((t) => t.total)).toEqual([...byPeriod.values()].map((list) => list.at(-1)!.y2).map((v) => expect.closeTo(v, 9)));
  });

  test('negative values stack below zero', () => {
    const { chart } = fixtureSvg('jobs', STACK);
    const twisted = { ...chart, data: chart.data.map((d) => (d.series === 'Finance' ? { ...d, y: -d.y! } : d)) };
    for (const l of stackLayers(twisted)) {
      if (l.series === 'Finance') expect([l.y1, l.y2]).toEqual([0, l.y!]);
      else expect(l.y1).toBeGreaterThanOrEqual(0);
    }
    expect(stackExtent(twisted)[0]).toBeLessThan(0);
  });

  test('draws one bar segment per value at both sizes, a highlighted series in the accent over grey, each layer named once', () => {
    const { narrow, wide, chart } = fixtureSvg('jobs', { ...STACK, highlight: 'Construction' });
    for (const svg of [narrow, wide]) {
      const bars = rects(svg).filter((r) => /fill="#/.test(r));
      expect(bars).toHaveLength(14 * 3);
      expect(bars.filter((r) => r.includes(`fill="${ACCENT}"`))).toHaveLength(14);
      expect(bars.filter((r) => r.includes(`fill="${MUTED}"`))).toHaveLength(28);
      for (const name of THREE) expect(texts(svg).filter((t) => t === name)).toHaveLength(1);
      expect(svg).toContain('class="stacked"');
    }
    // The value axis reaches the tallest stack, not the tallest value.
    const y = plotOptions(chart, SIZES.wide).y as { domain: number[] };
    const tallest = Math.max(...stackTotals(chart).map((t) => t.total));
    expect(y.domain[1]).toBeGreaterThanOrEqual(tallest);
    expect(Math.max(...chart.data.map((d) => d.y!))).toBeLessThan(tallest / 1.5);
  });

  test('states of a stacked chart share a value axis tall enough for the stacks', () => {
    const { chart } = fixtureSvg('jobs', STACK);
    expect(sharedDomains([chart]).y![1]).toBeCloseTo(stackExtent(chart)[1], 9);
  });

  test('a stacked area is described with its total, and its table and CSV hold each series\' own values', () => {
    const { narrow, chart } = fixtureSvg('jobs', { ...STACK, type: 'area', from: '2009-10' });
    const text = describeChart(chart);
    const totals = stackTotals(chart);
    expect(text).toMatch(/^Stacked area chart of unemployment rate \(per cent\), 3 industry series, Oct 2009 to Feb 2010\. The total rises from /);
    expect(text).toContain(`from ${+totals[0].total.toFixed(1)}% in Oct 2009 to ${+totals.at(-1)!.total.toFixed(1)}% in Feb 2010`);
    expect(narrow.match(/<path\b[^>]*fill="#/g)).toHaveLength(3);
    const table = chartTable(chart);
    expect(table.columns).toEqual(['Period', 'Construction (%)', 'Finance (%)', 'Manufacturing (%)']);
    expect(table.rows).toHaveLength(5);
    expect(chartCsv(chart).trimEnd().split('\n')).toHaveLength(1 + 15);
  });

  test('grouped bars stand side by side within each category, with a key above and no labels on the bars', () => {
    const spec = { data: 'industries.rate', type: 'bar', layout: 'group', x: 'industry', series: 'year', where: { industry: THREE }, from: '2008-12', to: '2009-01' };
    const { wide, narrow, chart } = fixtureSvg('jobs', spec);
    expect(chart.xKind).toBe('category');
    for (const svg of [wide, narrow]) {
      const bars = rects(svg).filter((r) => /fill="#/.test(r));
      expect(bars).toHaveLength(6);
      // Two series share each category's band without overlapping.
      const spans = bars.map((r) => [Number(r.match(/ x="([\d.]+)"/)![1]), Number(r.match(/ width="([\d.]+)"/)![1])]).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][0] + spans[i - 1][1] - 0.01);
      expect(texts(svg)).toEqual(expect.arrayContaining(['2008', '2009']));
    }
    // Each bar is named with its series in the description.
    expect(describeChart(chart)).toMatch(/^Grouped bar chart of unemployment rate .*Construction \(2009\) [\d.]+%/);
  });

  test('a note at a series points at the middle of its layer; without one, at the top of the stack', () => {
    const notes = [{ at: '2009-06', text: 'Building slump', series: 'Construction' }, { at: '2010-02', text: 'Highest total' }];
    const { narrow, wide } = fixtureSvg('jobs', { ...STACK, highlight: 'Construction', annotations: notes });
    for (const svg of [narrow, wide]) {
      const rings = [...svg.matchAll(/<circle r="6" cy="([\d.]+)" cx="([\d.]+)"/g)].map((m) => ({ y: Number(m[1]), x: Number(m[2]) }));
      expect(rings).toHaveLength(2);
      // The layers' rects by period, left to right: June 2009 is the sixth of 14, February 2010 the last.
      const boxes = rects(svg).filter((r) => /fill="#/.test(r) || / y="/.test(r)).map((r) => ({ r, x: num(r, 'x'), y: num(r, 'y'), width: num(r, 'width'), height: num(r, 'height') })).filter((b) => b.height > 0 && b.width < 60);
      const columns = [...new Set(boxes.map((b) => b.x))].sort((a, b) => a - b);
      expect(columns).toHaveLength(14);
      const inColumn = (i: number) => boxes.filter((b) => b.x === columns[i]);
      const june = inColumn(5).find((b) => b.r.includes(ACCENT))!;
      expect(rings[0].x).toBeGreaterThan(june.x);
      expect(rings[0].x).toBeLessThan(june.x + june.width);
      expect(rings[0].y).toBeCloseTo(june.y + june.height / 2, 0);
      const last = inColumn(13);
      expect(rings[1].x).toBeGreaterThan(last[0].x);
      expect(rings[1].y).toBeCloseTo(Math.min(...last.map((b) => b.y)), 0);
      expect(svg).toContain('>Building slump<');
      expect(svg).toContain('>Highest total<');
    }
  });

  test('a note on grouped bars points at the top of its series\' bar; without a series it is refused', () => {
    const spec = { data: 'industries.rate', type: 'bar', layout: 'group', x: 'industry', series: 'year', where: { industry: THREE }, from: '2008-12', to: '2009-01' };
    const { narrow, wide } = fixtureSvg('jobs', { ...spec, annotations: [{ at: 'Construction', series: '2009', text: 'Worst hit' }] });
    for (const svg of [narrow, wide]) {
      // Plot moves a dot on a band scale to the band's middle by its group's transform; the note's shift adds to it.
      const ring = svg.match(/<g transform="translate\(([\d.]+),0\)"[^>]*><circle r="6" cy="([\d.]+)" cx="([\d.]+)"/)!;
      const [ringX, ringY] = [Number(ring[1]) + Number(ring[3]), Number(ring[2])];
      const bars = rects(svg).filter((r) => /fill="#/.test(r)).map((r) => ({ x: num(r, 'x'), y: num(r, 'y'), width: num(r, 'width') }));
      // Construction in 2009 is the tallest bar.
      const tallest = bars.reduce((a, b) => (b.y < a.y ? b : a));
      expect(ringX).toBeCloseTo(tallest.x + tallest.width / 2, 0);
      expect(ringY).toBeCloseTo(tallest.y, 0);
      expect(svg).toContain('>Worst hit<');
    }
    expect(checkChart('jobs', '  data: industries.rate\n  type: bar\n  layout: group\n  x: industry\n  series: year\n  annotations:\n    - { at: Construction, text: "Worst hit" }\n')).toEqual([
      `${section}:9:13  note "Worst hit" at Construction names no series, and grouped bars have a bar per series there — add series: with the year of the bar it points at`,
    ]);
  });

  test('values: writes stack totals above the stacks: the highlighted period\'s by default, every one with all, none with none', () => {
    const totalOf = (chart: ReturnType<typeof fixtureSvg>['chart'], period: string) => chart.data.filter((d) => d.period.id === period).reduce((sum, d) => sum + d.y!, 0);
    const percent = (t: string) => /^\d+(\.\d)?%$/.test(t) && !/^(0|10|20|30|40|50)%$/.test(t);
    const highlighted = fixtureSvg('jobs', { ...STACK, highlight: '2009-06' });
    const june = `${+totalOf(highlighted.chart, '2009-06').toFixed(1)}%`;
    for (const svg of [highlighted.narrow, highlighted.wide]) {
      expect(texts(svg).filter(percent)).toEqual([june]);
      // Above the top of its stack: the label's y is above every rect of the sixth column.
      // Plot writes the label at the stack's top and lifts its group by dy.
      const label = svg.match(new RegExp(`<g transform="translate\\(0,(-[\\d.]+)\\)"[^>]*><text[^>]*transform="translate\\(([\\d.]+),([\\d.]+)\\)"[^>]*>${june}</text>`))!;
      const column = rects(svg).filter((r) => /fill="#/.test(r)).filter((r) => Math.abs(num(r, 'x') + num(r, 'width') / 2 - Number(label[2])) < num(r, 'width') / 2);
      expect(column).toHaveLength(3);
      expect(Number(label[3])).toBeCloseTo(Math.min(...column.map((r) => num(r, 'y'))), 0);
      expect(Number(label[1])).toBeLessThan(0);
    }
    const all = fixtureSvg('jobs', { ...STACK, from: '2009-06', values: 'all' });
    const periods = [...new Set(all.chart.data.map((d) => d.period.id))];
    expect(texts(all.wide).filter(percent)).toEqual(periods.map((p) => `${+totalOf(all.chart, p).toFixed(1)}%`));
    expect(texts(all.narrow).filter(percent).length).toBeGreaterThan(3);
    expect(texts(fixtureSvg('jobs', { ...STACK, highlight: '2009-06', values: 'none' }).wide).filter(percent)).toEqual([]);
    // A stacked area writes its totals too.
    expect(texts(fixtureSvg('jobs', { ...STACK, type: 'area', highlight: '2009-06' }).wide).filter(percent)).toEqual([`${+totalOf(highlighted.chart, '2009-06').toFixed(1)}%`]);
  });

  test('a grouped chart\'s key names every series with its colour, grey ones too, in the order of the bars', () => {
    const swatches = (svg: string) => [...svg.matchAll(/<circle fill="(#[0-9a-f]+)" r="4" cy="([\d.]+)" cx="[\d.]+" \/><text[^>]*>([^<]+)<\/text>/g)];
    const key = (svg: string) => swatches(svg).map((m) => [m[3], m[1]]);
    const spec = { data: 'industries.rate', type: 'bar', layout: 'group', x: 'industry', series: 'year', where: { industry: THREE }, from: '2008-12', to: '2009-01' };
    const highlighted = fixtureSvg('jobs', { ...spec, highlight: '2009' });
    for (const svg of [highlighted.narrow, highlighted.wide]) {
      expect(key(svg)).toEqual([['2008', MUTED], ['2009', ACCENT]]);
    }
    // Six series, none highlighted: all grey, and still each named.
    const six = { data: 'industries.rate', type: 'bar', layout: 'group', x: 'period', series: 'industry', where: { industry: [...THREE, 'Government', 'Agriculture', 'Information'] }, from: '2009-11' };
    const { wide, chart } = fixtureSvg('jobs', six);
    const names = [...new Set(chart.data.map((d) => d.series))];
    expect(names).toHaveLength(6);
    expect(key(wide)).toEqual(names.map((name) => [name, MUTED]));
    // The key's rows are room taken above the plot, not drawn over it.
    const options = plotOptions(chart, SIZES.narrow);
    const rows = new Set(swatches(fixtureSvg('jobs', six).narrow).map((m) => m[2]));
    expect(rows.size).toBeGreaterThan(1);
    expect(options.marginTop!).toBeGreaterThanOrEqual(28 + rows.size * 14);
  });

  test('values: all on grouped bars writes each bar\'s value over its own bar', () => {
    const spec = { data: 'industries.rate', type: 'bar', layout: 'group', x: 'industry', series: 'year', where: { industry: THREE }, from: '2008-12', to: '2009-01', values: 'all' };
    const { wide, chart } = fixtureSvg('jobs', spec);
    const bars = rects(wide).filter((r) => /fill="#/.test(r)).map((r) => ({ centre: num(r, 'x') + num(r, 'width') / 2, top: num(r, 'y') }));
    // A label's x is its group's shift plus its own.
    const labels = [...wide.matchAll(/<g transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*class="halo">((?:<text[^>]*>[^<]*<\/text>)+)<\/g>/g)].flatMap((g) =>
      [...g[3].matchAll(/translate\(([\d.]+),([\d.]+)\)"[^>]*>([^<]+)</g)].map((t) => ({ x: Number(g[1]) + Number(t[1]), y: Number(t[2]), text: t[3] })),
    );
    expect(labels).toHaveLength(6);
    for (const d of chart.data) {
      const label = labels.find((l) => l.text === `${d.y}%`)!;
      const bar = bars.find((b) => Math.abs(b.centre - label.x) < 1)!;
      expect(bar, `${d.label} ${d.series}`).toBeDefined();
      expect(bar.top).toBeCloseTo(label.y, 0);
    }
  });

  test('misuse is reported at the field with a hint', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  type: bar\n  layout: stack\n  where: { industry: Finance }\n')).toEqual([
      `${section}:5:11  layout: stack needs series: to split the bars into — add series: industry (or another category column), or list several keys in data:`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: line\n  layout: stack\n  series: industry\n')).toEqual([
      `${section}:5:11  layout: stack piles up bars or areas, and this chart is type: line — use type: bar or type: area`,
    ]);
    expect(checkChart('jobs', '  data: industries.rate\n  type: area\n  layout: group\n  series: industry\n')).toEqual([
      `${section}:5:11  layout: group sets bars side by side, and this chart is type: area — use layout: stack for areas`,
    ]);
  });
});
