import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/share/feeds.ts';
import { urls } from '../layouts/urls.ts';

// Crawlers read robots.txt only at a host's root: under a sub-path this one
// is a pointer for people and tools; the sitemap link still works.
export const GET: APIRoute = () =>
  new Response(robotsTxt(urls), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
