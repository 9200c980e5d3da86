import { describe, expect, test } from 'vitest';
import { far, labelBox, placeLabel } from '../../src/lib/charts/notePlacement.ts';

const frame = { x: 40, y: 20, width: 560, height: 340 };

describe('placeLabel()', () => {
  test('puts a note above and to the left of its point when nothing is there', () => {
    expect(placeLabel({ x: 300, y: 200 }, 100, 13, [], frame)).toEqual({ dx: -8, dy: -12.5, textAnchor: 'end' });
  });

  test('moves a note off a point that would sit under it', () => {
    const point = { x: 300, y: 200 };
    const obstacle = { x: 220, y: 170, width: 12, height: 12 };
    const place = placeLabel(point, 100, 13, [obstacle], frame);
    const box = labelBox(point, 100, 13, place);
    const overlaps = box.x < obstacle.x + obstacle.width && obstacle.x < box.x + box.width && box.y < obstacle.y + obstacle.height && obstacle.y < box.y + box.height;
    expect(overlaps).toBe(false);
  });

  test('keeps a note inside the plot near its right edge', () => {
    const place = placeLabel({ x: 595, y: 200 }, 120, 13, [], frame);
    const box = labelBox({ x: 595, y: 200 }, 120, 13, place);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(place.textAnchor).toBe('end');
  });

  test('goes further out, with a connector, when every spot beside the point is taken', () => {
    const point = { x: 300, y: 200 };
    const crowd = [-1, 1].flatMap((side) => [-1, 1].map((up) => ({ x: point.x + side * 30 - 20, y: point.y + up * 14 - 7, width: 40, height: 14 })));
    const place = placeLabel(point, 40, 13, crowd, frame);
    expect(far(place)).toBe(true);
    expect(placeLabel(point, 40, 13, crowd, frame)).toEqual(place);
  });
});
