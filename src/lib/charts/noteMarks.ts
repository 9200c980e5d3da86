/**
 * Notes at a drawn value (`at:`), on any chart drawn along x and y: a ring
 * round the value and the note beside it, where it covers the fewest marks
 * (notePlacement.ts), with a thin line to it when it has to sit further
 * off. Each chart kind says where its notes point (a bar's top, a layer's
 * middle, a stack's top, a point in a panel) and what they must not cover;
 * this draws them the same way everywhere.
 */
import * as Plot from '@observablehq/plot';
import { far, labelBox, placeLabel, textWidth, type Box, type Placement } from './notePlacement.ts';

/** Where a note points, in data (for Plot) and in pixels (for placing its text). */
export interface NoteAnchor {
  text: string;
  x: Date | number | string;
  y: number;
  /** The value's pixel position, for placement. */
  at: { x: number; y: number };
  /** Pixels the ring sits right of `x` (a grouped bar, within its category). */
  dx?: number;
  /** The panel of small multiples it is in (column, row). */
  fx?: number;
  fy?: number;
  /** What the note must stay inside: the plot, or its panel. */
  area: Box;
  /** Where it goes, when that is chosen already (the same in every state of a chart); else it is placed here. */
  place?: Placement;
}

/**
 * Where a note goes beside its value, clear of `labels` and off `obstacles`
 * where it can, and the box it then takes. `near`: only spots that need no
 * connecting line.
 */
export function placeNote(anchor: NoteAnchor, obstacles: Box[], narrow: boolean, near: boolean, labels: readonly Box[]): { place: Placement; box: Box } {
  const { width, height } = noteSize(anchor.text, narrow);
  const at = { x: anchor.at.x + (anchor.dx ?? 0), y: anchor.at.y };
  const place = anchor.place ?? placeLabel(at, width, height, obstacles, anchor.area, near, labels);
  return { place, box: labelBox(at, width, height, place) };
}

/** The characters a note's line holds. */
const lineWidthOf = (narrow: boolean) => (narrow ? 10 : 14);

/** A note's box, wrapped at its line width. */
function noteSize(text: string, narrow: boolean): { width: number; height: number } {
  const lineWidth = lineWidthOf(narrow);
  const lines = Math.max(1, Math.ceil(Math.ceil(text.length * 0.56) / lineWidth));
  return { width: Math.min(textWidth(text), lineWidth * 11), height: lines * 13 };
}

/**
 * Rings, texts and connectors for `anchors`. `obstacles` (boxes in pixels)
 * are what notes should not cover; `labels`, the text already placed,
 * what they must not. Each note placed is added to the labels, so notes
 * avoid one another too. `near` keeps every note beside its value (small
 * multiples, where a connector has no room).
 */
export function noteMarks(anchors: readonly NoteAnchor[], obstacles: Box[], narrow: boolean, near = false, labels: Box[] = []): Plot.Markish[] {
  if (anchors.length === 0) return [];
  const lineWidth = lineWidthOf(narrow);
  const placed = anchors.map((anchor) => {
    const { place, box } = placeNote(anchor, obstacles, narrow, near, labels);
    labels.push(box);
    return { ...anchor, note: anchor.text, place };
  });
  const facet = (a: NoteAnchor) => (a.fx === undefined ? {} : { fx: () => a.fx, fy: () => a.fy });
  const marks: Plot.Markish[] = [];
  // One ring mark for the notes that sit at their x, one each for those shifted within it.
  const plain = placed.filter((a) => !a.dx && a.fx === undefined);
  if (plain.length) marks.push(Plot.dot(plain, { x: 'x', y: 'y', r: 6, stroke: 'currentColor', fill: 'none' }));
  for (const a of placed.filter((p) => p.dx || p.fx !== undefined)) marks.push(Plot.dot([a], { x: 'x', y: 'y', ...facet(a), dx: a.dx ?? 0, r: 6, stroke: 'currentColor', fill: 'none' } as Plot.DotOptions));
  if (!near) marks.push(...placed.filter((a) => far(a.place)).map((a) => connector(a.place, a.x, a.y, a.dx ?? 0)));
  marks.push(
    ...placed.map((a) =>
      Plot.text([a], { x: 'x', y: 'y', ...facet(a), text: 'note', dx: a.place.dx + (a.dx ?? 0), dy: a.place.dy, textAnchor: a.place.textAnchor, lineWidth, fontStyle: 'italic', fill: 'currentColor', className: 'halo' } as Plot.TextOptions),
    ),
  );
  return marks;
}

/** A thin line from an annotated value's ring to its note, when the note sits away from it. */
function connector(p: Placement, x: NoteAnchor['x'], y: number, shift: number): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const doc = context.document;
    const band = scales.scales.x?.bandwidth ?? 0;
    const px = (scales.x!(x) as number) + band / 2 + shift;
    const py = scales.y!(y) as number;
    const line = doc.createElementNS('http://www.w3.org/2000/svg', 'line');
    const dir = Math.sign(p.dx) || 0;
    const [ex, ey] = [px + p.dx - dir * 2, py + p.dy + (p.textAnchor === 'middle' ? -Math.sign(p.dy) * 8 : 0)];
    const len = Math.hypot(ex - px, ey - py) || 1;
    line.setAttribute('x1', String(px + ((ex - px) / len) * 7));
    line.setAttribute('y1', String(py + ((ey - py) / len) * 7));
    line.setAttribute('x2', String(ex));
    line.setAttribute('y2', String(ey));
    line.setAttribute('stroke', 'currentColor');
    const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.append(line);
    return g as SVGElement;
  };
}
