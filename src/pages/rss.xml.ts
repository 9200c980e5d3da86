/// <reference types="astro/client" />
import type { APIRoute } from 'astro';
import { siteOrThrow } from '../lib/site.ts';
import { rssXml } from '../lib/share/feeds.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/share/meta.ts';
import { siteUrls } from '../lib/share/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    rssXml(siteOrThrow().stories.map((e) => e.story), { title: SITE_NAME, description: SITE_DESCRIPTION }, siteUrls(site!, import.meta.env.BASE_URL)),
    { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } },
  );
