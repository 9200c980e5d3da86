/// <reference types="astro/client" />
import type { APIRoute } from 'astro';
import favicon from '../../public/favicon.svg?raw';
import { rasterise } from '../lib/share/rasterise.ts';
import { timed } from '../lib/timings.ts';

/** A PNG of public/favicon.svg for clients that do not take SVG icons (iOS home screens). */
export const GET: APIRoute = () => {
  const sized = favicon.replace('<svg ', '<svg width="180" height="180" ');
  return new Response(new Uint8Array(timed('share', () => rasterise(sized))), { headers: { 'Content-Type': 'image/png' } });
};
