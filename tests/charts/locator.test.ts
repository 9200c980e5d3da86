import { describe, expect, test } from 'vitest';
import { checkChart, fixtureSvg } from '../fixtures/charts.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { crosses, overlaps, type Segment } from '../../src/lib/charts/geo/mapLabels.ts';
import { textWidth } from '../../src/lib/share/textWidth.ts';

const NEW_ENGLAND = { data: 'capitals.lat', type: 'locator', x: 'city', where: { state: ['Massachusetts', 'Connecticut', 'Rhode Island', 'Vermont', 'New Hampshire', 'Maine'] } };
const ROUTES = { data: 'routes.flights', type: 'locator', x: 'city', series: 'route' };
const texts = (svg: string) => [...svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)].map((m) => ({ attributes: m[1], text: m[2] }));

describe('locator map (vega-datasets state capitals)', () => {
  test('marks each place by its coordinates, names each clear of the others, with a scale bar and a globe', () => {
    const { wide, narrow, chart } = fixtureSvg('capitals', NEW_ENGLAND);
    for (const svg of [wide, narrow]) {
      expect(svg.match(/<circle\b/g)).toHaveLength(6);
      const names = texts(svg).map((t) => t.text);
      for (const city of ['Boston', 'Hartford', 'Providence']) expect(names).toContain(city);
      // A scale bar of a round number of kilometres.
      expect(names.find((n) => / km$/.test(n))).toMatch(/^(1|2|5)0* km$/);
    }
    // Labels do not overlap: no two names start within a line's height and a name's width of each other.
    const placed = texts(wide)
      .filter((t) => /font-weight="bold"/.test(t.attributes))
      .map((t) => ({ x: Number(/ x="([\d.]+)"/.exec(t.attributes)![1]), y: Number(/ y="([\d.]+)"/.exec(t.attributes)![1]), anchor: /text-anchor="(\w+)"/.exec(t.attributes)![1], text: t.text }));
    expect(placed.length).toBe(6);
    for (const a of placed) for (const b of placed) if (a !== b) expect(Math.abs(a.y - b.y) >= 11 || a.anchor !== b.anchor || Math.abs(a.x - b.x) > 60).toBe(true);
    expect(chart.notes.join(' ')).toContain('Natural Earth');
    expect(describeChart(chart)).toMatch(/^Locator map of 6 places: .*Boston \(42\.4°N, 71\.1°W\)/);
  });

  test('a place named by a column with places: is drawn as its area', () => {
    const { wide, chart } = fixtureSvg('capitals', { data: 'capitals.lat', type: 'locator', x: 'state', where: { state: 'Colorado' } });
    expect(chart.places?.get('Colorado')).toEqual(['08']);
    expect(wide).toContain('fill-opacity="0.25"');
    expect(describeChart(chart)).toContain('Colorado (area centred at');
  });

  test('series: joins the rows of each value into a line, in the table\'s order; each line\'s ends are marked and named (vega-datasets flights)', () => {
    const { wide, narrow, chart } = fixtureSvg('flights', ROUTES);
    for (const svg of [wide, narrow]) {
      // One path of lines per route, one dot per airport (Seattle once, though it starts every route).
      const group = /<g\b[^>]*stroke-opacity="0\.8"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1];
      expect(group.match(/<path\b/g)).toHaveLength(5);
      expect(svg.match(/<circle\b/g)).toHaveLength(6);
      expect(texts(svg).filter((t) => t.text === 'Seattle')).toHaveLength(1);
    }
    expect(describeChart(chart)).toContain('5 lines: Seattle to Los Angeles; Seattle to Denver; Seattle to Anchorage;');
    // The frame holds Anchorage, the farthest end.
    expect(describeChart(chart)).toContain('Anchorage (61.2°N, 150.0°W)');
  });

  test('names each end clear of the lines and of each other', () => {
    const { wide, narrow } = fixtureSvg('flights', ROUTES);
    for (const svg of [wide, narrow]) {
      const group = /<g\b[^>]*stroke-opacity="0\.8"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1];
      const segments: Segment[] = [];
      for (const [, d] of group.matchAll(/\bd="([^"]+)"/g)) {
        // Plot writes each line as M x,y then l dx,dy … (relative steps).
        const [start, steps] = d.slice(1).split('l');
        const numbers = (text: string) => [...text.matchAll(/-?\d*\.?\d+/g)].map((m) => Number(m[0]));
        const points: [number, number][] = [numbers(start) as [number, number]];
        const rest = numbers(steps ?? '');
        for (let i = 0; i + 1 < rest.length; i += 2) points.push([points.at(-1)![0] + rest[i], points.at(-1)![1] + rest[i + 1]]);
        for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
      }
      expect(segments.length).toBeGreaterThan(5);
      const boxes = texts(svg)
        .filter((t) => /font-weight="bold"/.test(t.attributes))
        .map((t) => {
          const [x, y, size] = [/ x="([-\d.]+)"/, / y="([-\d.]+)"/, /font-size="(\d+)"/].map((r) => Number(r.exec(t.attributes)![1]));
          const anchor = /text-anchor="(\w+)"/.exec(t.attributes)![1];
          const width = textWidth(t.text, size);
          return { text: t.text, x: anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2, y: y - size * 0.85, width, height: size };
        });
      expect(boxes.map((b) => b.text)).toContain('Seattle');
      for (const box of boxes) {
        for (const segment of segments) expect(crosses(segment, box), `${box.text} crosses a line`).toBe(false);
        for (const other of boxes) if (other !== box) expect(overlaps(box, other)).toBe(false);
      }
    }
  });

  test('crosses() finds a segment through a box and passes one beside it', () => {
    const box = { x: 0, y: 0, width: 10, height: 10 };
    expect(crosses([[-5, 5], [15, 5]], box)).toBe(true);
    expect(crosses([[2, 2], [3, 3]], box)).toBe(true);
    expect(crosses([[-5, -5], [15, -1]], box)).toBe(false);
    expect(crosses([[12, 0], [12, 10]], box)).toBe(false);
  });

  test('a line\'s middle rows shape it without a mark or a name', () => {
    const { chart, wide } = fixtureSvg('capitals', { data: 'capitals.lat', type: 'locator', x: 'city', series: 'state', where: { state: 'Texas' } });
    expect(chart.data).toHaveLength(1);
    expect(wide.match(/<circle\b/g)).toHaveLength(1);
    const { chart: route, wide: drawn } = fixtureSvg('flights', { ...ROUTES, where: { route: 'Seattle to Denver' } });
    expect(drawn.match(/<circle\b/g)).toHaveLength(2);
    expect(describeChart(route)).toContain('A line: Seattle to Denver.');
  });

  test('series: on a locator whose places are areas (no coordinates) is refused', () => {
    const problems = checkChart('us-states', '  data: states.population\n  type: locator\n  series: state\n  where: { state: Texas }\n');
    expect(problems).toEqual([expect.stringMatching(/:5:11  series: state joins a locator map's places into lines by their longitude and latitude, and table states has neither .* — add number columns lon and lat to states, or delete series:/)]);
  });

  test('stays within its budget: 20 KB gzip for both drawings', async () => {
    const { gzipSync } = await import('node:zlib');
    const { wide, narrow } = fixtureSvg('capitals', NEW_ENGLAND);
    expect(gzipSync(wide + narrow).length).toBeLessThan(20 * 1024);
  });

  test('a table without coordinates, whose column names no map, is refused with a hint', () => {
    const problems = checkChart('us-states', "  data: states.population\n  type: locator\n", { 'dataset.yaml': (yaml) => yaml.replace(', places: us-states', '') });
    expect(problems).toContainEqual(expect.stringMatching(/a locator map puts each state at its longitude and latitude, and table states has neither — add number columns lon and lat/));
  });

  test('regions: is refused where places are put by their coordinates, partial: on every locator', () => {
    expect(checkChart('capitals', '  data: capitals.lat\n  type: locator\n  x: city\n  regions: { New England: [USA] }\n')).toEqual([
      expect.stringMatching(/:6:3  regions: groups countries a map draws as shapes, and this map puts each city at its longitude and latitude — delete regions:, or declare places: world on column city/),
    ]);
    expect(checkChart('capitals', '  data: capitals.lat\n  type: locator\n  x: state\n  partial: true\n')).toEqual([expect.stringMatching(/:6:3  type: locator does not use partial: — partial: applies to type: choropleth or symbolMap only/)]);
  });
});
