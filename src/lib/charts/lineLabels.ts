/**
 * Direct labels at the ends of lines, laid out so that none overlaps
 * another and none is clipped: each label wants to sit level with its
 * line's last point; labels that would touch are gathered into a block
 * centred on their points, blocks are pushed apart and kept inside the
 * plot, and a label moved away from its point gets a short leader line.
 * Widths come from measured glyph advances, so the right margin is as
 * wide as the longest label (up to a share of the chart; longer names
 * wrap onto a second line). Pure: pixels in, pixels out; `leaderLines`
 * draws the leaders with the DOM Plot hands it.
 */
import type * as Plot from '@observablehq/plot';
import { textWidth } from '../share/textWidth.ts';

/** The size chart text is set at (chart.css sets 11px on every drawing, over Plot's 10). */
export const LABEL_SIZE = 11;
/** The widths are the card face's; a reader's system font in bold runs up to a tenth wider. */
const FONT_SLACK = 1.1;
const LINE_HEIGHT = 12;
const GAP = 2;

export interface EndLabel {
  series: string;
  lines: string[];
  width: number;
  height: number;
  /** Pixel y the label would like (its line's end). */
  want: number;
  /** Pixel y of its centre once laid out. */
  y: number;
}

/** Lines of `text` no wider than `maxWidth` px (a long word may overflow; it is never cut). */
export function labelLines(text: string, maxWidth: number): string[] {
  const size = LABEL_SIZE;
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) * FONT_SLACK <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Width the widest line of each label needs, in px. */
export function labelWidth(lines: string[]): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, LABEL_SIZE) * FONT_SLACK));
}

/** Height a set of labels needs stacked without gaps to spare. */
export function stackHeight(labels: readonly { lines: string[] }[]): number {
  return labels.reduce((sum, l) => sum + l.lines.length * LINE_HEIGHT + GAP, 0);
}

/**
 * Lays labels out between `top` and `bottom` (pixels). When they need more
 * room than that, they are stacked from `top` (the caller makes the chart
 * taller first: see `stackHeight`).
 */
export function layoutEndLabels(labels: { series: string; lines: string[]; want: number }[], top: number, bottom: number): EndLabel[] {
  const items = labels
    .map((l) => ({ ...l, width: labelWidth(l.lines), height: l.lines.length * LINE_HEIGHT, y: l.want }))
    .sort((a, b) => a.want - b.want || a.series.localeCompare(b.series));
  // Blocks of labels that touch, each placed as a unit.
  type Block = { items: typeof items; top: number; height: number };
  let blocks: Block[] = items.map((item) => ({ items: [item], top: item.want - item.height / 2, height: item.height }));
  const fit = (block: Block) => {
    // Centred on the mean of what its labels want, then kept inside the plot.
    let offset = 0;
    let sum = 0;
    for (const item of block.items) {
      sum += item.want - (offset + item.height / 2);
      offset += item.height + GAP;
    }
    block.top = sum / block.items.length;
    block.top = Math.max(top, Math.min(block.top, bottom - block.height));
  };
  for (let pass = 0; pass < items.length + 1; pass++) {
    let merged = false;
    const next: Block[] = [];
    for (const block of blocks) {
      const previous = next.at(-1);
      if (previous && previous.top + previous.height + GAP > block.top) {
        previous.items.push(...block.items);
        previous.height += GAP + block.height;
        fit(previous);
        merged = true;
      } else next.push(block);
    }
    blocks = next;
    if (!merged) break;
  }
  const placed: EndLabel[] = [];
  for (const block of blocks) {
    let y = block.top;
    for (const item of block.items) {
      placed.push({ ...item, y: y + item.height / 2 });
      y += item.height + GAP;
    }
  }
  return placed;
}

/** A label laid out away from the point it names. */
export interface Leader {
  /** The point, in the data units of the chart's x and y scales. */
  x: unknown;
  y: unknown;
  /** Pixels the label sits below (above, when negative) level with the point: its y minus its want. */
  shift: number;
  /** 1 when the label is right of its point, −1 left. */
  side: 1 | -1;
}

/** A label moved less than this stays level enough with its point to need no leader. */
const LEADER_MIN = 3;

/**
 * Short lines from points to the labels that had to move away from them,
 * starting `start` px off the point (outside its dot); none when no label
 * moved further than LEADER_MIN.
 */
export function leaderLines(leaders: readonly Leader[], start = 2): Plot.RenderFunction[] {
  const moved = leaders.filter((l) => Math.abs(l.shift) > LEADER_MIN);
  if (moved.length === 0) return [];
  const render: Plot.RenderFunction = (_index, scales, _values, _dimensions, context) => {
    const doc = context.document;
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    let d = '';
    for (const leader of moved) {
      const x = scales.x!(leader.x) as number;
      const y = scales.y!(leader.y) as number;
      d += `M${(x + leader.side * start).toFixed(1)},${y.toFixed(1)}L${(x + leader.side * 7).toFixed(1)},${(y + leader.shift).toFixed(1)}`;
    }
    path.setAttribute('d', d);
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-opacity', '0.5');
    path.setAttribute('fill', 'none');
    const g = doc.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.append(path);
    return g as SVGElement;
  };
  return [render];
}
