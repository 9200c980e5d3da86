import type { Datum } from './model.ts';

/**
 * Thins a line's data to what `columns` pixel columns can show: in each
 * column, per series, only the first, last, lowest and highest points are
 * kept, in their original order (the M4 method). The drawn line covers the
 * same pixels; the SVG stays small however dense the data. Gaps (null y)
 * stay, so a broken line stays broken. Data that already fits is returned
 * as it is.
 */
export function thinLine(data: Datum[], columns: number): Datum[] {
  const xs = data.map((d) => xNumber(d.x));
  const known = xs.filter((x) => x !== undefined);
  const bySeries = new Map<string, number>();
  for (const d of data) bySeries.set(d.series, (bySeries.get(d.series) ?? 0) + 1);
  if (known.length < data.length || Math.max(0, ...bySeries.values()) <= 2 * columns) return data;

  let min = Infinity;
  let max = -Infinity;
  for (const x of known) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = max - min || 1;
  const column = (i: number) => Math.min(columns - 1, Math.floor(((xs[i]! - min) / span) * columns));

  // Per series and column: indices of the first, last, lowest and highest point.
  const picks = new Map<string, { first: number; last: number; low: number; high: number }>();
  const keep = new Set<number>();
  let previousNull = new Map<string, boolean>();
  data.forEach((d, i) => {
    if (d.y === null) {
      if (!previousNull.get(d.series)) keep.add(i);
      previousNull.set(d.series, true);
      return;
    }
    previousNull.set(d.series, false);
    const key = `${d.series}\u0000${column(i)}`;
    const pick = picks.get(key);
    if (!pick) picks.set(key, { first: i, last: i, low: i, high: i });
    else {
      pick.last = i;
      if (d.y < data[pick.low].y!) pick.low = i;
      if (d.y > data[pick.high].y!) pick.high = i;
    }
  });
  for (const pick of picks.values()) for (const i of [pick.first, pick.last, pick.low, pick.high]) keep.add(i);
  return data.filter((_, i) => keep.has(i));
}

function xNumber(x: Datum['x']): number | undefined {
  if (x instanceof Date) return x.getTime();
  return typeof x === 'number' ? x : undefined;
}
