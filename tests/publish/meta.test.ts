import { beforeAll, describe, expect, test } from 'vitest';
import { loadSite, type SiteStory } from '../../src/lib/site.ts';
import { clip, leadChart, storyCard, storyShare } from '../../src/lib/share/meta.ts';
import { jsonForScript } from '../../src/lib/share/xml.ts';
import { siteUrls } from '../../src/lib/share/urls.ts';
import { FIXTURE } from '../helpers.ts';
import type { Settings } from '../../src/lib/settings.ts';

let entry: SiteStory;
let settings: Settings;
const urls = siteUrls('https://newsroom.github.io', '/plotline/');

beforeAll(() => {
  const site = loadSite(FIXTURE);
  entry = site.stories.find((s) => s.story.slug === 'surplus')!;
  settings = site.settings;
});

function withMeta(meta: Partial<SiteStory['story']['meta']>): SiteStory {
  return { ...entry, story: { ...entry.story, meta: { ...entry.story.meta, ...meta } } };
}

describe('leadChart()', () => {
  test('picks the chart of the section named by lead:', () => {
    const sections = entry.story.charts.map((c) => c.section.id);
    const last = sections.at(-1) as string;
    expect(leadChart(withMeta({ lead: last }).story)).toBe(sections.length - 1);
    expect(leadChart(withMeta({ lead: sections[1] }).story)).toBe(1);
  });

  test('falls back to the first chart without lead:', () => {
    expect(leadChart(withMeta({ lead: undefined }).story)).toBe(0);
  });
});

describe('storyCard()', () => {
  test('gives the headline, the lead chart and a dated footer', () => {
    const lead = entry.story.charts.findIndex((c) => c.section.id === entry.story.meta.lead);
    const card = storyCard(entry, settings);
    expect(card?.title).toBe(entry.story.meta.title);
    expect(card?.chartSvg).toBe(entry.figures[lead].svg.narrow);
    expect(card?.footer).toBe('8 December 2025 · Ledger data desk');
    expect(storyCard(withMeta({ updated: '2025-12-09', byline: undefined }), settings)?.footer).toBe('9 December 2025');
  });

  test('is undefined for a story without charts', () => {
    expect(storyCard({ ...entry, story: { ...entry.story, charts: [] }, figures: [] }, settings)).toBeUndefined();
  });
});

describe('storyShare()', () => {
  test('gives an absolute image URL under the base, alt text and a NewsArticle', () => {
    const share = storyShare(withMeta({ updated: '2025-12-10' }), urls, settings);
    expect(share?.image).toMatchObject({ url: 'https://newsroom.github.io/plotline/surplus/share.png', width: 1200, height: 630 });
    expect(share?.image.alt).toContain(entry.story.meta.title);
    expect(share?.image.alt.length).toBeLessThanOrEqual(400);
    const article = JSON.parse(share?.jsonLd ?? '');
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: entry.story.meta.title,
      datePublished: '2025-12-08',
      dateModified: '2025-12-10',
      author: [{ name: 'Ledger data desk' }],
      image: ['https://newsroom.github.io/plotline/surplus/share.png'],
      mainEntityOfPage: 'https://newsroom.github.io/plotline/surplus/',
    });
  });
});

describe('jsonForScript()', () => {
  test('escapes characters that could end the script block, and stays valid JSON', () => {
    const value = { text: '</script><script>alert(1)</script> & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('clip()', () => {
  test('keeps short text and cuts long text at a word with "…"', () => {
    expect(clip('short', 10)).toBe('short');
    const cut = clip('the quick brown fox jumps over the lazy dog', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('the quick brown fox…');
  });
});
