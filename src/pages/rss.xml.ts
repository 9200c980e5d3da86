import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { rssXml } from '../lib/share/feeds.ts';
import { urls } from '../layouts/urls.ts';

export const GET: APIRoute = () => {
  const { stories, settings } = siteOrThrow();
  return new Response(rssXml(stories.map((e) => e.story), { title: settings.name, description: settings.description }, urls), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
