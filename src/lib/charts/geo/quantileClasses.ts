/**
 * Colour classes of equal counts (`classes: quantile`): the values are cut
 * at their quintiles, so that each class holds about a fifth of the
 * places. A skewed measure, as county unemployment is, otherwise paints
 * most of the map in one or two shades. The edges are rounded to a
 * hundredth of the values' range (a tenth of a point for rates from 1 to
 * 30), ties merged, so that the key prints what the map uses.
 */
import * as Plot from '@observablehq/plot';
import { maxOf, minOf } from '../../extent.ts';

const COUNT = 5;

export function quantileClasses(values: number[]): { edges: number[]; colours: string[]; colour: (v: number) => string } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const i = Math.floor(h);
    return sorted[i] + (sorted[Math.min(i + 1, sorted.length - 1)] - sorted[i]) * (h - i);
  };
  const low = minOf(sorted);
  const high = maxOf(sorted);
  const digits = high > low ? Math.max(0, 2 - Math.floor(Math.log10(high - low))) : 0;
  const f = 10 ** digits;
  const cuts = Array.from({ length: COUNT + 1 }, (_, k) => (k === 0 ? Math.floor(low * f) : k === COUNT ? Math.ceil(high * f) : Math.round(at(k / COUNT) * f)) / f);
  const edges = cuts.filter((e, i) => i === 0 || e > cuts[i - 1]);
  if (edges.length === 1) edges.push(edges[0] + 1 / f);
  const n = edges.length - 1;
  // Shades of one colour: dark for high values, or for the lowest when all are below zero.
  const scale = Plot.scale({ color: { type: 'quantize', domain: [0, 1], n: Math.max(n, 3), scheme: high <= 0 ? 'Reds' : 'Blues', ...(high <= 0 ? { reverse: true } : {}) } });
  const range = scale.range as string[];
  const colours = n >= 3 ? range.slice(0, n) : range.slice(range.length - n);
  const colour = (v: number) => {
    let i = 0;
    while (i < n - 1 && v > edges[i + 1]) i++;
    return colours[i];
  };
  return { edges, colours, colour };
}
