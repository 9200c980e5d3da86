import { describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import { CARD, CARD_FONT, embedChart, fitTitle, shareCardSvg } from '../../src/lib/share/card.ts';
import { textWidth, wrapText } from '../../src/lib/share/textWidth.ts';
import { cardFontFiles, rasterise } from '../../src/lib/share/rasterise.ts';
import { pngSize } from './html.ts';

const fonts = cardFontFiles();
const CHART = '<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" viewBox="0 0 360 320" text-anchor="middle" font-size="10" font-family="system-ui, sans-serif" fill="currentColor" class="chart-svg"><rect id="c-n-clip" width="10" height="10"/><text>2024</text></svg>';
const input = { title: 'Harbour traffic passes a million containers for the first time', kicker: 'The Ledger', footer: '8 December 2025 · Data desk', chartTitle: 'Containers handled, year to date', chartSvg: CHART, accent: '#2d6a4f' };

/** Width resvg draws `text` at `size` px in the shipped bold face. */
function drawnWidth(text: string, size: number): number {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200"><text x="0" y="100" font-family="${CARD_FONT}" font-weight="700" font-size="${size}">${escaped}</text></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts } }).getBBox()?.width ?? 0;
}

describe('textWidth()', () => {
  test.each([
    "China's trade surplus breaks the trillion-dollar mark",
    'WWW MMM %%% — Mighty Wombats',
    'iiiii lllll jjjjj ,.;:',
    'Exports to the US fell 28.6 per cent (US$33.8 billion)',
  ])('never underestimates what resvg draws: %s', (text) => {
    const estimate = textWidth(text, 50);
    const drawn = drawnWidth(text, 50);
    expect(estimate).toBeGreaterThanOrEqual(drawn);
    // …and is close enough that lines are not wrapped much too early.
    expect(estimate).toBeLessThan(drawn * 1.12);
  });
});

describe('wrapText()', () => {
  test('keeps every line within the width', () => {
    const { lines, complete } = wrapText(input.title, 300, 40, 10);
    expect(complete).toBe(true);
    expect(lines.join(' ')).toBe(input.title);
    for (const line of lines) expect(textWidth(line, 40)).toBeLessThanOrEqual(300);
  });

  test('cuts text that needs more lines than allowed and ends it with "…"', () => {
    const { lines, complete } = wrapText('one two three four five six seven eight nine ten', 120, 30, 2);
    expect(complete).toBe(false);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(textWidth(lines[1], 30)).toBeLessThanOrEqual(120);
  });

  test('breaks a word longer than a line', () => {
    const { lines } = wrapText('x'.repeat(60), 200, 20, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(60));
  });
});

describe('fitTitle()', () => {
  test('uses the largest size for a short title and a smaller one for a long title', () => {
    const short = fitTitle('Surplus hits a record', 440, 390);
    const long = fitTitle('A much longer headline that keeps going about exports, imports, tariffs and everything that happened in eleven months of trade', 440, 390);
    expect(short.size).toBeGreaterThan(long.size);
    expect(long.lines.length * long.size * 1.15).toBeLessThanOrEqual(390 + long.size);
  });
});

describe('embedChart()', () => {
  test('places the chart in the box, keeps its viewBox, drops page-only attributes and sets the card font', () => {
    const out = embedChart(CHART, { x: 10, y: 20, width: 300, height: 200 });
    expect(out).toMatch(/^<svg x="10" y="20" width="300" height="200" viewBox="0 0 360 320" text-anchor="middle" font-size="10" fill="currentColor" font-family="IBM Plex Sans" color="#1b1d21">/);
    expect(out).not.toMatch(/role=|class=|focusable=|system-ui/);
    expect(out).toContain('<text>2024</text></svg>');
  });

  test('refuses markup that is not an svg with a viewBox', () => {
    expect(() => embedChart('<figure><svg></svg></figure>', { x: 0, y: 0, width: 1, height: 1 })).toThrow(/viewBox/);
  });
});

describe('shareCardSvg()', () => {
  test('draws the title, kicker, footer and chart, with text escaped', () => {
    const svg = shareCardSvg({ ...input, title: 'Tariffs <script>alert(1)</script> & "quotes"' });
    const { document } = parseHTML(`<html><body>${svg}</body></html>`);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const text = [...document.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    expect(text).toContain('THE LEDGER');
    expect(text).toContain('<script>alert(1)');
    expect(text).toContain('</script> & "quotes"');
    expect(text).toContain('8 December 2025 · Data desk');
    // The newsroom's accent colours the top rule and the kicker.
    expect(svg).toContain('<rect width="1200" height="10" fill="#2d6a4f"/>');
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}"`));
  });
});

describe('rasterise()', () => {
  test('renders a card to a 1200×630 PNG, the same bytes every time', () => {
    const svg = shareCardSvg(input);
    const png = rasterise(svg, fonts);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(rasterise(svg, fonts).equals(png)).toBe(true);
  });

  test('draws the text with the shipped font, not a blank', () => {
    const blank = rasterise(shareCardSvg({ ...input, title: '', chartTitle: '', footer: '', kicker: '' }), fonts);
    expect(rasterise(shareCardSvg(input), fonts).equals(blank)).toBe(false);
  });

  test('cardFontFiles() names the folder it looked in when a font is missing', () => {
    expect(() => cardFontFiles('/nowhere')).toThrow('/nowhere/src/lib/share/fonts/IBMPlexSans-Regular.ttf');
  });
});
