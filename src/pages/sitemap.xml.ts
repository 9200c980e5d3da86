/// <reference types="astro/client" />
import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { sitemapXml } from '../lib/share/feeds.ts';
import { siteUrls } from '../lib/share/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(sitemapXml(siteOrThrow().stories.map((e) => e.story), siteUrls(site!, import.meta.env.BASE_URL)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
