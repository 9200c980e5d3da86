import type { ChartKind } from './kind.ts';
import { describeLocator } from '../geo/locatorDescribe.ts';
import { locatorOptions } from '../geo/locatorOptions.ts';

/** Each row a place, marked at its longitude and latitude or shaded as its country. */
export const locator = {
  type: 'locator',
  name: 'Locator map',
  honours: ['regions'],
  zero: false,
  categorical: true,
  places: true,
  pinpoints: true,
  options: locatorOptions,
  describe: (chart) => [describeLocator(chart)],
} as const satisfies ChartKind;
