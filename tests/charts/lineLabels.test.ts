import { describe, expect, test } from 'vitest';
import * as Plot from '@observablehq/plot';
import { labelLines, labelWidth, layoutEndLabels, leaderLines, stackHeight } from '../../src/lib/charts/lineLabels.ts';
import { serverDocument } from '../../src/lib/charts/render.ts';
import { fixtureSvg } from '../fixtures/charts.ts';
import { ACCENT, MUTED, PRIMARY, SERIES } from '../../src/lib/charts/palette.ts';
import { SIZES } from '../../src/lib/charts/plotOptions.ts';

const strokes = (svg: string) => [...svg.matchAll(/stroke="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase());
const overlaps = (a: { y: number; height: number }, b: { y: number; height: number }) => Math.abs(a.y - b.y) < (a.height + b.height) / 2;

describe('layoutEndLabels()', () => {
  test('fifteen labels that all want the same spot are stacked apart, inside the plot', () => {
    const labels = Array.from({ length: 15 }, (_, i) => ({ series: `Series ${i}`, lines: [`Series ${i}`], want: 100 }));
    const placed = layoutEndLabels(labels, 20, 300);
    expect(placed).toHaveLength(15);
    for (const [i, a] of placed.entries()) {
      expect(a.y - a.height / 2).toBeGreaterThanOrEqual(20);
      expect(a.y + a.height / 2).toBeLessThanOrEqual(300);
      for (const b of placed.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
    // As near where they want to be as the plot allows: against its top.
    expect(placed[0].y - placed[0].height / 2).toBe(20);
    const centred = layoutEndLabels(labels.map((l) => ({ ...l, want: 500 })), 0, 1000);
    const mean = centred.reduce((s, p) => s + p.y, 0) / centred.length;
    expect(Math.abs(mean - 500)).toBeLessThan(1);
  });

  test('labels with room stay level with their lines; a crowd near the bottom is pushed up, not out', () => {
    const apart = layoutEndLabels([{ series: 'a', lines: ['a'], want: 50 }, { series: 'b', lines: ['b'], want: 150 }], 0, 300);
    expect(apart.map((p) => p.y)).toEqual([50, 150]);
    const low = layoutEndLabels(Array.from({ length: 6 }, (_, i) => ({ series: `s${i}`, lines: ['x'], want: 298 })), 0, 300);
    expect(Math.max(...low.map((p) => p.y + p.height / 2))).toBeLessThanOrEqual(300);
  });

  test('a long name wraps at word boundaries to fit the width; stackHeight counts its lines', () => {
    const lines = labelLines('Transportation and Utilities', 90);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Transportation and Utilities');
    for (const line of lines) expect(labelWidth([line])).toBeLessThanOrEqual(90);
    expect(stackHeight([{ lines }, { lines: ['x'] }])).toBeGreaterThan(stackHeight([{ lines: ['x'] }, { lines: ['x'] }]));
  });
});

describe('line charts with many series', () => {
  const all = { data: 'industries.rate', type: 'line', series: 'industry', from: '2007-01' };

  test('every one of 14 series is named at its end, within the drawing, at both widths', () => {
    const { narrow, wide, chart } = fixtureSvg('jobs', { ...all, highlight: 'Construction' });
    const names = [...new Set(chart.data.map((d) => d.series))];
    expect(names).toHaveLength(14);
    for (const [svg, size] of [[narrow, SIZES.narrow], [wide, SIZES.wide]] as const) {
      const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
      expect(width).toBe(size.width);
      for (const name of names) {
        // A wrapped name is split into tspans; every word is there.
        for (const word of name.split(' ')) expect(svg).toContain(word);
      }
      // Each label starts 9 px right of its line's end; its widest line fits the viewBox.
      let labels = 0;
      for (const m of svg.matchAll(/<g transform="translate\(9,(-?[\d.]+)\)"[^>]*>([\s\S]*?)<\/g>/g)) {
        const x = Number(/translate\(([\d.]+),/.exec(m[2])![1]);
        const lines = [...m[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]);
        const text = lines.length ? lines : [m[2].replace(/<[^>]+>/g, '')];
        expect(x + 9 + labelWidth(text)).toBeLessThanOrEqual(width);
        labels++;
      }
      expect(labels).toBe(14);
    }
  });

  test('a highlighted series takes the accent and every other series is grey, with no stray colour', () => {
    const { wide } = fixtureSvg('jobs', { ...all, highlight: 'Construction' });
    const colours = new Set(strokes(wide));
    expect(colours).toContain(ACCENT);
    expect(colours).toContain(MUTED);
    expect(colours).not.toContain(PRIMARY);
  });

  test('without a highlight, up to five series each take a colour and none is grey; more than five are all grey', () => {
    const few = fixtureSvg('jobs', { ...all, where: { industry: ['Construction', 'Finance', 'Government'] } }).wide;
    expect(new Set(strokes(few))).toEqual(new Set(SERIES.slice(0, 3)));
    const many = fixtureSvg('jobs', all).wide;
    expect(new Set(strokes(many))).toEqual(new Set([MUTED]));
  });

  test('lines without gaps get no dots', () => {
    expect(fixtureSvg('jobs', all).wide).not.toContain('<circle');
  });
});

describe('leaderLines()', () => {
  const plot = (marks: Plot.Markish[]) => (Plot.plot({ width: 200, height: 120, margin: 0, x: { domain: [0, 200], axis: null }, y: { domain: [120, 0], axis: null }, marks, document: serverDocument() } as Plot.PlotOptions) as unknown as Element).outerHTML;

  test('draws a leader from each point to a label that moved more than 3 px, on the label\'s side, and none otherwise', () => {
    expect(leaderLines([{ x: 50, y: 40, shift: 3, side: 1 }, { x: 80, y: 60, shift: -2, side: -1 }])).toEqual([]);
    const svg = plot(leaderLines([{ x: 50, y: 40, shift: 12, side: 1 }, { x: 80, y: 60, shift: 2, side: 1 }, { x: 120, y: 30, shift: -8, side: -1 }], 3));
    expect(svg.match(/ d="([^"]+)"/)![1]).toBe('M53.0,40.0L57.0,52.0M117.0,30.0L113.0,22.0');
  });

  test('serves line-end labels and slope labels alike: the charts that dodge labels draw leaders to them', () => {
    for (const spec of [{ data: 'industries.rate', type: 'slope', from: '2000-01', to: '2010-02' }, { data: 'industries.rate', type: 'line', series: 'industry', from: '2008-01' }]) {
      const { wide } = fixtureSvg('jobs', spec);
      expect(wide, spec.type).toMatch(/<path d="M[\d.]+,[\d.]+[lL][^"]*" stroke="currentColor" stroke-opacity="0.5"|stroke-opacity="0.5"[^>]*d="M/);
    }
  });
});
