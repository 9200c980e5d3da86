/**
 * What the kinds drawn on a value axis (cartesian.ts) hand their own marks:
 * the shared frame's data, colours and room. Types only, below cartesian.ts
 * and the kinds' mark helpers (bars.ts, pathMarks.ts).
 */
import type * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './model.ts';

/** What a kind's marks are drawn with: the chart, its drawn values, their colours and the plot's room. */
export interface MarkContext {
  chart: ChartData;
  /** The data with a value. */
  drawn: Datum[];
  /** A mark's colour: its series', or the accent when highlighted. */
  colour: (d: Datum) => string;
  /** A line's colour, one along its length: its series'. */
  lineColour: (d: Datum) => string;
  /** Series drawn grey, behind the others. */
  context: Set<string>;
  narrow: boolean;
  /** The plot's width between its margins. */
  plotWidth: number;
  xValue: (d: Datum) => Datum['x'];
}

/** A kind's own marks on the shared frame. */
export type KindMarks = (context: MarkContext) => Plot.Markish[];
