/**
 * The largest and smallest of many numbers. `Math.max(...values)` passes
 * each value as an argument, and a daily series of 100,000 points
 * overflows the call stack ("Maximum call stack size exceeded"); these
 * loop instead, with Math.max's answers: NaN when any value is NaN,
 * −Infinity (Infinity) for none.
 */
export function maxOf(values: Iterable<number>): number {
  let most = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > most || (v === 0 && most === 0 && Object.is(most, -0))) most = v;
  }
  return most;
}

export function minOf(values: Iterable<number>): number {
  let least = Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v < least || (v === 0 && least === 0 && Object.is(v, -0))) least = v;
  }
  return least;
}
