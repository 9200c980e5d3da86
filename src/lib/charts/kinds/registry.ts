/**
 * Every chart kind, one line each, in the order the guide and the schema
 * list them. Adding a kind: write kinds/<kind>.ts (see kind.ts) and add it here.
 */
import type { ChartKind } from './kind.ts';
import { line } from './line.ts';
import { area } from './area.ts';
import { bar } from './bar.ts';
import { barX } from './barX.ts';
import { dot } from './dot.ts';
import { choropleth } from './choropleth.ts';
import { symbolMap } from './symbolMap.ts';
import { locator } from './locator.ts';
import { scatter } from './scatter.ts';
import { dumbbell } from './dumbbell.ts';
import { arrow } from './arrow.ts';
import { slope } from './slope.ts';
import { heatmap } from './heatmap.ts';

export const KINDS = [
  line,
  area,
  bar,
  barX,
  dot,
  choropleth,
  symbolMap,
  locator,
  scatter,
  dumbbell,
  arrow,
  slope,
  heatmap,
] as const satisfies readonly ChartKind[];

export type ChartType = (typeof KINDS)[number]['type'];

/** The values `type:` accepts, for the schema. */
export const CHART_TYPES = KINDS.map((kind) => kind.type) as [ChartType, ...ChartType[]];

/** The kind an editor's `type:` names. */
export function kindOf(type: string): ChartKind {
  return KINDS.find((kind) => kind.type === type)!;
}
