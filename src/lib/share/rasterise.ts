import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CARD_FONT } from './card.ts';

/** The font files shipped for images (SIL OFL, see fonts/OFL.txt). */
const FONT_FILES = ['IBMPlexSans-Regular.ttf', 'IBMPlexSans-Bold.ttf'];

/**
 * The shipped fonts' paths. Like the rest of the build, this expects to run
 * from the project folder (npm scripts and Astro do).
 */
export function cardFontFiles(projectDir = process.cwd()): string[] {
  const files = FONT_FILES.map((name) => join(projectDir, 'src/lib/share/fonts', name));
  const missing = files.find((file) => !existsSync(file));
  if (missing) throw new Error(`share image font not found: ${missing} — run the build from the project folder`);
  return files;
}

/**
 * SVG → PNG with only the shipped fonts (system fonts are never looked at),
 * so the same SVG gives the same bytes on any machine. `zoom` draws it at
 * that many device pixels per SVG pixel (2 for a social post's image).
 */
export function rasterise(svg: string, fontFiles = cardFontFiles(), zoom = 1): Buffer {
  const resvg = new Resvg(svg, {
    ...(zoom === 1 ? {} : { fitTo: { mode: 'zoom' as const, value: zoom } }),
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CARD_FONT, sansSerifFamily: CARD_FONT },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
