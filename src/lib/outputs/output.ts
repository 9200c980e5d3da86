import type { Figure } from '../charts/figure.ts';
import type { EmbedTarget } from '../embed/targets.ts';
import type { Settings } from '../settings.ts';
import type { SiteUrls } from '../share/urls.ts';

/** What a per-chart file is made from. */
export interface ChartContext {
  slug: string;
  storyTitle: string;
  figure: Figure;
  /** The embed page, for outputs made per embed page (`per: 'embed'`). */
  target?: EmbedTarget;
  settings: Pick<Settings, 'name' | 'colours'>;
  urls: SiteUrls;
}

/**
 * A file the build writes for every chart (`per: 'figure'`, every state
 * included) or for every embed page (`per: 'embed'`). A new one is a
 * module exporting this and a line in registry.ts.
 */
export interface ChartOutput {
  per: 'figure' | 'embed';
  /** Site-relative path. */
  path(context: ChartContext): string;
  contentType: string;
  body(context: ChartContext): string | Uint8Array<ArrayBuffer>;
}
