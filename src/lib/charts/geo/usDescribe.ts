/**
 * A US map in words: what is shaded or sized, how many places have a
 * value and how many are drawn as "no data", the highest and lowest
 * places and the median one, by name ("Harris, Texas"), not code.
 */
import { formatValue } from '../../format.ts';
import { shownDigits, type ChartData, type Datum } from '../model.ts';
import { alwaysDrawn, isUsPlaceSet, usIndex } from './usAtlas.ts';
import { drawsUsMap } from './usPlaces.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';

/** True when the chart is drawn on the US map. */
export function isUsMap(chart: ChartData): boolean {
  return drawsUsMap(chart.spec, chart.table, chart.x);
}

export function describeUsMap(chart: ChartData): string {
  const set = chart.table.places?.[chart.x];
  const index = isUsPlaceSet(set) ? usIndex(set) : undefined;
  const idOf = (d: Datum) => chart.places?.get(String(d.x))?.[0];
  const name = (d: Datum) => index?.byId.get(idOf(d) ?? '')?.name ?? d.label;
  const value = (d: Datum) => formatValue(d.y!, chart.unit, undefined, shownDigits(d), chart.locale);
  const columns = coordinateColumns(chart.table, chart.spec, chart.kind);
  const drawn = chart.data.filter((d) => d.y !== null && (idOf(d) !== undefined || pointOf(d, columns) !== undefined)).sort((a, b) => b.y! - a.y!);
  const noun = set === 'us-states' ? 'states' : set === 'us-counties' ? 'counties' : 'places';
  const kind = chart.kind.shades ? `Map of US ${noun} shaded by` : `Map of US ${noun} with circles sized by`;
  const measure = chart.measures.map((m) => m.label.toLowerCase()).join(' and ');
  const sentences = [`${kind} ${measure} (${chart.unit.label}), ${drawn.length} ${drawn.length === 1 ? noun.replace(/ies$/, 'y').replace(/s$/, '') : noun}.`];
  if (drawn.length === 0) return sentences.join(' ');
  const listed = (ds: Datum[]) => ds.map((d) => `${name(d)} ${value(d)}`).join(', ');
  const top = Math.min(3, Math.ceil(drawn.length / 3));
  sentences.push(`Highest: ${listed(drawn.slice(0, top))}. Lowest: ${listed(drawn.slice(-top).reverse())}.`);
  // The median place: the middle one, or the higher of the middle two.
  const median = drawn[Math.floor((drawn.length - 1) / 2)];
  sentences.push(`Median: ${name(median)}, ${value(median)}.`);
  const withData = new Set(drawn.map(idOf));
  if (!index) return sentences.join(' ');
  const missing = index.places.filter((p) => alwaysDrawn(p) && !withData.has(p.id));
  if (missing.length > 0 && missing.length <= 4) sentences.push(`No data for ${missing.map((p) => p.name).join('; ')}.`);
  else if (missing.length > 4) sentences.push(`No data for ${missing.length} ${noun}, hatched on the map.`);
  return sentences.join(' ');
}
