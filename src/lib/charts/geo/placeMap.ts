/**
 * The maps of places shaded or sized by value (choropleth, symbolMap): a
 * world map, or a US one when the chart's place column declares
 * `places: us-states | us-counties`, each with its own projection, shapes
 * and description.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartData, ChartProblem, KindInput } from '../model.ts';
import type { Size } from '../frame.ts';
import { mapOptions } from './mapOptions.ts';
import { usMapOptions } from './usMapOptions.ts';
import { isUsPlaceSet } from './usAtlas.ts';
import { describeUsMap, isUsMap } from './usDescribe.ts';
import { CATALOGUE, say } from '../../catalogue.ts';

export function placeMapOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  return isUsPlaceSet(chart.table.places?.[chart.x]) ? usMapOptions(chart, size, shapesFrom) : mapOptions(chart, size, shapesFrom);
}

/** A US map's own description; a world map's is the shared one (undefined). */
export function describePlaceMap(chart: ChartData): string[] | undefined {
  return isUsMap(chart) ? [describeUsMap(chart)] : undefined;
}

/** Circles sized by value cannot show a value below zero. */
export function checkCircles({ data, x }: KindInput, problems: ChartProblem[]): void {
  const below = data.find((d) => d.y !== null && d.y < 0);
  if (below) problems.push({ field: 'type', ...say(CATALOGUE.circlesBelowZero, x, below.label, below.y!) });
}
