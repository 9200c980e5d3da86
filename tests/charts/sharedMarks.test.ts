import { describe, expect, test } from 'vitest';
import { fixtureSvg } from '../fixtures/charts.ts';
import { makeFigure, standaloneNarrow } from '../../src/lib/charts/figure.ts';
import { serverDocument } from '../../src/lib/charts/render.ts';
import { shareMarks } from '../../src/lib/charts/sharedMarks.ts';

const CONSTRUCTION = { data: 'industries.rate', where: { industry: ['Construction'] }, from: '2008-01', to: '2009-12' };
const rects = (svg: string) => [...svg.matchAll(/<rect\b[^>]*>/g)].map((m) => ['x', 'y', 'width', 'height'].map((a) => Number(new RegExp(` ${a}="([^"]+)"`).exec(m[0])?.[1])));

/** Two drawings from markup: the wide and the narrow <svg>. */
function pair(wide: string, narrow: string): [Element, Element] {
  const document = serverDocument();
  const holder = document.createElement('div');
  holder.innerHTML = `<svg>${wide}</svg><svg>${narrow}</svg>`;
  return [...holder.children] as [Element, Element];
}

describe('the narrow drawing shares the wide one’s marks', () => {
  test('bars the same stretched are carried once: the narrow drawing shows the wide ones through <use>, where its own would be', () => {
    const { chart, narrow: own } = fixtureSvg('jobs', { ...CONSTRUCTION, type: 'bar' });
    const figure = makeFigure('jobs', chart, 'source');
    const use = /<use transform="matrix\(([^)]+)\)" href="#(jobs-w-m\d+)"/.exec(figure.svg.narrow);
    expect(use).not.toBeNull();
    expect(figure.svg.wide).toContain(`id="${use![2]}"`);
    expect(rects(figure.svg.narrow)).toHaveLength(rects(own).length - 24);
    // Each wide bar, moved by the matrix, lands on the bar the narrow drawing draws itself.
    const [a, , , d, e, f] = use![1].split(' ').map(Number);
    const wideBars = rects(/<g id="jobs-w-m\d+"[^>]*>([\s\S]*?)<\/g>/.exec(figure.svg.wide)![1]);
    const ownBars = rects(own).slice(-24);
    expect(wideBars).toHaveLength(24);
    wideBars.forEach(([x, y, w, h], i) => {
      const [nx, ny, nw, nh] = ownBars[i];
      expect(Math.abs(a * x + e - nx)).toBeLessThan(0.7);
      expect(Math.abs(d * y + f - ny)).toBeLessThan(0.7);
      expect(Math.abs(a * w - nw)).toBeLessThan(1.2);
      expect(Math.abs(d * h - nh)).toBeLessThan(1.2);
    });
    // A share card gets the bars themselves.
    expect(rects(standaloneNarrow(figure))).toHaveLength(rects(own).length);
  });

  test('a line the same stretched is shared and keeps its width on screen', () => {
    const { chart } = fixtureSvg('jobs', { ...CONSTRUCTION, type: 'line' });
    const figure = makeFigure('jobs', chart, 'source');
    expect(figure.svg.narrow).toMatch(/<use [^>]*href="#jobs-w-m\d+"/);
    expect(figure.svg.wide).toMatch(/<g id="jobs-w-m\d+"[^>]*><path vector-effect="non-scaling-stroke"|<path [^>]*vector-effect="non-scaling-stroke"/);
  });

  test('marks that are not the same stretched keep their own drawing', () => {
    const cases: [string, string, string][] = [
      ['other points after thinning', '<g aria-label="line"><path d="M0,0L10,10L20,0"/></g>', '<g aria-label="line"><path d="M0,0L20,0"/></g>'],
      ['an uneven stretch', '<g aria-label="bar"><rect x="0" y="0" width="10" height="10"/><rect x="20" y="0" width="10" height="10"/><rect x="40" y="0" width="10" height="10"/></g>', '<g aria-label="bar"><rect x="0" y="0" width="5" height="10"/><rect x="10" y="0" width="5" height="10"/><rect x="30" y="0" width="5" height="10"/></g>'],
      ['dots, which would turn into ellipses', '<g aria-label="dot"><circle cx="0" cy="0" r="3"/><circle cx="20" cy="10" r="3"/></g>', '<g aria-label="dot"><circle cx="0" cy="0" r="3"/><circle cx="10" cy="10" r="3"/></g>'],
      ['a moved group', '<g aria-label="line" transform="translate(0,9)"><path d="M0,0L20,10"/></g>', '<g aria-label="line" transform="translate(0,9)"><path d="M0,0L10,10"/></g>'],
      ['other colours', '<g aria-label="line" stroke="red"><path d="M0,0L20,10"/></g>', '<g aria-label="line" stroke="blue"><path d="M0,0L10,10"/></g>'],
      ['a clipped mark', '<g aria-label="line" clip-path="url(#c)"><path d="M0,0L20,10"/></g>', '<g aria-label="line" clip-path="url(#c)"><path d="M0,0L10,10"/></g>'],
    ];
    for (const [why, wide, narrow] of cases) {
      const [w, n] = pair(wide, narrow);
      expect(shareMarks(w, n), why).toBe(0);
      expect(n.querySelector('use'), why).toBeNull();
    }
    const [w, n] = pair('<g aria-label="line"><path d="M0,0L20,10"/></g>', '<g aria-label="line"><path d="M0,0L10,10"/></g>');
    expect(shareMarks(w, n)).toBe(1);
    expect(n.querySelector('use')?.getAttribute('href')).toBe('#^m0');
    expect(n.querySelector('use')?.getAttribute('transform')).toBe('matrix(0.5 0 0 1 0 0)');
    expect(w.querySelector('g')?.getAttribute('id')).toBe('m0');
  });
});
