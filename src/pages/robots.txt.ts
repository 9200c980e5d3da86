/// <reference types="astro/client" />
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/share/feeds.ts';
import { siteUrls } from '../lib/share/urls.ts';

// Crawlers read robots.txt only at a host's root: under a sub-path this one
// is a pointer for people and tools; the sitemap link still works.
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(siteUrls(site!, import.meta.env.BASE_URL)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
