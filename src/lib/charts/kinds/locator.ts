import type { ChartKind } from './kind.ts';
import { describeLocator } from '../geo/locatorDescribe.ts';
import { locatorOptions } from '../geo/locatorOptions.ts';
import { checkTracks } from '../geo/locatorLines.ts';
import { checkCoordinates } from '../geo/coordinates.ts';

/** Each row a place, marked at its longitude and latitude or shaded as its country; with series:, the rows of each joined into a line. */
export const locator = {
  type: 'locator',
  name: 'Locator map',
  honours: ['regions', 'lon', 'lat'],
  zero: false,
  categorical: true,
  places: true,
  pinpoints: true,
  options: locatorOptions,
  describe: (chart) => [describeLocator(chart)],
  check: (input, problems) => {
    checkTracks(input, problems);
    checkCoordinates(input, problems);
  },
} as const satisfies ChartKind;
