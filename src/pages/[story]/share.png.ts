import type { APIRoute } from 'astro';
import { siteOrThrow, type SiteStory } from '../../lib/site.ts';
import { shareCardSvg } from '../../lib/share/card.ts';
import { storyCard } from '../../lib/share/meta.ts';
import { rasterise } from '../../lib/share/rasterise.ts';

/** The 1200×630 share image of every story that has a chart. */
export function getStaticPaths() {
  return siteOrThrow()
    .stories.filter((entry) => storyCard(entry))
    .map((entry) => ({ params: { story: entry.story.slug }, props: { entry } }));
}

export const GET: APIRoute = ({ props }) => {
  const card = storyCard((props as { entry: SiteStory }).entry);
  if (!card) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(rasterise(shareCardSvg(card))), { headers: { 'Content-Type': 'image/png' } });
};
