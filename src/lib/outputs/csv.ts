import { embedPaths } from '../embed/targets.ts';
import type { ChartOutput } from './output.ts';

/** Exactly the figures a chart draws, with their sources (written with csvSafe). */
export const csvOutput: ChartOutput = {
  per: 'figure',
  path: ({ slug, figure }) => embedPaths.csv(slug, figure.id),
  contentType: 'text/csv; charset=utf-8',
  body: ({ figure }) => figure.csv,
};
