import { SIZES } from '../charts/plotOptions.ts';
import type { Figure } from '../charts/figure.ts';

/**
 * The height an embed starts at before its page reports its own: the wide
 * drawing's height at its width plus room for the title, the credit line
 * and the data button. Hosts that listen then fit the frame to the page.
 */
export function defaultHeight(figure: Pick<Figure, 'svg' | 'notes' | 'caption'>): number {
  const viewBox = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(figure.svg.wide);
  const drawing = viewBox ? Math.round((SIZES.wide.width * Number(viewBox[2])) / Number(viewBox[1])) : SIZES.wide.height;
  const lines = 3 + (figure.caption ? 1 : 0) + figure.notes.length;
  return drawing + 48 + lines * 20;
}

export interface EmbedCodeInput {
  /** Absolute URL of the embed page. */
  src: string;
  title: string;
  height: number;
  /** Absolute URL of the host listener (public/embed.js). */
  script: string;
}

/**
 * What an editor pastes into another page: the frame, and the listener that
 * fits its height to the chart (no inline script or style, so it passes a
 * strict Content-Security-Policy that allows this site's scripts). The
 * listener also takes the frame's border off; the rest is left to the host.
 */
export function embedCode({ src, title, height, script }: EmbedCodeInput): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" loading="lazy"></iframe><script src="${attr(script)}" async></script>`;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
