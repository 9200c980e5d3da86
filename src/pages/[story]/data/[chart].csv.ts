import type { APIRoute } from 'astro';
import { siteOrThrow } from '../../../lib/site.ts';

/** One CSV per chart: exactly the figures it draws, with their sources. */
export function getStaticPaths() {
  // In dev, read afresh: Astro asks again only after content changed (see astro.config.mjs).
  return siteOrThrow({ reload: import.meta.env.DEV }).stories.flatMap(({ story, figures, cacheKey }) =>
    figures.map((figure) => ({ params: { story: story.slug, chart: figure.id }, props: { csv: figure.csv }, cacheKey })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
