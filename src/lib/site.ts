import { StoryError, type Problem } from './problems.ts';
import { checkProject, projectRoot } from './check.ts';
import type { Story } from './story/model.ts';
import { makeFigure, type Figure } from './charts/figure.ts';

export interface SiteStory {
  story: Story;
  /** One figure per entry of `story.charts`, same order. */
  figures: Figure[];
}

export interface Site {
  stories: SiteStory[];
  problems: Problem[];
}

export { checkProject, projectRoot } from './check.ts';

/** The whole site model: validated stories with their rendered figures. */
export function loadSite(root = projectRoot()): Site {
  const { stories, problems } = checkProject(root);
  const result = stories.map((story) => ({
    story,
    figures: story.charts.map(({ id, chart }) => makeFigure(id, chart, story.dataset.spec.source)),
  }));
  return { stories: result, problems };
}

let cached: { site: Site } | undefined;

/**
 * The site for Astro pages: loaded once per build, and refused with every
 * problem listed when anything is wrong, so a build never publishes a page
 * with a wrong number. In `astro dev` every request reloads (files change).
 */
export function siteOrThrow(options: { reload?: boolean } = {}): Site {
  if (!cached || options.reload) cached = { site: loadSite() };
  if (cached.site.problems.length > 0) throw new StoryError(cached.site.problems);
  return cached.site;
}
