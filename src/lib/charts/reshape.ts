/**
 * The paths of one line or area in several states, resampled to the same
 * commands, so that one can be moved into another (SMIL interpolates path
 * data only between paths of the same commands; Safari has no CSS `d`).
 * Each state keeps every point it draws: the points added fall on its own
 * segments, so each state's shape is drawn exactly.
 *
 * Only paths of straight segments (M, L and Z: Plot's linear lines and
 * areas) with the same subpaths, each open or closed alike, can be matched.
 */
import { compactPath } from './pathData.ts';

type Point = [number, number];
interface Subpath {
  points: Point[];
  closed: boolean;
}

/**
 * Each state's path data (undefined where the state lacks the mark)
 * rewritten with the same commands, or undefined when they cannot be.
 */
export function matchShapes(ds: readonly (string | undefined)[]): (string | undefined)[] | undefined {
  const parsed = ds.map((d) => (d === undefined ? undefined : subpaths(d)));
  const shapes = parsed.filter((p): p is Subpath[] => p !== undefined);
  if (shapes.length === 0 || shapes.some((s) => s.length === 0 || s.length !== shapes[0].length || s.some((p, i) => p.closed !== shapes[0][i].closed))) return undefined;
  const longest = shapes[0].map((_, i) => shapes.reduce((a, s) => (s[i].points.length > a.length ? s[i].points : a), shapes[0][i].points));
  return parsed.map((p) => p && compactPath(p.map((sub, i) => write(resample(sub.points, longest[i]), sub.closed)).join(''), true));
}

/** A path's subpaths, or [] when it has any command but M, L and Z. */
function subpaths(d: string): Subpath[] {
  if (!/^[MLZ\d.,\se+-]*$/.test(d)) return [];
  const out: Subpath[] = [];
  let command = '';
  const tokens = d.match(/[MLZ]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (token === 'M' || token === 'L' || token === 'Z') {
      if (token === 'Z' && out.length) out.at(-1)!.closed = true;
      command = token;
      i++;
      continue;
    }
    const point: Point = [Number(token), Number(tokens[i + 1])];
    i += 2;
    if (!Number.isFinite(point[0]) || !Number.isFinite(point[1])) return [];
    if (command === 'M' || out.length === 0 || out.at(-1)!.closed) out.push({ points: [point], closed: false });
    else out.at(-1)!.points.push(point);
    command = 'L';
  }
  return out;
}

/**
 * `points` made as many as `longest`'s. A line whose points stand where
 * the longest's first ones do grows from its end (its last point
 * repeated); any other gains points halfway along its longest segments.
 */
function resample(points: readonly Point[], longest: readonly Point[]): Point[] {
  const out = [...points];
  if (out.length >= longest.length) return out;
  const leads = points.every((p, i) => Math.abs(p[0] - longest[i][0]) < 0.05);
  while (out.length < longest.length) {
    if (leads || out.length === 1) {
      out.push(out.at(-1)!);
      continue;
    }
    let at = 1;
    for (let i = 2; i < out.length; i++) if (length(out[i - 1], out[i]) > length(out[at - 1], out[at])) at = i;
    out.splice(at, 0, [(out[at - 1][0] + out[at][0]) / 2, (out[at - 1][1] + out[at][1]) / 2]);
  }
  return out;
}

const length = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Absolute path data, to a hundredth (never an exponent, which compactPath would leave absolute). */
function write(points: readonly Point[], closed: boolean): string {
  const n = (v: number) => Math.round(v * 100) / 100;
  return `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)},${n(y)}`).join('')}${closed ? 'Z' : ''}`;
}
