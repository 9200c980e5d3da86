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
import { drawsUsMap } from './usPlaces.ts';
import { outsideUsMap } from './usPoints.ts';
import { checkCoordinates, coordinateColumns } from './coordinates.ts';
import { CATALOGUE, say } from '../../catalogue.ts';

export function placeMapOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  return isUsMap(chart) ? usMapOptions(chart, size, shapesFrom) : mapOptions(chart, size, shapesFrom);
}

/** A US map's own description; a world map's is the shared one (undefined). */
export function describePlaceMap(chart: ChartData): string[] | undefined {
  return isUsMap(chart) ? [describeUsMap(chart)] : undefined;
}

/**
 * A symbol map's checks: circles cannot show a value below zero; `map:`
 * must suit the places; every row put by its longitude and latitude has
 * both, on the globe, and on the US map when that is the map.
 */
export function checkSymbolMap(input: KindInput, problems: ChartProblem[]): void {
  const { data, x, spec, table } = input;
  const below = data.find((d) => d.y !== null && d.y < 0);
  if (below) problems.push({ field: 'type', ...say(CATALOGUE.circlesBelowZero, x, below.label, below.y!) });
  const set = table.places?.[x];
  const points = coordinateColumns(table, spec) !== undefined || spec.lon !== undefined || spec.lat !== undefined;
  if (spec.map === 'world' && isUsPlaceSet(set)) problems.push({ field: 'map', ...say(CATALOGUE.mapConflict, 'world', x, `US places (places: ${set})`) });
  else if (spec.map === 'us' && !isUsPlaceSet(set) && !points) problems.push({ field: 'map', ...say(CATALOGUE.mapConflict, 'us', x, set ? `countries (places: ${set})` : 'names without places: or coordinates') });
  else checkCoordinates(input, problems, drawsUsMap(spec, table, x) ? outsideUsMap : undefined);
}
