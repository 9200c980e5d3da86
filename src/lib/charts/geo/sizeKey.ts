/**
 * The key of a map whose circles are sized by value: the unit, then three
 * circles of round values (the largest round value up to the map's
 * largest, about a quarter and about a sixteenth of it), each drawn at the
 * size the map draws that value, its value beside it. Areas are in
 * proportion to the values, so the key's circles read as the map's do.
 */
import type * as Plot from '@observablehq/plot';
import { formatTick, unitHeading, type UnitRef } from '../../format.ts';
import { textWidth } from '../../share/textWidth.ts';
import { WIDER } from './mapLabels.ts';

/** Round values: these times a power of ten. */
const ROUND = [1, 2, 3, 4, 5, 6, 8];

/** The largest round value not above `v`. */
export function roundBelow(v: number): number {
  if (!(v > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(v));
  const m = ROUND.filter((r) => r * power <= v * (1 + 1e-9)).at(-1) ?? 1;
  return m * power;
}

/** The key's values, largest first: distinct round values at about 1, 1/4 and 1/16 of `max`. */
export function keyValues(max: number): number[] {
  const top = roundBelow(max);
  return [...new Set([top, roundBelow(top / 4), roundBelow(top / 16)])].filter((v) => v > 0);
}

/** Height of the key's strip for circles up to `rMax` pixels round. */
export const keyHeight = (rMax: number) => 2 * rMax + 8;

/** The key in a strip from `left` at the top of the drawing. */
export function sizeKey(max: number, radius: (v: number) => number, unit: UnitRef, locale: string, left: number, rMax: number): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', 'size-key');
    const middle = rMax + 4;
    const title = doc.createElementNS(ns, 'text');
    for (const [name, value] of [['x', left], ['y', middle + 4], ['text-anchor', 'start']] as const) title.setAttribute(name, String(value));
    title.textContent = unitHeading(unit);
    g.append(title);
    let x = left + textWidth(unitHeading(unit), 11) * WIDER + 8;
    for (const value of keyValues(max)) {
      const r = Math.round(radius(value) * 10) / 10;
      const circle = doc.createElementNS(ns, 'circle');
      for (const [name, v] of [['cx', x + r], ['cy', middle], ['r', r], ['fill', 'none'], ['stroke', 'currentColor']] as const) circle.setAttribute(name, String(Math.round(Number(v) * 10) / 10 || v));
      const label = doc.createElementNS(ns, 'text');
      const text = formatTick(value, unit, locale);
      for (const [name, v] of [['x', Math.round(x + 2 * r + 4)], ['y', middle + 4], ['text-anchor', 'start']] as const) label.setAttribute(name, String(v));
      label.textContent = text;
      g.append(circle, label);
      x += 2 * r + 4 + textWidth(text, 11) * WIDER + 10;
    }
    return g as unknown as SVGElement;
  };
}
