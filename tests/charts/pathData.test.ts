import { describe, expect, it } from 'vitest';
import { compactPath } from '../../src/lib/charts/pathData.ts';

/** The absolute points a path of M/m, L/l and Z/z visits, subpath by subpath. */
function points(d: string): number[][][] {
  const tokens = d.match(/[MLZmlz]|-?\d*\.?\d+/g) ?? [];
  const paths: number[][][] = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (/[MLZmlz]/.test(t)) {
      if (t === 'Z' || t === 'z') {
        [x, y] = [sx, sy];
        paths.at(-1)!.push([x, y]);
      }
      command = t;
      i++;
      continue;
    }
    const [a, b] = [Number(t), Number(tokens[i + 1])];
    i += 2;
    const relative = command === 'm' || command === 'l';
    [x, y] = relative ? [x + a, y + b] : [a, b];
    if (command === 'M' || command === 'm') {
      paths.push([[x, y]]);
      [sx, sy] = [x, y];
      command = relative ? 'l' : 'L';
    } else paths.at(-1)!.push([x, y]);
  }
  return paths.map((p) => p.map(([px, py]) => [Math.round(px * 10) / 10, Math.round(py * 10) / 10]));
}

const dedupe = (paths: number[][][]) => paths.map((p) => p.filter((pt, i) => i === 0 || pt[0] !== p[i - 1][0] || pt[1] !== p[i - 1][1]));

describe('compactPath()', () => {
  it('visits the same points, to a tenth of a pixel, in fewer characters', () => {
    const d = 'M264.83,181.12L265.04,181.16L270.5,170.01L270.52,170.04L280,190ZM10.06,20.94L12.2,22.35L8.77,25.5Z';
    const compact = compactPath(d);
    expect(dedupe(points(compact))).toEqual(dedupe(points(d)));
    expect(compact.length).toBeLessThan(d.length * 0.75);
    expect(compact.startsWith('M264.8,181.1l')).toBe(true);
  });

  it('writes minus signs as separators and drops leading zeros', () => {
    expect(compactPath('M10,10L10.5,9.6L10.5,10L9,10')).toBe('M10,10l.5-.4 0,.4-1.5,0');
  });

  it('drops a point that rounds onto the one before', () => {
    expect(compactPath('M0,0L0.01,0.02L5,5')).toBe('M0,0l5,5');
  });

  it('leaves curves and arcs with their own commands, rounded', () => {
    expect(compactPath('M0,0C1.234,2.345,3,4,5,6')).toBe('M0,0C1.2,2.3,3,4,5,6');
    expect(compactPath('M0,0A5,5,0,0,1,10.555,0')).toBe('M0,0A5,5,0,0,1,10.5,0');
  });
});
