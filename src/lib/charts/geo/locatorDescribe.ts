/**
 * A locator map in words: which places it marks and where, in degrees
 * (the description stands in for the map, so the position is given).
 */
import type { ChartData } from '../model.ts';
import { locatorSpots } from './locatorOptions.ts';
import { describeTracks, locatorTracks } from './locatorLines.ts';

export function describeLocator(chart: ChartData): string {
  const tracks = locatorTracks(chart);
  const spots = locatorSpots(chart, tracks);
  const where = (lon: number, lat: number) => `${Math.abs(lat).toFixed(1)}°${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(1)}°${lon < 0 ? 'W' : 'E'}`;
  const places = spots.map((s) => `${s.d.label} (${s.area ? 'area centred at ' : ''}${where(s.lon, s.lat)})`);
  const lines = describeTracks(tracks);
  return `Locator map of ${spots.length} ${spots.length === 1 ? 'place' : 'places'}: ${places.join('; ')}.${lines ? ` ${lines}` : ''} A globe in the corner shows where the map lies.`;
}
