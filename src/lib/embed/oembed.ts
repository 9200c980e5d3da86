import { IMAGE_WIDTH } from './chartImage.ts';

/** A rich oEmbed response (oembed.com, section 2.3.4): what a consumer turns a pasted URL into. */
export interface OEmbed {
  version: '1.0';
  type: 'rich';
  html: string;
  width: number;
  height: number;
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age?: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export interface OEmbedInput {
  title: string;
  /** The embed code (see embedCode.ts) and its starting size. */
  html: string;
  height: number;
  siteName: string;
  siteUrl: string;
  /** The chart's PNG at 1×, with its height. */
  thumbnail?: { url: string; height: number };
}

/** The oEmbed JSON of one chart: a static file, so it answers for every width a consumer asks for. */
export function oembed({ title, html, height, siteName, siteUrl, thumbnail }: OEmbedInput): OEmbed {
  return {
    version: '1.0',
    type: 'rich',
    html,
    width: 640,
    height,
    title,
    provider_name: siteName,
    provider_url: siteUrl,
    ...(thumbnail ? { thumbnail_url: thumbnail.url, thumbnail_width: IMAGE_WIDTH, thumbnail_height: thumbnail.height } : {}),
  };
}
