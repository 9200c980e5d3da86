import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { sitemapXml } from '../lib/share/feeds.ts';
import { urls } from '../layouts/urls.ts';

export const GET: APIRoute = () =>
  new Response(sitemapXml(siteOrThrow().stories.map((e) => e.story), urls), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
