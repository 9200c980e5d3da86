import { chartImageSvg } from '../embed/chartImage.ts';
import { embedPaths } from '../embed/targets.ts';
import { rasterise } from '../share/rasterise.ts';
import { contentKey } from '../memo.ts';
import { cachedBytes } from '../diskCache.ts';
import type { ChartContext, ChartOutput } from './output.ts';

/** The chart as one standalone SVG: site name, title, drawing, notes, credit. */
export function chartImage({ figure, settings }: ChartContext): string {
  return chartImageSvg({ figure, siteName: settings.name, accent: settings.colours.light.accent });
}

export const svgOutput: ChartOutput = {
  per: 'figure',
  path: ({ slug, figure }) => embedPaths.svg(slug, figure.id),
  contentType: 'image/svg+xml',
  body: chartImage,
};

/** The chart's PNG at `zoom` pixels per SVG pixel, kept on disk between builds by its SVG (diskCache.ts). */
function png(context: ChartContext, zoom: number): Uint8Array<ArrayBuffer> {
  const svg = chartImage(context);
  return new Uint8Array(cachedBytes(`chart-png-${contentKey(svg, zoom)}`, () => rasterise(svg, undefined, zoom)));
}

/** A newsletter's width (600 px). */
export const pngOutput: ChartOutput = {
  per: 'figure',
  path: ({ slug, figure }) => embedPaths.png(slug, figure.id),
  contentType: 'image/png',
  body: (context) => png(context, 1),
};

/** The same at twice the pixels, for social posts. */
export const png2xOutput: ChartOutput = {
  per: 'figure',
  path: ({ slug, figure }) => embedPaths.png2x(slug, figure.id),
  contentType: 'image/png',
  body: (context) => png(context, 2),
};
