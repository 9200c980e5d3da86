import type { APIRoute } from 'astro';
import { siteOrThrow } from '../../lib/site.ts';
import { embedTargets } from '../../lib/embed/targets.ts';
import { CHART_OUTPUTS } from '../../lib/outputs/registry.ts';
import type { ChartContext, ChartOutput } from '../../lib/outputs/output.ts';
import { urls } from '../../layouts/urls.ts';
import { timed } from '../../lib/timings.ts';

/** Every per-chart file of src/lib/outputs/registry.ts: CSV, SVG, PNGs, oEmbed. */
export function getStaticPaths() {
  // In dev, read afresh: Astro asks again only after content changed (see astro.config.mjs).
  const { stories, settings } = siteOrThrow({ reload: import.meta.env.DEV });
  return stories.flatMap(({ story, figures, cacheKey }) => {
    const base = { slug: story.slug, storyTitle: story.meta.title, settings, urls };
    const contexts = {
      figure: figures.map((figure): ChartContext => ({ ...base, figure })),
      embed: embedTargets(story, figures).map((target): ChartContext => ({ ...base, figure: target.figure, target })),
    };
    return CHART_OUTPUTS.flatMap((output) =>
      contexts[output.per].map((context) => ({
        params: { story: story.slug, file: output.path(context).slice(story.slug.length + 1) },
        props: { output, context },
        cacheKey,
      })),
    );
  });
}

export const GET: APIRoute = ({ props }) => {
  const { output, context } = props as { output: ChartOutput; context: ChartContext };
  const body = timed('files', () => output.body(context));
  return new Response(body, { headers: { 'Content-Type': output.contentType } });
};
