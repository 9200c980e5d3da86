import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { rssXml } from '../lib/share/feeds.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/share/meta.ts';
import { urls } from '../layouts/urls.ts';

export const GET: APIRoute = () =>
  new Response(
    rssXml(siteOrThrow().stories.map((e) => e.story), { title: SITE_NAME, description: SITE_DESCRIPTION }, urls),
    { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } },
  );
