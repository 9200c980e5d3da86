import type { SiteStory } from '../site.ts';
import type { Story } from '../story/model.ts';
import { formatDate } from '../dates.ts';
import { isCorrection, updatesInOrder } from '../story/updates.ts';
import { CARD, type CardInput } from './card.ts';
import { jsonForScript } from './xml.ts';
import { standaloneNarrow } from '../charts/figure.ts';
import type { SiteUrls } from './urls.ts';
import type { Settings } from '../settings.ts';

/** What of the newsroom's settings a share card and its metadata use. */
export type ShareSettings = Pick<Settings, 'name' | 'locale' | 'colours'>;

/**
 * The policy every page is built to pass. GitHub Pages cannot send headers,
 * so pages carry it in a <meta> (where frame-ancestors would be ignored).
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
/** Alt text longer than this is cut (X/Twitter's limit is 420). */
const ALT_MAX = 400;

/** What a page's <head> needs to be shared well; see Page.astro. */
export interface ShareMeta {
  image: { url: string; alt: string; width: number; height: number };
  published: string;
  modified: string;
  author?: string;
  /** JSON-LD, already escaped for a <script type="application/ld+json"> block. */
  jsonLd: string;
}

/** Index into `story.charts` of the chart that leads: the `lead:` section's chart, else the first. */
export function leadChart(story: Story): number {
  const lead = story.sections.find((section) => section.id === story.meta.lead);
  return lead && story.charts.length > 0 ? lead.shows : 0;
}

/** Site-relative path of a story's share image. */
export function shareImagePath(slug: string): string {
  return `${slug}/share.png`;
}

/** The share card of a story, or undefined for a story without a chart. */
export function storyCard({ story, figures }: SiteStory, settings: ShareSettings): CardInput | undefined {
  const figure = figures[leadChart(story)];
  if (!figure) return undefined;
  return {
    title: story.meta.title,
    kicker: settings.name,
    footer: [formatDate(story.meta.updated ?? story.meta.published, settings.locale), story.meta.byline].filter(Boolean).join(' · '),
    accent: settings.colours.light.accent,
    chartTitle: figure.title,
    chartSvg: standaloneNarrow(figure),
  };
}

/** Everything a story page shares: image with alt text, dates, JSON-LD NewsArticle. */
export function storyShare(entry: SiteStory, urls: SiteUrls, settings: ShareSettings): ShareMeta | undefined {
  const { story, figures } = entry;
  const figure = figures[leadChart(story)];
  if (!figure) return undefined;
  const image = {
    url: urls.absolute(shareImagePath(story.slug)),
    alt: clip(`${story.meta.title}. Chart: ${figure.title}. ${figure.description}`, ALT_MAX),
    ...CARD,
  };
  const modified = story.meta.updated ?? story.meta.published;
  const corrections = updatesInOrder(story.meta).filter(isCorrection);
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: clip(story.meta.title, 110),
    ...(story.meta.dek ? { description: story.meta.dek } : {}),
    datePublished: story.meta.published,
    dateModified: modified,
    author: [{ '@type': 'Organization', name: story.meta.byline ?? settings.name }],
    publisher: { '@type': 'Organization', name: settings.name, url: urls.absolute() },
    image: [image.url],
    mainEntityOfPage: urls.absolute(`${story.slug}/`),
    ...(corrections.length ? { correction: corrections.map((u) => ({ '@type': 'CorrectionComment', text: u.note, datePublished: u.date })) } : {}),
  };
  return { image, published: story.meta.published, modified, author: story.meta.byline, jsonLd: jsonForScript(article) };
}

/** Cuts at a word boundary and adds "…" when `text` is longer than `max`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Cut after the last whole word, unless that throws away most of the text.
  const end = /\s/.test(text[max - 1]) ? cut.length : cut.lastIndexOf(' ');
  return `${cut.slice(0, end > max / 2 ? end : cut.length).replace(/[\s,;:.]+$/, '')}…`;
}
