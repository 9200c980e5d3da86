import { embedChart } from '../share/card.ts';
import { wrapText } from '../share/textWidth.ts';
import { escapeXml } from '../share/xml.ts';
import { sourceLine, type Figure } from '../charts/figure.ts';

/** A newsletter's column: the PNG's width at 1×; the social image is the same at 2×. */
export const IMAGE_WIDTH = 600;
const PAD = 20;
const INK = '#1b1d21';
const MUTED = '#5b6169';
/** Type sizes in px: the site's name, the title, notes and the credit line. */
const SIZE = { kicker: 12, title: 20, small: 12 };
const LINE = 1.3;
/** The shipped face first (what the PNG is drawn with), then what a reader's machine has. */
const FONT = 'IBM Plex Sans, Helvetica, Arial, sans-serif';

export interface ChartImageInput {
  figure: Pick<Figure, 'title' | 'caption' | 'notes' | 'source' | 'svg'>;
  /** The site's name, above the title and in the credit line. */
  siteName: string;
  /** The brand's light-theme accent: the top rule and the site's name. */
  accent: string;
}

/**
 * A chart as one standalone SVG (the SVG download, and the PNGs drawn from
 * it): the site's name, the title, the page's wide drawing scaled to the
 * column, then the caption and notes and the credit line, on white.
 */
export function chartImageSvg({ figure, siteName, accent }: ChartImageInput): string {
  const width = IMAGE_WIDTH - 2 * PAD;
  const viewBox = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(figure.svg.wide);
  if (!viewBox) throw new Error('chartImageSvg: expected a drawing with a viewBox');
  const drawingHeight = round((width * Number(viewBox[2])) / Number(viewBox[1]));
  const parts: string[] = [];
  let y = PAD + 4;
  parts.push(line(siteName.toUpperCase(), y + SIZE.kicker, SIZE.kicker, 700, accent, ' letter-spacing="1.5"'));
  y += SIZE.kicker * LINE + 8;
  for (const text of wrapText(figure.title, width, SIZE.title, 4).lines) {
    parts.push(line(text, y + SIZE.title, SIZE.title, 700, INK));
    y += SIZE.title * LINE;
  }
  y += 8;
  parts.push(embedChart(figure.svg.wide, { x: PAD, y, width, height: drawingHeight }));
  y += drawingHeight + 8;
  const about = [figure.caption, ...figure.notes].filter(Boolean).join(' ');
  const credit = `${sourceLine(figure.source)} Chart: ${siteName}.`;
  for (const [text, colour] of [[about, INK], [credit, MUTED]] as const) {
    for (const piece of text ? wrapText(text, width, SIZE.small, 12).lines : []) {
      parts.push(line(piece, y + SIZE.small, SIZE.small, 400, colour));
      y += SIZE.small * LINE;
    }
    y += 4;
  }
  const height = Math.ceil(y + PAD - 4);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${height}" viewBox="0 0 ${IMAGE_WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${IMAGE_WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${IMAGE_WIDTH}" height="4" fill="${escapeXml(accent)}"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

function line(text: string, y: number, size: number, weight: number, fill: string, extra = ''): string {
  return `<text x="${PAD}" y="${round(y)}" font-size="${size}" font-weight="${weight}" fill="${escapeXml(fill)}"${extra}>${escapeXml(text)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
