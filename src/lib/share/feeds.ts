import type { Story } from '../story/model.ts';
import { escapeXml } from './xml.ts';
import { formatDate } from '../dates.ts';
import { updatesInOrder } from '../story/updates.ts';
import type { SiteUrls } from './urls.ts';

/** Stories newest first (published, then slug), the order of the index page and the feed. */
export function newestFirst<T extends { story: Story }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.story.meta.published.localeCompare(a.story.meta.published) || a.story.slug.localeCompare(b.story.slug));
}

/** sitemap.xml: the home page and every story, with the date it last changed. */
export function sitemapXml(stories: readonly Story[], urls: SiteUrls): string {
  const changed = (s: Story) => s.meta.updated ?? s.meta.published;
  const latest = stories.map(changed).sort().at(-1);
  const entry = (loc: string, lastmod?: string) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    entry(urls.absolute(), latest),
    ...stories.map((s) => entry(urls.absolute(`${s.slug}/`), changed(s))),
    '</urlset>',
    '',
  ].join('\n');
}

/** RSS 2.0 feed of the stories, newest first. Dates come from the stories, never the clock. */
export function rssXml(stories: readonly Story[], channel: { title: string; description: string }, urls: SiteUrls): string {
  const sorted = newestFirst(stories.map((story) => ({ story }))).map((e) => e.story);
  const item = (s: Story) => {
    const link = urls.absolute(`${s.slug}/`);
    return [
      '<item>',
      `<title>${escapeXml(s.meta.title)}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `<pubDate>${rfc822(s.meta.published)}</pubDate>`,
      // RSS has no date of change: Atom's, whose namespace the feed declares, says it.
      s.meta.updated && s.meta.updated !== s.meta.published ? `<atom:updated>${s.meta.updated}T00:00:00Z</atom:updated>` : '',
      description(s) ? `<description>${escapeXml(description(s))}</description>` : '',
      '</item>',
    ].join('');
  };
  const latest = sorted.map((s) => s.meta.updated ?? s.meta.published).sort().at(-1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(urls.absolute())}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    '<language>en</language>',
    `<atom:link href="${escapeXml(urls.absolute('rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    latest ? `<lastBuildDate>${rfc822(latest)}</lastBuildDate>` : '',
    ...sorted.map(item),
    '</channel>',
    '</rss>',
    '',
  ].filter((line) => line !== '').join('\n') + '\n';
}

/** The item's description: the dek, then the latest update's note, dated. */
function description(s: Story): string {
  const latest = updatesInOrder(s.meta).at(-1);
  const update = latest ? `Updated ${formatDate(latest.date)}. ${latest.note}` : '';
  return [s.meta.dek, update].filter(Boolean).join(' ');
}

/** robots.txt: everything may be crawled; points at the sitemap. */
export function robotsTxt(urls: SiteUrls): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute('sitemap.xml')}\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-12-08` → `Mon, 08 Dec 2025 00:00:00 GMT` (RSS dates), in UTC whatever the machine's zone. */
export function rfc822(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${DAYS[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 GMT`;
}
