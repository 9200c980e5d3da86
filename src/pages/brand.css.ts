import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { brandCss } from '../lib/settings.ts';

/** The brand colours of content/site.yaml as custom properties (see Page.astro). */
export const GET: APIRoute = () =>
  new Response(brandCss(siteOrThrow({ reload: import.meta.env.DEV }).settings), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
