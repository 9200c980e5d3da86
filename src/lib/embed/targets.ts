import type { Figure } from '../charts/figure.ts';
import type { Story } from '../story/model.ts';

/**
 * One embeddable chart: what `/<story>/embed/<chart>/` shows. A chart
 * with states (`state:` steps) is one chart: its page shows the final
 * state, and `/<story>/embed/<chart>/<n>/` shows its nth state.
 */
export interface EmbedTarget {
  slug: string;
  /** The chart's id: its first state's figure id. */
  chart: string;
  /** 1-based state number, for the page of one state; undefined for the chart's own page. */
  state?: number;
  /** How many states the chart has (1 for a chart without states). */
  states: number;
  /** The figure shown. */
  figure: Figure;
}

/** Every embed page of a story: one per chart (its final state), and one per state of a chart with states. */
export function embedTargets(story: Pick<Story, 'slug' | 'charts'>, figures: readonly Figure[]): EmbedTarget[] {
  const groups = new Map<string, Figure[]>();
  story.charts.forEach((chart, i) => {
    const key = chart.group ?? chart.id;
    groups.set(key, [...(groups.get(key) ?? []), figures[i]]);
  });
  return [...groups].flatMap(([chart, members]) => {
    const own: EmbedTarget = { slug: story.slug, chart, states: members.length, figure: members.at(-1)! };
    if (members.length < 2) return [own];
    return [own, ...members.map((figure, i) => ({ slug: story.slug, chart, state: i + 1, states: members.length, figure }))];
  });
}

/** The embed page a figure of the story shows as: its state's page, or the chart's own for its final (or only) state. */
export function targetOfFigure(targets: readonly EmbedTarget[], figureId: string): EmbedTarget | undefined {
  const own = targets.find((t) => t.state === undefined && t.figure.id === figureId);
  return own ?? targets.find((t) => t.figure.id === figureId);
}

/** Site-relative paths of a chart's embed page and of what belongs to it. */
export const embedPaths = {
  /** `story/embed/chart/` or `story/embed/chart/2/`. */
  page: (t: Pick<EmbedTarget, 'slug' | 'chart' | 'state'>) => `${t.slug}/embed/${t.chart}/${t.state === undefined ? '' : `${t.state}/`}`,
  oembed: (t: Pick<EmbedTarget, 'slug' | 'chart' | 'state'>) => `${embedPaths.page(t)}oembed.json`,
  /** The figure's files, beside its CSV. */
  csv: (slug: string, figureId: string) => `${slug}/data/${figureId}.csv`,
  svg: (slug: string, figureId: string) => `${slug}/data/${figureId}.svg`,
  png: (slug: string, figureId: string) => `${slug}/data/${figureId}.png`,
  png2x: (slug: string, figureId: string) => `${slug}/data/${figureId}@2x.png`,
  /** The host listener a page that embeds charts loads (public/embed.js). */
  hostScript: () => 'embed.js',
};
