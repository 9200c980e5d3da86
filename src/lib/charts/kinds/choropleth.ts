import type { ChartKind } from './kind.ts';
import { describePlaceMap, placeMapOptions } from '../geo/placeMap.ts';

/** A world (or US) map with each place shaded by its value. */
export const choropleth = {
  type: 'choropleth',
  name: 'World map shaded by value',
  honours: ['regions', 'partial', 'classes'],
  zero: false,
  categorical: true,
  places: true,
  shades: true,
  options: placeMapOptions,
  describe: describePlaceMap,
} as const satisfies ChartKind;
