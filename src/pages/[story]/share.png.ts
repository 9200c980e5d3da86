import type { APIRoute } from 'astro';
import { siteOrThrow, type SiteStory } from '../../lib/site.ts';
import { shareCardSvg } from '../../lib/share/card.ts';
import { storyCard } from '../../lib/share/meta.ts';
import { rasterise } from '../../lib/share/rasterise.ts';
import type { Settings } from '../../lib/settings.ts';
import { contentKey } from '../../lib/memo.ts';
import { cachedBytes } from '../../lib/diskCache.ts';
import { timed } from '../../lib/timings.ts';

/** The 1200×630 share image of every story that has a chart. */
export function getStaticPaths() {
  // In dev, read afresh: Astro asks again only after content changed (see astro.config.mjs).
  const { stories, settings } = siteOrThrow({ reload: import.meta.env.DEV });
  return stories.filter((entry) => storyCard(entry, settings)).map((entry) => ({ params: { story: entry.story.slug }, props: { entry, settings }, cacheKey: entry.cacheKey }));
}

export const GET: APIRoute = ({ props }) => {
  const { entry, settings } = props as { entry: SiteStory; settings: Settings };
  const card = storyCard(entry, settings);
  if (!card) return new Response(null, { status: 404 });
  const svg = shareCardSvg(card);
  const png = timed('share', () => cachedBytes(`png-${contentKey(svg)}`, () => rasterise(svg)));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
