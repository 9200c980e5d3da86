/**
 * Names on a map, placed clear of each other: each label, in the order
 * given (most important first), takes the first spot beside its mark —
 * right, left, above, below, then the four corners — whose box stays
 * inside the drawing and covers no box already taken (other labels,
 * marks, a key or an inset) and crosses no line drawn on the map (a
 * route). A label that fits nowhere is left off the drawing; the
 * description and the table still have it. Pure: same layout in, same
 * placement out.
 */
import type * as Plot from '@observablehq/plot';
import { textWidth } from '../../share/textWidth.ts';
import type { Box } from '../notePlacement.ts';

export type { Box };

/** A label to place: its text and the mark it names, a circle `radius` pixels round `x`, `y`. */
export interface WantedLabel {
  text: string;
  x: number;
  y: number;
  radius: number;
}

export interface PlacedLabel {
  text: string;
  /** Where the text is drawn: its anchor point on the baseline. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

/** A straight piece of a line drawn on the map, in pixels. */
export type Segment = [[number, number], [number, number]];

export interface LabelRoom {
  width: number;
  height: number;
  /** Boxes no label may cover: marks, keys, insets. */
  taken: Box[];
  /** Lines no label may cross. */
  lines?: Segment[];
  /** Type size in pixels. */
  size: number;
}

/** Pixels between a mark's edge and its label. */
const GAP = 3;
/** Pixels a label keeps from the drawing's edge. */
const EDGE = 2;
/**
 * Room allowed for a bold name beyond its width in the card's face
 * (textWidth): the page sets it in the reader's system face, which can
 * run a fifth wider (DejaVu Sans on Linux).
 */
export const WIDER = 1.2;

export function placeMapLabels(wanted: readonly WantedLabel[], room: LabelRoom): PlacedLabel[] {
  const taken = [...room.taken];
  const placed: PlacedLabel[] = [];
  const h = room.size;
  for (const label of wanted) {
    const w = textWidth(label.text, room.size) * WIDER;
    const fit = spots(label, w, h).find((s) => inside(s.box, room) && !taken.some((t) => overlaps(s.box, t)) && !(room.lines ?? []).some((l) => crosses(l, s.box)));
    if (!fit) continue;
    taken.push(fit.box);
    placed.push({ text: label.text, ...fit });
  }
  return placed;
}

/** The spots a label may take, in order of preference. */
function spots({ x, y, radius }: WantedLabel, w: number, h: number): Omit<PlacedLabel, 'text'>[] {
  const g = radius + GAP;
  // Corners sit off the circle's diagonal, not its bounding square.
  const d = radius * Math.SQRT1_2 + GAP;
  const at = (left: number, top: number, anchor: PlacedLabel['anchor']) => ({
    x: anchor === 'start' ? left : anchor === 'end' ? left + w : left + w / 2,
    y: top + h * 0.85,
    anchor,
    box: { x: left, y: top, width: w, height: h },
  });
  return [
    at(x + g, y - h / 2, 'start'),
    at(x - g - w, y - h / 2, 'end'),
    at(x - w / 2, y - g - h, 'middle'),
    at(x - w / 2, y + g, 'middle'),
    at(x + d, y - d - h, 'start'),
    at(x + d, y + d, 'start'),
    at(x - d - w, y - d - h, 'end'),
    at(x - d - w, y + d, 'end'),
  ];
}

function inside(b: Box, room: LabelRoom): boolean {
  return b.x >= EDGE && b.y >= EDGE && b.x + b.width <= room.width - EDGE && b.y + b.height <= room.height - EDGE;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether segment `s` passes through box `b` (Liang–Barsky clipping). */
export function crosses([[x1, y1], [x2, y2]]: Segment, b: Box): boolean {
  let [t0, t1] = [0, 1];
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [[-dx, x1 - b.x], [dx, b.x + b.width - x1], [-dy, y1 - b.y], [dy, b.y + b.height - y1]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** The labels as one group of bold text with a halo of the page's colour. */
export function mapLabelMark(placed: readonly PlacedLabel[], size: number): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    g.setAttribute('class', 'halo');
    for (const label of placed) {
      const text = doc.createElementNS(ns, 'text');
      for (const [name, value] of [['x', round(label.x)], ['y', round(label.y)], ['text-anchor', label.anchor], ['font-size', size], ['font-weight', 'bold']] as const) text.setAttribute(name, String(value));
      text.textContent = label.text;
      g.append(text);
    }
    return g as unknown as SVGElement;
  };
}

const round = (v: number) => Math.round(v * 10) / 10;
