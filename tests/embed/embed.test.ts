import { describe, expect, test } from 'vitest';
import { embedPaths, embedTargets, targetOfFigure } from '../../src/lib/embed/targets.ts';
import { defaultHeight, embedCode } from '../../src/lib/embed/embedCode.ts';
import { oembed } from '../../src/lib/embed/oembed.ts';
import { chartImageSvg, IMAGE_WIDTH } from '../../src/lib/embed/chartImage.ts';
import { xmlFault } from '../../src/lib/outputCheck.ts';
import { rasterise } from '../../src/lib/share/rasterise.ts';
import type { Figure } from '../../src/lib/charts/figure.ts';
import { pngSize } from '../publish/html.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 640 380" fill="currentColor" class="chart-svg"><rect width="10" height="10"/><text>2024</text></svg>';
const figure = (id: string, title = 'Exports & imports'): Figure => ({
  id,
  title,
  caption: 'Monthly, in US$ billion.',
  notes: ['January and February are reported together.'],
  publishers: [],
  source: 'Customs <GACC>',
  description: 'Bars of exports.',
  svg: { wide: SVG, narrow: SVG.replace('640 380', '360 320') },
  table: { columns: ['Month', 'Exports'], rows: [] },
  csv: 'month,exports\n',
});

describe('embedTargets()', () => {
  const charts = [
    { id: 's-a', group: 's-a' },
    { id: 's-b', group: 's-a' },
    { id: 's-c', group: 's-a' },
    { id: 's-d', group: 's-d' },
  ];
  const figures = charts.map((c) => figure(c.id));
  const targets = embedTargets({ slug: 's', charts: charts as never }, figures);

  test('gives a chart with states one page showing its final state, and a page per state', () => {
    expect(targets.map((t) => [embedPaths.page(t), t.figure.id])).toEqual([
      ['s/embed/s-a/', 's-c'],
      ['s/embed/s-a/1/', 's-a'],
      ['s/embed/s-a/2/', 's-b'],
      ['s/embed/s-a/3/', 's-c'],
      ['s/embed/s-d/', 's-d'],
    ]);
  });

  test('targetOfFigure() sends a final state to its chart’s own page and an earlier one to its state’s', () => {
    expect(embedPaths.page(targetOfFigure(targets, 's-c')!)).toBe('s/embed/s-a/');
    expect(embedPaths.page(targetOfFigure(targets, 's-a')!)).toBe('s/embed/s-a/1/');
    expect(embedPaths.oembed(targetOfFigure(targets, 's-d')!)).toBe('s/embed/s-d/oembed.json');
  });
});

describe('embedCode()', () => {
  test('is an iframe and the external listener, with attribute values escaped', () => {
    const code = embedCode({ src: 'https://x.org/s/embed/a/', title: 'Say "no" & <go>', height: 500, script: 'https://x.org/embed.js' });
    expect(code).toBe('<iframe src="https://x.org/s/embed/a/" title="Say &quot;no&quot; &amp; &lt;go>" width="100%" height="500" loading="lazy"></iframe><script src="https://x.org/embed.js" async></script>');
  });

  test('defaultHeight() grows with the drawing and with each note', () => {
    const tall = { ...figure('a'), svg: { wide: SVG.replace('640 380', '640 640'), narrow: SVG } };
    expect(defaultHeight(tall)).toBeGreaterThan(defaultHeight(figure('a')));
    expect(defaultHeight({ ...figure('a'), notes: [] })).toBeLessThan(defaultHeight(figure('a')));
  });
});

describe('oembed()', () => {
  test('has the fields oEmbed requires of a rich response, and thumbnails as all three fields', () => {
    const json = oembed({ title: 'T', html: '<iframe></iframe>', height: 480, siteName: 'The Ledger', siteUrl: 'https://x.org/', thumbnail: { url: 'https://x.org/a.png', height: 400 } });
    expect(json).toMatchObject({ version: '1.0', type: 'rich', html: '<iframe></iframe>', width: 640, height: 480, provider_name: 'The Ledger' });
    expect(json).toMatchObject({ thumbnail_url: 'https://x.org/a.png', thumbnail_width: IMAGE_WIDTH, thumbnail_height: 400 });
    const bare = oembed({ title: 'T', html: '', height: 1, siteName: 'L', siteUrl: 'https://x.org/' });
    expect(Object.keys(bare).filter((k) => k.startsWith('thumbnail'))).toEqual([]);
  });
});

describe('chartImageSvg()', () => {
  const svg = chartImageSvg({ figure: figure('a'), siteName: 'The Ledger', accent: '#2d6a4f' });

  test('is well-formed XML carrying the site name, title, notes and credit, escaped', () => {
    expect(xmlFault(svg)).toBeUndefined();
    expect(svg).toContain('>THE LEDGER<');
    expect(svg).toContain('>Exports &amp; imports<');
    expect(svg).toContain('January and February');
    expect(svg).toContain('Source: Customs &lt;GACC&gt;. Chart: The Ledger.');
  });

  test('rasterises at the newsletter width, and at twice that for social posts', () => {
    const height = Number(/ height="(\d+)"/.exec(svg)?.[1]);
    expect(pngSize(rasterise(svg))).toEqual({ width: IMAGE_WIDTH, height });
    expect(pngSize(rasterise(svg, undefined, 2))).toEqual({ width: IMAGE_WIDTH * 2, height: height * 2 });
  });

  test('refuses a drawing without a viewBox', () => {
    expect(() => chartImageSvg({ figure: { ...figure('a'), svg: { wide: '<svg></svg>', narrow: '' } }, siteName: 'L', accent: '#000' })).toThrow(/viewBox/);
  });
});
