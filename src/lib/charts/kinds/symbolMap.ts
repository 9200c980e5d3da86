import type { ChartKind } from './kind.ts';
import { checkSymbolMap, describePlaceMap, placeMapOptions } from '../geo/placeMap.ts';

/** A world (or US) map with a circle on each place, sized by its value. */
export const symbolMap = {
  type: 'symbolMap',
  name: 'World map with circles sized by value',
  honours: ['regions', 'partial', 'lon', 'lat', 'map'],
  zero: false,
  categorical: true,
  places: true,
  options: placeMapOptions,
  describe: describePlaceMap,
  check: checkSymbolMap,
} as const satisfies ChartKind;
