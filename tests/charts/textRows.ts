/**
 * Rows of text in a drawn chart that run into each other: tick labels of an
 * axis, the edges under a map's key. Each <text> is placed where the SVG
 * puts it (the translates of its groups, its x, y and dx, its anchor) and
 * sized at the charts' 11 px (chart.css) with the widths of the share
 * card's face, which err wide; texts of one parent at one height form a row,
 * and neighbours in a row must not touch.
 */
import { parseHTML } from 'linkedom';
import { textWidth } from '../../src/lib/share/textWidth.ts';

export interface Clash {
  a: string;
  b: string;
  /** How far they overlap, px. */
  overlap: number;
}

const FONT = 11;

export function textClashes(svg: string): Clash[] {
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  const rows = new Map<string, { left: number; right: number; text: string }[]>();
  for (const text of document.querySelectorAll('text')) {
    const content = (text.textContent ?? '').trim();
    if (!content || text.querySelector('tspan')) continue;
    let x = length(text.getAttribute('x')) + length(text.getAttribute('dx'));
    let y = length(text.getAttribute('y')) + length(text.getAttribute('dy'));
    let anchor: string | null = null;
    for (let node: Element | null = text; node && node.tagName.toLowerCase() !== 'body'; node = node.parentElement) {
      const [tx, ty] = translate(node.getAttribute('transform'));
      x += tx;
      y += ty;
      anchor ??= node.getAttribute('text-anchor');
    }
    const width = textWidth(content, FONT);
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    const key = `${parentKey(text)}@${Math.round(y)}`;
    const row = rows.get(key) ?? [];
    row.push({ left, right: left + width, text: content });
    rows.set(key, row);
  }
  const clashes: Clash[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.left - b.left);
    for (let i = 1; i < row.length; i++) {
      const overlap = row[i - 1].right - row[i].left;
      if (overlap > 0) clashes.push({ a: row[i - 1].text, b: row[i].text, overlap: Math.round(overlap * 10) / 10 });
    }
  }
  return clashes;
}

/** A length in px: `12`, `0.71em`. */
function length(value: string | null): number {
  if (!value) return 0;
  const n = Number.parseFloat(value);
  return Number.isNaN(n) ? 0 : value.trim().endsWith('em') ? n * FONT : n;
}

function translate(transform: string | null): [number, number] {
  const match = transform && /translate\(\s*([-\d.e]+)[ ,]*([-\d.e]+)?\s*\)/.exec(transform);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [0, 0];
}

const ids = new WeakMap<Element, number>();
let next = 0;
function parentKey(text: Element): number {
  const parent = text.parentElement!;
  if (!ids.has(parent)) ids.set(parent, next++);
  return ids.get(parent)!;
}
