import { describe, expect, test } from 'vitest';
import { fixtureChart } from '../fixtures/charts.ts';
import { placeValueLabels } from '../../src/lib/charts/valueLabels.ts';
import type { Box } from '../../src/lib/charts/notePlacement.ts';
import type { Datum } from '../../src/lib/charts/model.ts';

const JOBS = { data: 'industries.rate', where: { industry: 'Construction' }, from: '2009-01', to: '2009-06', type: 'dot' };
const touch = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every datum at its month's x (60 px apart from x = 60) and at y = 100. */
function flat() {
  const project = Object.assign((d: Datum) => ({ x: 60 * ((d.x as Date).getUTCMonth() + 1), y: 100 }), { x: (x: Date | number) => 60 * ((x as Date).getUTCMonth() + 1) });
  return project;
}

describe('placeValueLabels()', () => {
  test('a highlighted value sits above its mark, and moves beside it, clear, when a label is there', () => {
    const chart = fixtureChart('jobs', { ...JOBS, highlight: '2009-03' });
    const [above] = placeValueLabels(chart, flat());
    expect(above).toMatchObject({ dx: 0, textAnchor: 'middle', moved: false });
    expect(above.box.y + above.box.height).toBeLessThanOrEqual(100);
    const name = { x: above.box.x + 10, y: above.box.y - 4, width: 30, height: 14 };
    const [moved] = placeValueLabels(chart, flat(), { avoid: [name], frame: { width: 400, height: 200 } });
    expect(moved.moved).toBe(true);
    expect(touch(moved.box, name)).toBe(false);
    // Beside a point: left of it first, level with it.
    expect(moved).toMatchObject({ textAnchor: 'end', dy: 0 });
    expect(moved.box.x + moved.box.width).toBeLessThan(180);
  });

  test('a value moved beside its mark keeps off marks too, and stays above when no side is clear', () => {
    const chart = fixtureChart('jobs', { ...JOBS, highlight: '2009-03' });
    const [above] = placeValueLabels(chart, flat());
    const everywhere = [{ x: 0, y: 0, width: 400, height: 90 }, { x: 0, y: 90, width: 170, height: 110 }, { x: 190, y: 90, width: 210, height: 110 }];
    const [right] = placeValueLabels(chart, flat(), { avoid: [everywhere[0]], marks: [everywhere[1]], frame: { width: 400, height: 200 } });
    expect(right).toMatchObject({ textAnchor: 'start', moved: true });
    const [kept] = placeValueLabels(chart, flat(), { avoid: [everywhere[0]], marks: everywhere.slice(1), frame: { width: 400, height: 200 } });
    expect(kept).toMatchObject({ dx: above.dx, dy: above.dy, moved: false });
  });

  test('a value at the edge of the drawing is moved inside it', () => {
    const chart = fixtureChart('jobs', { ...JOBS, highlight: '2009-06' });
    const frame = { width: 362, height: 200 };
    const [edge] = placeValueLabels(chart, flat(), { frame });
    expect(edge.box.x + edge.box.width).toBeLessThanOrEqual(frame.width);
    expect(edge.dx).toBeLessThan(0);
    const [unclamped] = placeValueLabels(chart, flat());
    expect(unclamped.box.x + unclamped.box.width).toBeGreaterThan(frame.width);
  });

  test('values: all leaves out a value that would touch one placed, never moving it', () => {
    const chart = fixtureChart('jobs', { ...JOBS, values: 'all' });
    const close = Object.assign((d: Datum) => ({ x: 20 * ((d.x as Date).getUTCMonth() + 1), y: 100 }), { x: (x: Date | number) => 20 * ((x as Date).getUTCMonth() + 1) });
    const placed = placeValueLabels(chart, close);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(6);
    expect(placed.every((p) => !p.moved)).toBe(true);
    for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(touch(a.box, b.box)).toBe(false);
  });
});
