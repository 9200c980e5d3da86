import { escapeXml } from './xml.ts';
import { wrapText } from './textWidth.ts';

/** Open Graph's recommended image size. */
export const CARD = { width: 1200, height: 630 } as const;
/** The family name of the font files the rasteriser loads. */
export const CARD_FONT = 'IBM Plex Sans';

const INK = '#1b1d21';
const MUTED = '#5b6169';
const PAD = 64;
/** Left column: kicker, headline, footer. Right: chart title and chart. */
const TEXT = { x: PAD, width: 440, top: 150, bottom: 540 };
const CHART = { x: 560, width: CARD.width - 560 - PAD + 8, top: 84, bottom: CARD.height - 40 };
const TITLE_SIZES = [56, 50, 44, 38, 34];

export interface CardInput {
  /** The story's headline. */
  title: string;
  /** Small line above the headline: the site's name. */
  kicker: string;
  /** Small line at the foot: date, byline. */
  footer: string;
  chartTitle: string;
  /** A chart from src/lib/charts/render.ts (root <svg> with a viewBox). */
  chartSvg: string;
  /** The brand's accent (its light-theme one: the card is white): the top rule and the kicker. */
  accent: string;
}

/** The share image as SVG: headline on the left, the lead chart on the right. */
export function shareCardSvg(input: CardInput): string {
  const title = fitTitle(input.title, TEXT.width, TEXT.bottom - TEXT.top);
  const chartTitle = wrapText(input.chartTitle, CHART.width, 24, 2).lines;
  const chartTop = CHART.top + chartTitle.length * 30 + 12;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="${CARD_FONT}">`,
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>`,
    `<rect width="${CARD.width}" height="10" fill="${input.accent}"/>`,
    text(input.kicker.toUpperCase(), TEXT.x, 100, 24, 700, input.accent, ' letter-spacing="3"'),
    ...title.lines.map((line, i) => text(line, TEXT.x, TEXT.top + title.size * (0.9 + i * 1.15), title.size, 700, INK)),
    ...wrapText(input.footer, TEXT.width, 22, 1).lines.map((line) => text(line, TEXT.x, CARD.height - PAD + 6, 22, 400, MUTED)),
    `<line x1="${CHART.x - 28}" y1="${CHART.top - 20}" x2="${CHART.x - 28}" y2="${CARD.height - PAD}" stroke="#d9dce1" stroke-width="2"/>`,
    ...chartTitle.map((line, i) => text(line, CHART.x, CHART.top + 20 + i * 30, 24, 700, INK)),
    embedChart(input.chartSvg, { x: CHART.x, y: chartTop, width: CHART.width, height: CHART.bottom - chartTop }),
    '</svg>',
  ].join('');
}

/** The largest headline size whose wrapped lines fit `height`; the smallest, cut with "…", if none does. */
export function fitTitle(title: string, width: number, height: number): { size: number; lines: string[] } {
  for (const size of TITLE_SIZES) {
    const maxLines = Math.floor((height - size * 0.9) / (size * 1.15)) + 1;
    const { lines, complete } = wrapText(title, width, size, maxLines);
    if (complete) return { size, lines };
  }
  const size = TITLE_SIZES[TITLE_SIZES.length - 1];
  return { size, lines: wrapText(title, width, size, Math.floor((height - size * 0.9) / (size * 1.15)) + 1).lines };
}

/**
 * Places a chart's root <svg> in `box` (scaled to fit, centred), with the
 * card's font and ink for currentColor. The chart's own viewBox is kept;
 * attributes meant for a page (role, aria-*, class, xmlns) are dropped.
 */
export function embedChart(svg: string, box: { x: number; y: number; width: number; height: number }): string {
  const open = /^<svg\b([^>]*)>/.exec(svg);
  const viewBox = open && /\sviewBox="([^"]+)"/.exec(open[1]);
  if (!open || !viewBox) throw new Error('embedChart: expected an <svg> with a viewBox');
  const kept = [...open[1].matchAll(/\s([\w-]+)="([^"]*)"/g)].filter(([, name]) => /^(fill|font-size|text-anchor)$/.test(name)).map(([attr]) => attr);
  const placed = `<svg x="${box.x}" y="${round(box.y)}" width="${box.width}" height="${round(box.height)}" viewBox="${viewBox[1]}"${kept.join('')} font-family="${CARD_FONT}" color="${INK}">`;
  return placed + svg.slice(open[0].length);
}

function text(content: string, x: number, y: number, size: number, weight: number, fill: string, extra = ''): string {
  return `<text x="${x}" y="${round(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}"${extra}>${escapeXml(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
