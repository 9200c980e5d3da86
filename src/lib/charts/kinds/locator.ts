import type { ChartKind } from './kind.ts';

/** Each row a place, marked at its longitude and latitude or shaded as its country. */
export const locator = {
  type: 'locator',
  name: 'Locator map',
  honours: ['regions'],
} as const satisfies ChartKind;
