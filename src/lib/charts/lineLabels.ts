/**
 * Direct labels at the ends of lines, laid out so that none overlaps
 * another and none is clipped: each label wants to sit level with its
 * line's last point; labels that would touch are gathered into a block
 * centred on their points, blocks are pushed apart and kept inside the
 * plot, and a label moved away from its point gets a short leader line.
 * Widths come from measured glyph advances, so the right margin is as
 * wide as the longest label (up to a share of the chart; longer names
 * wrap onto a second line). Pure: pixels in, pixels out.
 */
import { textWidth } from '../share/textWidth.ts';

export const LABEL_SIZE = 10;
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
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Width the widest line of each label needs, in px. */
export function labelWidth(lines: string[]): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, LABEL_SIZE)));
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
