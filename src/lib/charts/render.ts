import { compactPath } from './pathData.ts';
import { shareMarks } from './sharedMarks.ts';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** A server-side DOM for Plot: the only place a DOM is made. */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/**
 * Renders Plot options to an SVG string ready to inline in a page: fluid
 * (viewBox only), without Plot's per-chart <style>, without attributes
 * that fail validation or accessibility checks, with short numbers and ids
 * unique to `id`. Same options in, same bytes out.
 */
export function renderChart(options: Plot.PlotOptions, id: string, document = serverDocument()): string {
  return cleanSvg(plotSvg(options, document), id);
}

/** Plot's own markup for `options`, before clean-up. */
export function plotSvg(options: Plot.PlotOptions, document = serverDocument()): string {
  return plotElement(options, document).outerHTML;
}

/**
 * Plot's markup for a chart's wide and narrow drawings, the narrow one
 * showing the wide one's marks where they are the same stretched (see
 * sharedMarks.ts): its `<use href="#^…">` need the wide drawing's id.
 */
export function plotPair(wide: Plot.PlotOptions, narrow: Plot.PlotOptions, document = serverDocument()): { wide: string; narrow: string } {
  const [w, n] = [plotElement(wide, document), plotElement(narrow, document)];
  shareMarks(w, n);
  return { wide: w.outerHTML, narrow: n.outerHTML };
}

/** Plot's drawing of `options`, as an element of `document`. */
export function plotElement(options: Plot.PlotOptions, document: Document): Element {
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
  if (node.tagName.toLowerCase() !== 'svg') {
    throw new Error(`renderChart: Plot returned <${node.tagName.toLowerCase()}>, expected <svg> (legends are drawn as direct labels)`);
  }
  return node;
}

/**
 * The clean-up, on the markup: see renderChart. Exported for tests.
 * `sharedId`: the id given to the drawing whose shapes a `<use href="#^…">`
 * of this one shows.
 */
export function cleanSvg(svg: string, id: string, sharedId?: string): string {
  return (
    svg
      .replace(/ href="#\^([^"]+)"/g, (_all, name: string) => {
        if (!sharedId) throw new Error(`cleanSvg: a <use> of shared shapes (#^${name}) needs the id of the drawing that has them`);
        return ` href="#${sharedId}-${name}"`;
      })
      // Plot's inline stylesheet repeats in every chart and needs unsafe-inline; the site CSS covers it.
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/^<svg([^>]*?) width="[\d.]+"/, '<svg$1')
      .replace(/^<svg([^>]*?) height="[\d.]+"/, '<svg$1')
      .replace(/ class="plot-[\w-]+"/, ' class="chart-svg"')
      // Not valid as an attribute; the stylesheet sets tabular figures.
      .replace(/ font-variant="[^"]*"/g, '')
      // Gridlines get a class so the stylesheet can give them contrast in both themes.
      .replace(/(<g\b[^>]*?) aria-label="[xy]-grid"/g, '$1 class="grid"')
      // aria-label on a plain <g> is not allowed; the figure is described in text.
      .replace(/(<g\b[^>]*?) aria-label="[^"]*"/g, '$1')
      .replace(/(<g\b[^>]*?) aria-hidden="true"/g, '$1')
      .replace(/ id="([^"]+)"/g, ` id="${id}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
      // A tenth of a pixel is finer than any screen shows in a path; other numbers keep two decimals.
      .replace(/ d="([^"]*)"/g, (_all, d: string) => ` d="${compactPath(d)}"`)
      // Positions to a tenth of a pixel, as in paths; a <use>'s matrix and em offsets are left alone.
      .replace(/ (x|y|x1|x2|y1|y2|cx|cy|width|height|transform)="([^"]*)"/g, (all, name: string, value: string) =>
        /em|matrix/.test(value) ? all : ` ${name}="${value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
      )
      // A <use>'s scale keeps its precision: 1% off moves a map's far edge by pixels.
      .replace(/(matrix\([^)]*\))|(\d+\.\d{2})\d+/g, (all, matrix?: string, short?: string) => matrix ?? short ?? all)
      .replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false"')
  );
}
