import { csvOutput } from './csv.ts';
import { png2xOutput, pngOutput, svgOutput } from './images.ts';
import { oembedOutput } from './oembed.ts';
import type { ChartOutput } from './output.ts';

/** Every file the build writes per chart; src/pages/[story]/[...file].ts serves them. */
export const CHART_OUTPUTS: readonly ChartOutput[] = [csvOutput, svgOutput, pngOutput, png2xOutput, oembedOutput];
