/**
 * A locator map's lines: with `series:`, the rows of each of its values
 * are joined in the order of the table (a route, a track, a pipeline's
 * course), drawn along great circles. Each line's first and last places
 * are marked and named; the rows between only shape it.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, ChartProblem, Datum, KindInput } from '../model.ts';
import { ACCENT } from '../palette.ts';
import { CATALOGUE, say } from '../../catalogue.ts';
import { coordinateColumns, pointOf } from './coordinates.ts';

export interface Track {
  /** The series value the line is drawn for. */
  name: string;
  /** Its rows in the table's order, each with its point. */
  stops: { d: Datum; lon: number; lat: number }[];
}

/** The chart's lines, one per series value, in the order the series first appear in the table; none without `series:`. */
export function locatorTracks(chart: ChartData): Track[] {
  const columns = coordinateColumns(chart.table, chart.spec);
  if (!chart.series || !columns) return [];
  const byName = new Map<string, Track>();
  const rows = [...chart.data].sort((a, b) => (a.row?.line ?? 0) - (b.row?.line ?? 0));
  for (const d of rows) {
    const point = pointOf(d, columns);
    if (!point) continue;
    const track = byName.get(d.series) ?? { name: d.series, stops: [] };
    byName.set(d.series, track);
    track.stops.push({ d, lon: point[0], lat: point[1] });
  }
  return [...byName.values()];
}

/** The places a line's ends stand at: the rows a locator with lines marks and names. */
export function trackEnds(tracks: Track[]): Track['stops'] {
  return tracks.flatMap((t) => (t.stops.length > 1 ? [t.stops[0], t.stops.at(-1)!] : t.stops));
}

/** The lines as one mark, under the dots: great-circle segments in the accent colour. */
export function trackMark(tracks: Track[], narrow: boolean): Plot.Markish {
  const points = tracks.flatMap((t) => t.stops.map((s) => ({ lon: s.lon, lat: s.lat, track: t.name })));
  return Plot.line(points, { x: 'lon', y: 'lat', z: 'track', stroke: ACCENT, strokeWidth: narrow ? 1.5 : 2, strokeOpacity: 0.8 } as Plot.LineOptions);
}

/** Lines join rows by their coordinates: a locator that draws areas named by places: has none. */
export function checkTracks({ spec, table, x }: KindInput, problems: ChartProblem[]): void {
  if (spec.series && spec.series !== 'measure' && !coordinateColumns(table, spec)) problems.push({ field: 'series', ...say(CATALOGUE.locatorLinesWithoutCoordinates, spec.series, table.name, x) });
}

/** The lines in words: each from its first place to its last, and through how many more. */
export function describeTracks(tracks: Track[]): string | undefined {
  const drawn = tracks.filter((t) => t.stops.length > 1);
  if (drawn.length === 0) return undefined;
  const line = (t: Track) => {
    const between = t.stops.length - 2;
    const [first, last] = [t.stops[0].d.label, t.stops.at(-1)!.d.label];
    // "Seattle to Denver" needs no "from Seattle to Denver" after it.
    const ends = t.name.includes(first) && t.name.includes(last) ? '' : `, from ${first} to ${last}`;
    return `${t.name}${ends}${between ? ` through ${between} more ${between === 1 ? 'point' : 'points'}` : ''}`;
  };
  return `${drawn.length === 1 ? 'A line' : `${drawn.length} lines`}: ${drawn.map(line).join('; ')}.`;
}
