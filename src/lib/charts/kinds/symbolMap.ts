import type { ChartKind } from './kind.ts';
import { checkCircles, describePlaceMap, placeMapOptions } from '../geo/placeMap.ts';

/** A world (or US) map with a circle on each place, sized by its value. */
export const symbolMap = {
  type: 'symbolMap',
  name: 'World map with circles sized by value',
  honours: ['regions', 'partial'],
  zero: false,
  categorical: true,
  places: true,
  options: placeMapOptions,
  describe: describePlaceMap,
  check: checkCircles,
} as const satisfies ChartKind;
