import { describe, expect, test } from 'vitest';
import { matchShapes } from '../../src/lib/charts/reshape.ts';

/** A path's command letters (a run of lines is one letter). */
const commands = (d: string) => d.replace(/[^MLZmlz]/g, '');
const count = (d: string) => (d.match(/-?\d*\.?\d+/g) ?? []).length / 2;

describe('matchShapes()', () => {
  test('leaves paths of the same commands as they are drawn', () => {
    expect(matchShapes(['M0,10L10,20L20,30', 'M0,30L10,20L20,10'])).toEqual(['M0,10l10,10 10,10', 'M0,30l10-10 10-10']);
  });

  test('grows a line from its end when its points stand where the longer one starts', () => {
    const [short, long] = matchShapes(['M0,10L10,20', 'M0,30L10,20L20,10L30,0'])!;
    expect(short).toBe('M0,10l10,10 0,0 0,0');
    expect(count(short!)).toBe(count(long!));
  });

  test('adds points halfway along the longest segments of a path that covers other ground, keeping its shape', () => {
    const [a, b] = matchShapes(['M0,0L40,0', 'M10,10L20,20L30,10L40,20'])!;
    // 0 to 40 halved, then its first half halved: the same straight line in four points.
    expect(a).toBe('M0,0l10,0 10,0 20,0');
    expect(count(a!)).toBe(count(b!));
  });

  test('matches areas (closed) and keeps a state without the mark empty', () => {
    const shapes = matchShapes(['M0,10L10,10L10,50L0,50Z', undefined, 'M0,0L10,5L20,0L20,50L10,50L0,50Z'])!;
    expect(shapes[1]).toBeUndefined();
    expect(count(shapes[0]!)).toBe(count(shapes[2]!));
    expect(shapes[0]!.endsWith('z')).toBe(true);
    expect(commands(shapes[0]!)).toBe(commands(shapes[2]!));
  });

  test('refuses curves, subpaths that differ in number or closing, and empty paths', () => {
    expect(matchShapes(['M0,0C1,1,2,2,3,3', 'M0,0L3,3'])).toBeUndefined();
    expect(matchShapes(['M0,0L1,1M2,2L3,3', 'M0,0L3,3'])).toBeUndefined();
    expect(matchShapes(['M0,0L1,1L0,1Z', 'M0,0L1,1L0,1'])).toBeUndefined();
    expect(matchShapes(['', 'M0,0L3,3'])).toBeUndefined();
  });
});
