/**
 * Plot marks for reference lines, shaded spans and event markers. Their
 * labels never sit on the data: a reference line is labelled at whichever
 * end of it is clearer, and span and event labels go in rows above the
 * plot, each row taking labels until the next would touch the one before.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData } from './model.ts';
import type { Annotation } from './annotate.ts';
import { textWidth, type Box } from './notePlacement.ts';

export interface MarkFrame {
  width: number;
  height: number;
  marginTop: number;
  marginRight: number;
  marginBottom: number;
  marginLeft: number;
}

export interface DeskMarks {
  /** Drawn under the data (shading). */
  under: Plot.Markish[];
  /** Drawn over it (lines and labels). */
  over: Plot.Markish[];
  /** Pixels to add to the top margin for label rows. */
  extraTop: number;
  /** The boxes of the labels in those rows: x and width in pixels, y up from the plot's top (negative). */
  labels: Box[];
}

const ROW = 14;
const MAX_ROWS = 3;

/**
 * `px` places an x value in pixels; `py` a y value (for choosing where a
 * reference line's label goes); `horizontal` when values run along x (barX).
 */
export function deskMarks(
  chart: ChartData,
  frame: MarkFrame,
  px: (x: Date | number) => number,
  py: (y: number) => number,
  horizontal: boolean,
): DeskMarks {
  const under: Plot.Markish[] = [];
  const over: Plot.Markish[] = [];
  const topLabels: { at: number; end: number; text: string; anchor: 'start' | 'end'; x: Date | number }[] = [];
  const fits = (x: number, text: string) => x + 4 + textWidth(text) <= frame.width - 2;

  for (const a of chart.annotations) {
    if (a.kind === 'span') {
      under.push(Plot.rect([a], { x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.09 }));
      const [x1, x2] = [px(a.x1), px(a.x2)];
      topLabels.push(fits(x1, a.text) ? { at: x1, end: x1 + 4 + textWidth(a.text), text: a.text, anchor: 'start', x: a.x1 } : { at: x2 - 4 - textWidth(a.text), end: x2, text: a.text, anchor: 'end', x: a.x2 });
    } else if (a.kind === 'event') {
      over.push(Plot.ruleX([a], { x: 'x', stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '3 3' }));
      const x = px(a.x);
      topLabels.push(fits(x, a.text) ? { at: x, end: x + 4 + textWidth(a.text), text: a.text, anchor: 'start', x: a.x } : { at: x - 4 - textWidth(a.text), end: x, text: a.text, anchor: 'end', x: a.x });
    } else if (a.kind === 'reference') {
      if (horizontal) {
        over.push(Plot.ruleX([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }));
        const x = px(a.value);
        topLabels.push(fits(x, a.text) ? { at: x, end: x + 4 + textWidth(a.text), text: a.text, anchor: 'start', x: a.value } : { at: x - 4 - textWidth(a.text), end: x, text: a.text, anchor: 'end', x: a.value });
      } else {
        over.push(Plot.ruleY([a.value], { stroke: 'currentColor', strokeOpacity: 0.7, strokeDasharray: '4 3' }));
        const side = clearerEnd(chart, a, frame, px, py);
        over.push(
          Plot.text([a], {
            y: 'value',
            text: 'text',
            frameAnchor: side,
            textAnchor: side === 'left' ? 'start' : 'end',
            dx: side === 'left' ? 2 : -2,
            dy: -7,
            fill: 'currentColor',
            className: 'halo',
          } as Plot.TextOptions),
        );
      }
    }
  }

  // Rows above the plot: the first row with room takes each label, left to right.
  const rows: number[] = [];
  const placed: { label: (typeof topLabels)[number]; row: number }[] = [];
  for (const label of [...topLabels].sort((a, b) => a.at - b.at)) {
    let row = rows.findIndex((end) => label.at >= end + 6);
    if (row < 0) {
      if (rows.length >= MAX_ROWS) row = rows.length - 1;
      else row = rows.push(-Infinity) - 1;
    }
    rows[row] = Math.max(rows[row], label.end);
    placed.push({ label, row });
  }
  const extraTop = rows.length * ROW;
  const labels: Box[] = [];
  for (const { label, row } of placed) {
    const bottom = -(4 + (rows.length - 1 - row) * ROW);
    // The text's descenders reach a little below the row's line.
    labels.push({ x: label.anchor === 'start' ? label.at + 4 : label.at, y: bottom - ROW, width: label.end - label.at - 4, height: ROW + 3 });
    over.push(
      Plot.text([label], {
        x: 'x',
        text: 'text',
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        textAnchor: label.anchor,
        dx: label.anchor === 'start' ? 4 : -4,
        dy: -(4 + (rows.length - 1 - row) * ROW),
        fill: 'currentColor',
      } as Plot.TextOptions),
    );
  }
  return { under, over, extraTop, labels };
}

/** The end of a reference line with fewer drawn points near it. */
function clearerEnd(chart: ChartData, a: Annotation & { kind: 'reference' }, frame: MarkFrame, px: (x: Date | number) => number, py: (y: number) => number): 'left' | 'right' {
  const lineY = py(a.value);
  const width = textWidth(a.text) + 8;
  const left = frame.marginLeft;
  const right = frame.width - frame.marginRight;
  let [nearLeft, nearRight] = [0, 0];
  for (const d of chart.data) {
    if (d.y === null || typeof d.x === 'string') continue;
    const [x, y] = [px(d.x), py(d.y)];
    if (y > lineY - 18 && y < lineY + 4) {
      if (x < left + width) nearLeft++;
      if (x > right - width) nearRight++;
    }
  }
  return nearRight < nearLeft ? 'right' : 'left';
}
