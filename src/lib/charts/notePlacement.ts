/**
 * Where a note goes beside the point it is about. Plot draws text where it
 * is told and never moves it out of the way, so labels are placed here,
 * before drawing: each candidate spot is scored by what its box would
 * cover (points, other labels, the plot's edge) and the cheapest wins.
 * Pure and deterministic: same layout in, same placement out.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The plot inside a chart's margins, in pixels: where its notes must stay. */
export function plotArea(frame: { width: number; height: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number }): Box {
  return { x: frame.marginLeft, y: frame.marginTop, width: frame.width - frame.marginLeft - frame.marginRight, height: frame.height - frame.marginTop - frame.marginBottom };
}

export interface Placement {
  dx: number;
  dy: number;
  textAnchor: 'start' | 'middle' | 'end';
}

/**
 * Candidate spots, in order of preference (beside the point first, above
 * before below, left before right); `up` is -1 above, 1 below. Spots away
 * from the point are drawn with a connecting line (see `far`).
 */
const CANDIDATES: { dx: number; up: -1 | 1; gap: number; textAnchor: Placement['textAnchor'] }[] = [
  { dx: -8, up: -1, gap: 6, textAnchor: 'end' },
  { dx: 8, up: -1, gap: 6, textAnchor: 'start' },
  { dx: -8, up: 1, gap: 6, textAnchor: 'end' },
  { dx: 8, up: 1, gap: 6, textAnchor: 'start' },
  { dx: 0, up: -1, gap: 12, textAnchor: 'middle' },
  { dx: 0, up: 1, gap: 12, textAnchor: 'middle' },
  { dx: -48, up: -1, gap: 8, textAnchor: 'end' },
  { dx: -48, up: 1, gap: 8, textAnchor: 'end' },
  { dx: 48, up: -1, gap: 8, textAnchor: 'start' },
  { dx: 48, up: 1, gap: 8, textAnchor: 'start' },
  { dx: 0, up: -1, gap: 40, textAnchor: 'middle' },
  { dx: 0, up: 1, gap: 40, textAnchor: 'middle' },
];

/** True when a placement sits away from its point and needs a connecting line. */
export function far(p: Placement): boolean {
  return Math.abs(p.dx) > 8 || (p.textAnchor === 'middle' && Math.abs(p.dy) > 30);
}

/** Rough width of text at a size: good enough to keep labels apart. */
export function textWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.56;
}

/** The box a label at `point` takes with `placement`. */
export function labelBox(point: { x: number; y: number }, width: number, height: number, p: Placement): Box {
  const left = p.textAnchor === 'end' ? point.x + p.dx - width : p.textAnchor === 'middle' ? point.x - width / 2 : point.x + p.dx;
  return { x: left, y: point.y + p.dy - height / 2, width, height };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The best placement for a label of `width`×`height` beside `point`
 * (pixels), avoiding `obstacles` and staying inside `frame`, and above all
 * clear of other `labels` (text on text is never read); with `near`, only
 * spots that need no connecting line.
 */
export function placeLabel(point: { x: number; y: number }, width: number, height: number, obstacles: Box[], frame: Box, near = false, labels: readonly Box[] = []): Placement {
  let best: Placement = { dx: 0, dy: 0, textAnchor: 'middle' };
  let bestScore = Infinity;
  CANDIDATES.forEach(({ dx, up, gap, textAnchor }, rank) => {
    const candidate: Placement = { dx, dy: up * (height / 2 + gap), textAnchor };
    if (near && far(candidate)) return;
    const box = labelBox(point, width, height, candidate);
    const inside = { x: frame.x, y: frame.y, width: frame.width, height: frame.height };
    const outside = box.width * box.height - overlap(box, inside);
    const covered = obstacles.reduce((sum, o) => sum + overlap(box, o), 0);
    const onText = labels.reduce((sum, o) => sum + overlap(box, o), 0);
    const score = outside * 4 + covered * 2 + onText * 100 + rank * 3;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  });
  return best;
}
