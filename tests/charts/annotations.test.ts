import { describe, expect, test } from 'vitest';
import { checkChart, fixtureSvg, FIXTURE_SECTION } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';

const JOBS = { data: 'industries.rate', where: { industry: 'Construction' }, from: '2007-01' };
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));

describe('annotations', () => {
  test('a reference line is a dashed rule at its value, labelled, and the axis stretches to show it', () => {
    const { wide, narrow, chart } = fixtureSvg('jobs', { ...JOBS, annotations: [{ value: 40, text: 'Forty per cent' }] });
    for (const svg of [wide, narrow]) {
      expect(svg).toMatch(/stroke-dasharray="4 3"/);
      expect(texts(svg)).toContain('Forty per cent');
      // The data peaks below 30%: the axis reaches the line.
      expect(texts(svg)).toContain('40%');
    }
    expect(describeChart(chart)).toContain('A line marks Forty per cent (40%).');
  });

  test('a shaded span is a rect behind the data, clipped to the chart, labelled above the plot', () => {
    const { wide, chart } = fixtureSvg('jobs', { ...JOBS, annotations: [{ from: '2007-12', to: '2009-06', text: 'Recession' }, { from: '2009-10', text: 'To the end' }] });
    const rects = [...wide.matchAll(/<g fill-opacity="0.09"><rect\b/g)];
    expect(rects).toHaveLength(2);
    // Drawn before (under) the line.
    expect(wide.indexOf('fill-opacity="0.09"')).toBeLessThan(wide.indexOf('stroke="#'));
    expect(texts(wide)).toEqual(expect.arrayContaining(['Recession', 'To the end']));
    expect(describeChart(chart)).toContain('Shaded: Recession, Dec 2007 to Jun 2009.');
    expect(describeChart(chart)).toContain('Shaded: To the end, Oct 2009 to Feb 2010.');
  });

  test('an event marker is a dashed vertical rule at the start of its period', () => {
    const { wide, chart } = fixtureSvg('jobs', { ...JOBS, annotations: [{ event: '2008-09', text: 'Lehman collapses' }] });
    expect(wide).toMatch(/stroke-dasharray="3 3"/);
    expect(texts(wide)).toContain('Lehman collapses');
    expect(describeChart(chart)).toContain('Marked: Lehman collapses, Sep 2008.');
  });

  test('a note at a data point is written into the description, with its period and series', () => {
    const { chart } = fixtureSvg('jobs', { ...JOBS, annotations: [{ at: '2009-06', text: 'The peak' }] });
    expect(describeChart(chart)).toContain('Note at Jun 2009: The peak.');
    const bySeries = fixtureSvg('jobs', { data: 'industries.rate', series: 'industry', where: { industry: ['Construction', 'Finance'] }, from: '2009-01', annotations: [{ at: '2009-06', series: 'Finance', text: 'Finance peaks.' }] });
    expect(describeChart(bySeries.chart)).toContain('Note at Jun 2009 (Finance): Finance peaks.');
  });

  test('labels above the plot that would touch go to separate rows, and the top margin grows for them', () => {
    const one = fixtureSvg('jobs', { ...JOBS, annotations: [{ event: '2008-09', text: 'Lehman collapses' }] }).narrow;
    const two = fixtureSvg('jobs', { ...JOBS, annotations: [{ event: '2008-09', text: 'Lehman collapses' }, { event: '2008-10', text: 'Bailout passes' }] }).narrow;
    const lineTop = (svg: string) => Number(/stroke-dasharray="3 3"[^>]*><line[^>]*y1="([\d.]+)"/.exec(svg)?.[1]);
    expect(lineTop(two)).toBeGreaterThan(lineTop(one));
    expect(two).toContain('Bailout passes');
  });

  test('a highlighted bar has its value written on it; values: all labels bars that have room; none writes none', () => {
    const spec = { ...JOBS, type: 'bar', from: '2009-01', highlight: '2009-06' };
    expect(texts(fixtureSvg('jobs', spec).wide)).toContain('17.4%');
    expect(texts(fixtureSvg('jobs', { ...spec, values: 'none' }).wide)).not.toContain('17.4%');
    const all = texts(fixtureSvg('jobs', { ...spec, values: 'all' }).wide).filter((t) => /^\d+(\.\d)?%$/.test(t) && !['0%', '5%', '10%', '15%', '20%', '25%', '30%'].includes(t));
    expect(all.length).toBeGreaterThan(8);
    const allNarrow = texts(fixtureSvg('jobs', { ...spec, values: 'all' }).narrow).filter((t) => /^\d+\.\d%$/.test(t));
    // Fewer fit on a phone: the rest are left out rather than overlapped.
    expect(allNarrow.length).toBeLessThan(all.length);
    expect(allNarrow).toContain('17.4%');
  });
});

describe('bars over time', () => {
  test('are a fifth of their width apart, at both widths', () => {
    const { wide, narrow } = fixtureSvg('jobs', { ...JOBS, type: 'bar', from: '2009-01' });
    for (const svg of [wide, narrow]) {
      const attr = (rect: string, name: string) => Number(new RegExp(` ${name}="([\\d.]+)"`).exec(rect)?.[1]);
      const bars = [...svg.matchAll(/<rect\b[^>]*>/g)].map(([rect]) => ({ x: attr(rect, 'x'), width: attr(rect, 'width'), fill: /fill="#3a78c9"/.test(rect) })).filter((b) => b.fill);
      if (svg === narrow && bars.length === 0) continue; // shown through <use> of the wide bars
      expect(bars.length).toBeGreaterThan(10);
      for (let i = 1; i < bars.length; i++) {
        const pitch = bars[i].x - bars[i - 1].x;
        const gap = pitch - bars[i - 1].width;
        expect(gap / pitch).toBeGreaterThan(0.15);
        expect(gap / pitch).toBeLessThan(0.25);
      }
    }
  });
});

describe('category names under bars', () => {
  const FOUR = ['Government', 'Manufacturing', 'Leisure and hospitality', 'Transportation and Utilities'];
  const spec = { data: 'industries.rate', type: 'bar', x: 'industry', series: 'year', layout: 'group', where: { industry: FOUR, year: [2008, 2009] }, from: '2009-12', to: '2010-01' };

  test('wrap to their band on a phone, and stay on one line where they fit', () => {
    const { wide, narrow } = fixtureSvg('jobs', spec);
    const tick = (svg: string, name: string) => new RegExp(`<text[^>]*>(?:(?!</text>)[\\s\\S])*${name.split(' ')[0]}`).exec(svg)?.[0] ?? '';
    // 358 px shared by four groups: the two-word names take two lines or more.
    expect(tick(narrow, 'Transportation and Utilities')).toMatch(/<tspan/);
    expect(tick(narrow, 'Leisure and hospitality')).toMatch(/<tspan/);
    expect(tick(wide, 'Government')).not.toMatch(/<tspan/);
  });
});

describe('annotation errors, at their line', () => {
  const section = FIXTURE_SECTION;
  test('an annotation that says neither where nor what kind', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  where: { industry: Finance }\n  annotations:\n    - { text: "Nowhere" }\n')).toEqual([
      `${section}:6:7  annotation "Nowhere" needs exactly one of at, value, from or event — at: a drawn value to note; value: a reference line; from (and to): a shaded span; event: a marker line at a period`,
    ]);
  });

  test('a span outside the chart, a span backwards, and an event on a category chart', () => {
    const problems = checkChart('jobs', '  data: industries.rate\n  where: { industry: Finance }\n  annotations:\n    - { from: 2012-01, text: "Later" }\n    - { from: 2005-06, to: 2005-01, text: "Backwards" }\n');
    expect(problems).toEqual([
      `${section}:6:15  span "Later" from 2012-01 lies outside the chart (it runs Jan 2000 to Feb 2010) — shade periods the chart draws, or widen from/to`,
      `${section}:7:28  span "Backwards" ends before it starts (2005-06 to 2005-01) — write the earlier period in from:`,
    ]);
    const onBars = checkChart('jobs', '  data: industries.rate\n  type: barX\n  x: industry\n  from: 2010-02\n  annotations:\n    - { event: 2010-02, text: "Now" }\n');
    expect(onBars).toEqual([
      `${section}:8:16  an event marker needs a time axis, and this chart's x is a category — use x: period or x: month, or write a note with at:`,
    ]);
  });

  test('a malformed period in an annotation', () => {
    expect(checkChart('jobs', '  data: industries.rate\n  where: { industry: Finance }\n  annotations:\n    - { event: "Sept 2008", text: "Lehman" }\n')).toEqual([
      `${section}:6:16  malformed period event: "Sept 2008" — write YYYY-MM`,
    ]);
  });
});
