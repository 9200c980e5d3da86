import type { APIRoute } from 'astro';
import { siteOrThrow } from '../../lib/site.ts';
import { storyStateCss } from '../../lib/charts/figureStates.ts';

/** The rules that switch the states of the story's charts (figureStates.ts): a stylesheet, as the policy forbids inline style. */
export function getStaticPaths() {
  return siteOrThrow({ reload: import.meta.env.DEV })
    .stories.map(({ story, figures, cacheKey }) => ({ params: { story: story.slug }, props: { body: storyStateCss(figures) }, cacheKey }))
    .filter(({ props }) => props.body !== '');
}

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
