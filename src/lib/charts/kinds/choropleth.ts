import type { ChartKind } from './kind.ts';

/** A world (or US) map with each place shaded by its value. */
export const choropleth = {
  type: 'choropleth',
  name: 'World map shaded by value',
  honours: ['regions', 'partial'],
} as const satisfies ChartKind;
