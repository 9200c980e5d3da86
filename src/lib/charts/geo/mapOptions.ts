/**
 * World maps with Plot's geo marks, drawn at build time: a choropleth
 * (each country shaded by its place's value, in classes with a key above
 * the map) or a symbol map (a circle per place, its area in proportion to
 * the value, on grey land). Both use the Equal Earth projection, which
 * keeps areas true, and shapes simplified to the drawing's width. Places
 * are named with their value where there is room: all of them when there
 * are a few, the highlighted ones when there are many.
 */
import * as Plot from '@observablehq/plot';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { formatShort, formatTick, unitHeading } from '../../format.ts';
import type { ChartData, Datum, Size } from '../model.ts';
import { ACCENT, PRIMARY } from '../palette.ts';
import { textWidth } from '../../share/textWidth.ts';
import { labelEvery } from '../valueTicks.ts';
import { countryShapes, mergedShape, withoutSpecks } from './shapes.ts';
import { maxOf, minOf } from '../../extent.ts';
import { quantileClasses } from './quantileClasses.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';

/** The key's words for places drawn without a value. */
export const NO_DATA = 'No data';

/**
 * The id a map's shapes carry in the drawing they are shared from, and the
 * placeholder another drawing's `<use>` points at: `href="#^land"` is
 * resolved to the shared drawing's id when the figure is put together.
 */
export const SHARED_SHAPES = ['land', 'places'] as const;

/** Places labelled by default: all of them up to this many. */
const FEW = 8;
export const KEY_HEIGHT = 34;
/** Square pixels: smaller context islands are not drawn. */
const SPECK = 2;
/** Map outlines are written to half a pixel, the finest step their simplification keeps. */
const OUTLINE_STEP = 0.5;

/**
 * Plot options for a map `size` wide. With `shapesFrom`, the countries are
 * not drawn again: `<use>` elements show those of the drawing at that size,
 * scaled, so a page carrying both drawings carries the shapes once. Both
 * projections are fitted to the same world, so one is the other scaled and
 * moved; the names and values are set for this size.
 */
export function mapOptions(chart: ChartData, size: Size, shapesFrom?: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const source = shapesFrom ?? size;
  const shapes = countryShapes(source.width);
  const features = [...shapes.values()];
  const idsOf = (d: Datum) => (chart.places?.get(String(d.x)) ?? []).filter((id) => shapes.has(id));
  const columns = coordinateColumns(chart.table, chart.spec, chart.kind);
  // A circle stands at its row's coordinates, else at the centre of its place.
  const where = (d: Datum) => {
    const point = pointOf(d, columns);
    return point ? { lon: point[0], lat: point[1] } : spot(idsOf(d), shapes);
  };
  // Places too small for the map (Malta, Barbados) are in the description and table, not drawn.
  const drawn = chart.data.filter((d) => d.y !== null && (idsOf(d).length > 0 || pointOf(d, columns) !== undefined));
  const choropleth = chart.kind.shades === true;
  const frame = mapFrame(choropleth, size);
  const world = { type: 'FeatureCollection', features } as const;
  const projection = fittedProjection(frame, world);
  const marks: Plot.Markish[] = [];

  if (shapesFrom) {
    const from = fittedProjection(mapFrame(choropleth, shapesFrom), world);
    marks.push(sharedShapes(from, projection, choropleth ? SHARED_SHAPES : SHARED_SHAPES.slice(0, 1)));
  }
  if (choropleth) {
    const classes = mapClasses(chart, drawn.map((d) => d.y!));
    if (!shapesFrom) {
      const valueOf = new Map<string, number>();
      for (const d of drawn) for (const id of idsOf(d)) valueOf.set(id, d.y!);
      // Each place is one shape (a region's inner borders dissolved) and the
      // countries without data one grey land, without the borders between
      // them: they are context, and their borders would double the map's bytes.
      const restIds = features.map(featureId).filter((id) => !valueOf.has(id));
      const places = drawn.map((d) => ({ ...mergedShape(size.width, idsOf(d)), value: d.y! }));
      // Islands of the grey land smaller than a speck are left out: no place with data is.
      const rest = withoutSpecks(mergedShape(size.width, restIds), (f) => geoPath(projection).area(f), SPECK);
      marks.push(
        Plot.geo([rest], { fill: 'currentColor', fillOpacity: 0.1, render: withId('land') } as Plot.GeoOptions),
        Plot.geo(places, {
          fill: (f: { value: number }) => classes.colour(f.value),
          stroke: 'currentColor',
          strokeOpacity: 0.35,
          strokeWidth: 0.5,
          render: withId('places', true),
        } as Plot.GeoOptions),
      );
    }
    marks.push(colourKey(classes, chart, frame));
  } else {
    if (!shapesFrom) {
      marks.push(
        Plot.geo(features, { fill: 'currentColor', fillOpacity: 0.1, stroke: 'currentColor', strokeOpacity: 0.25, strokeWidth: 0.5, render: withId('land', true) } as Plot.GeoOptions),
      );
    }
    const spots = drawn.map((d) => ({ ...d, ...where(d) })).sort((a, b) => b.y! - a.y!);
    marks.push(
      Plot.dot(spots, {
        x: 'lon',
        y: 'lat',
        r: 'y',
        fill: (d: Datum) => (d.highlight ? ACCENT : PRIMARY),
        fillOpacity: 0.55,
        stroke: (d: Datum) => (d.highlight ? ACCENT : PRIMARY),
        strokeWidth: 1,
      } as Plot.DotOptions),
    );
  }
  marks.push(...placeLabels(chart, drawn, where, narrow, choropleth ? undefined : (d) => rMaxOf(narrow) * Math.sqrt(d.y! / maxOf(drawn.map((e) => e.y!)))));
  // Circle areas in proportion to the values: a square-root scale from zero.
  const r = choropleth ? undefined : { type: 'sqrt', domain: [0, maxOf(drawn.map((d) => d.y!))], range: [0, rMaxOf(narrow)] };
  return { ...frame, projection, style: undefined, marks, ...(r ? { r } : {}) } as unknown as Plot.PlotOptions;
}

/** The drawing's frame: the map about twice as wide as it is tall (no taller than the size allows), under the key of a choropleth. */
function mapFrame(choropleth: boolean, size: Size) {
  const marginTop = choropleth ? KEY_HEIGHT : 8;
  const mapHeight = Math.min(Math.round(size.width * 0.5), size.height - marginTop - 4);
  return { width: size.width, height: mapHeight + marginTop + 4, marginTop, marginRight: 4, marginBottom: 4, marginLeft: 4 };
}

/** Equal Earth fitted to the frame: at any size, the same world scaled and moved. */
function fittedProjection(frame: ReturnType<typeof mapFrame>, world: Parameters<GeoProjection['fitExtent']>[1]): GeoProjection {
  const { width, height, marginTop, marginRight, marginBottom, marginLeft } = frame;
  return geoEqualEarth().fitExtent([[marginLeft, marginTop], [width - marginRight, height - marginBottom]], world);
}

/** A render transform that names the mark's group, so another drawing can `<use>` it. */
export function withId(id: string, keepStroke = false): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context)!;
    g.setAttribute('id', id);
    for (const path of g.querySelectorAll('path')) {
      path.setAttribute('d', roundPath(path.getAttribute('d') ?? '', OUTLINE_STEP));
      // Scaled by a <use>, a border keeps its width on screen.
      if (keepStroke) path.setAttribute('vector-effect', 'non-scaling-stroke');
    }
    return g;
  };
}

/** Every number of an absolute path rounded to `step`. */
function roundPath(d: string, step: number): string {
  return d.replace(/-?\d*\.?\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) / step) * step));
}

/** `<use>` of the shapes drawn with projection `from`, moved onto projection `to`. */
export function sharedShapes(from: GeoProjection, to: GeoProjection, ids: readonly string[]): Plot.RenderFunction {
  const k = to.scale() / from.scale();
  const [fx, fy] = from.translate();
  const [tx, ty] = to.translate();
  const matrix = [k, 0, 0, k, tx - k * fx, ty - k * fy].map((v) => Math.round(v * 1e4) / 1e4).join(' ');
  return (_index, _scales, _values, _dimensions, context) => {
    const ns = 'http://www.w3.org/2000/svg';
    const g = context.document.createElementNS(ns, 'g');
    for (const id of ids) {
      const use = context.document.createElementNS(ns, 'use');
      use.setAttribute('href', `#^${id}`);
      use.setAttribute('transform', `matrix(${matrix})`);
      g.append(use);
    }
    return g as SVGElement;
  };
}

const rMaxOf = (narrow: boolean) => (narrow ? 16 : 26);

function featureId(f: Feature): string {
  return f.id === undefined ? (f.properties as { name: string }).name : String(f.id);
}

/** Where a place is marked: the centre of its largest country (a region's too, so a label never lands at sea). */
function spot(ids: string[], shapes: Map<string, Feature<Geometry, { name: string }>>): { lon: number; lat: number } {
  const largest = ids.map((id) => shapes.get(id)).filter((f) => f !== undefined).sort((a, b) => geoArea(b) - geoArea(a))[0];
  if (!largest) return { lon: 0, lat: 0 };
  const [lon, lat] = geoCentroid(mainPart(largest));
  return { lon, lat };
}

/** A country's biggest polygon (France without its overseas parts). */
function mainPart(f: Feature<Geometry, { name: string }>): Feature<Geometry, { name: string }> {
  if (f.geometry.type !== 'MultiPolygon') return f;
  const parts = f.geometry.coordinates.map((coordinates) => ({ ...f, geometry: { type: 'Polygon' as const, coordinates } }));
  return parts.sort((a, b) => geoArea(b) - geoArea(a))[0];
}

/** Name and value beside each place that has room: all when there are a few, highlighted ones when many. */
function placeLabels(chart: ChartData, drawn: Datum[], where: (d: Datum) => { lon: number; lat: number }, narrow: boolean, radius?: (d: Datum) => number): Plot.Markish[] {
  const which = chart.spec.values ?? (drawn.length <= FEW ? 'all' : 'highlighted');
  if (which === 'none') return [];
  const chosen = drawn.filter((d) => which === 'all' || d.highlight);
  const text = (d: Datum) => (narrow ? `${d.label}\n${formatShort(d.y!, chart.unit, undefined, chart.locale)}` : `${d.label} ${formatShort(d.y!, chart.unit, undefined, chart.locale)}`);
  const options = { x: 'lon', y: 'lat', text: 'text', fontWeight: 'bold', fontSize: 11, lineHeight: 1.1, fill: 'currentColor', className: 'halo' };
  const labelled = chosen.map((d) => ({ ...d, ...where(d), text: text(d) }));
  // On a choropleth the label sits on its place; beside a circle, to its right.
  if (!radius) return [Plot.text(labelled, options as Plot.TextOptions)];
  return labelled.map((d) => Plot.text([d], { ...options, textAnchor: 'start', dx: Math.ceil(radius(d)) + 3 } as Plot.TextOptions));
}

export interface Classes {
  edges: number[];
  colours: string[];
  colour: (v: number) => string;
}

/** A choropleth's classes: of equal width, or of equal counts with `classes: quantile`. */
export function mapClasses(chart: ChartData, values: number[]): Classes {
  return chart.spec.classes === 'quantile' ? quantileClasses(values) : colourClasses(values);
}

/**
 * Five or six classes of equal width over a nice range; values of both
 * signs get a diverging scheme centred on zero (red below, blue above),
 * values of one sign a sequential one.
 */
export function colourClasses(values: number[]): Classes {
  const low = minOf(values);
  const high = maxOf(values);
  const diverging = low < 0 && high > 0;
  let edges: number[];
  if (diverging) {
    const step = niceStep(Math.max(-low, high) / 3);
    edges = [-3, -2, -1, 0, 1, 2, 3].map((k) => k * step);
  } else {
    const [a, b] = low >= 0 ? [0, high] : [low, 0];
    const step = niceStep((b - a) / 5);
    const start = Math.floor(a / step) * step;
    const count = Math.max(3, Math.ceil((b - start) / step));
    edges = Array.from({ length: count + 1 }, (_, k) => start + k * step);
  }
  const n = edges.length - 1;
  const scheme = diverging ? 'RdBu' : low >= 0 ? 'Blues' : 'Reds';
  const scale = Plot.scale({ color: { type: 'quantize', domain: [edges[0], edges.at(-1)!], n, scheme, ...(low < 0 && !diverging ? { reverse: true } : {}) } });
  const colours = (scale.range as string[]).slice(0, n);
  const colour = (v: number) => {
    let i = 0;
    while (i < n - 1 && v > edges[i + 1]) i++;
    return colours[i];
  };
  return { edges, colours, colour };
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** The classes as a row of swatches above the map, with the edges written under them. */
export function colourKey(classes: Classes, chart: ChartData, frame: { width: number; marginLeft: number }, noData?: string): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = 'http://www.w3.org/2000/svg';
    const g = doc.createElementNS(ns, 'g');
    const title = unitHeading(chart.unit);
    const noDataWidth = noData ? textWidth(noData, 10) + 24 : 0;
    const swatch = Math.min(40, (frame.width - 120 - noDataWidth) / classes.colours.length);
    const left = frame.marginLeft + Math.max(textWidth(title, 10) + 10, 0);
    const label = doc.createElementNS(ns, 'text');
    label.setAttribute('x', String(frame.marginLeft));
    label.setAttribute('y', '12');
    label.setAttribute('text-anchor', 'start');
    label.textContent = title;
    g.append(label);
    classes.colours.forEach((colour, i) => {
      const rect = doc.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(left + i * swatch));
      rect.setAttribute('y', '4');
      rect.setAttribute('width', String(swatch - 1));
      rect.setAttribute('height', '10');
      rect.setAttribute('fill', colour);
      g.append(rect);
    });
    // Long edges ("10,000,000") are written every other swatch (or fewer), so that none run together.
    const edges = classes.edges.map((edge) => formatTick(edge, chart.unit, chart.locale));
    const every = labelEvery(Math.max(...edges.map((e) => textWidth(e, 11))), swatch);
    classes.edges.forEach((_, i) => {
      if (i % every !== 0) return;
      const text = doc.createElementNS(ns, 'text');
      text.setAttribute('x', String(left + i * swatch - 0.5));
      text.setAttribute('y', '26');
      text.setAttribute('text-anchor', 'middle');
      text.textContent = edges[i];
      g.append(text);
    });
    if (noData) {
      // Places without a value: a hatched swatch after a gap, as they are drawn.
      const x = left + classes.colours.length * swatch + 12;
      const rect = doc.createElementNS(ns, 'rect');
      for (const [name, value] of [['x', x], ['y', 4], ['width', 16], ['height', 10], ['fill', 'url(#nodata)'], ['class', 'nodata']] as const) rect.setAttribute(name, String(value));
      const text = doc.createElementNS(ns, 'text');
      for (const [name, value] of [['x', x + 20], ['y', 12], ['text-anchor', 'start']] as const) text.setAttribute(name, String(value));
      text.textContent = noData;
      g.append(rect, text);
    }
    return g as SVGElement;
  };
}
