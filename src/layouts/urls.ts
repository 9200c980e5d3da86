/// <reference types="astro/client" />
import { base, site } from 'astro:config/server';
import { siteUrls } from '../lib/share/urls.ts';

/**
 * This build's paths and absolute URLs, from Astro's config (site, base).
 * Read from astro:config rather than import.meta.env.BASE_URL, which an
 * inherited BASE_URL environment variable can override.
 */
export const urls = siteUrls(site ?? 'https://example.org', base);
