import { defaultHeight, embedCode } from '../embed/embedCode.ts';
import { oembed } from '../embed/oembed.ts';
import { embedPaths, type EmbedTarget } from '../embed/targets.ts';
import { chartImage } from './images.ts';
import type { ChartOutput } from './output.ts';
import type { SiteUrls } from '../share/urls.ts';

/** The embed code of a chart's embed page (iframe and listener), at its starting height. */
export function embedSnippet({ target, urls }: { target: EmbedTarget; urls: SiteUrls }): { html: string; height: number } {
  const { figure } = target;
  const height = defaultHeight(figure);
  const html = embedCode({ src: urls.absolute(embedPaths.page(target)), title: figure.title, height, script: urls.absolute(embedPaths.hostScript()) });
  return { html, height };
}

/** The static oEmbed answer of an embed page, found through its discovery <link>. */
export const oembedOutput: ChartOutput = {
  per: 'embed',
  path: ({ target }) => embedPaths.oembed(target!),
  contentType: 'application/json',
  body: (context) => {
    const { target, figure, settings, urls, slug } = context;
    const { html, height } = embedSnippet({ target: target!, urls });
    const imageHeight = Number(/ height="(\d+)"/.exec(chartImage(context))?.[1]);
    const json = oembed({
      title: figure.title,
      html,
      height,
      siteName: settings.name,
      siteUrl: urls.absolute(),
      thumbnail: { url: urls.absolute(embedPaths.png(slug, figure.id)), height: imageHeight },
    });
    return `${JSON.stringify(json, null, 2)}\n`;
  },
};
