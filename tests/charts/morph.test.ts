import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import * as Plot from '@observablehq/plot';
import { morph } from '../../src/lib/charts/morph.ts';
import { keyAxes } from '../../src/lib/charts/markKeys.ts';
import { plotElement, serverDocument } from '../../src/lib/charts/render.ts';
import { stateChange } from '../../src/lib/charts/stateChange.ts';
import { checkProject } from '../../src/lib/check.ts';
import { storyStateCss } from '../../src/lib/charts/figureStates.ts';
import { SHOWN_ATTRIBUTE, STATE_ATTRIBUTE } from '../../src/lib/charts/stateDrawing.ts';
import { MINI, miniProject } from '../fixtures/mini.ts';

/** Keyed SVG roots, as Plot draws them through markKeys.ts. */
function roots(...svgs: string[]): Element[] {
  return svgs.map((svg) => parseHTML(`<html><body>${svg}</body></html>`).document.querySelector('svg') as unknown as Element);
}
const svg = (inner: string) => `<svg viewBox="0 0 100 100"><g aria-label="y-axis"><text y="10">10</text></g>${inner}</svg>`;
const rules = (m: ReturnType<typeof morph>) => m!.states.map((s) => Object.fromEntries(s));

describe('morph()', () => {
  test('draws a mark once when it is the same in every state, and an axis the states share once', () => {
    const m = morph(roots(svg('<g aria-label="bar"><rect data-key="a" x="10" y="20" width="5" height="80"></rect></g>'), svg('<g aria-label="bar"><rect data-key="a" x="10" y="20" width="5" height="80"></rect></g>')), 'p');
    expect(m!.svg.match(/<rect/g)).toHaveLength(1);
    expect(m!.svg.match(/y-axis/g)).toHaveLength(1);
    expect(m!.svg).not.toContain('data-key');
    expect(rules(m)).toEqual([{}, {}]);
  });

  test('grows a bar by a transform from its tallest state, and fades in one a state adds', () => {
    const one = svg('<g aria-label="bar"><rect data-key="a" x="10" y="60" width="5" height="40"></rect></g>');
    const two = svg('<g aria-label="bar"><rect data-key="a" x="10" y="20" width="5" height="80"></rect><rect data-key="b" x="20" y="50" width="5" height="50"></rect></g>');
    const m = morph(roots(one, two), 'p');
    // Drawn at its tallest; the first state halves it from its foot on the baseline.
    expect(m!.svg).toContain('<rect class="p0" x="10" y="20" width="5" height="80" />');
    expect(rules(m)).toEqual([
      { p0: 'transform:translate(0px,0px) scale(1,0.5);transform-origin:0 100%', p1: 'opacity:0' },
      { p0: 'transform:none;transform-origin:0 100%', p1: 'opacity:1' },
    ]);
  });

  test('turns a bar that changes sign through the baseline, by a negative scale from its foot', () => {
    // Above zero (the baseline at y 100) in the first state, 30 below it in the second.
    const one = svg('<g aria-label="bar"><rect data-key="a" x="10" y="20" width="5" height="80"></rect></g>');
    const two = svg('<g aria-label="bar"><rect data-key="a" x="10" y="100" width="5" height="30"></rect></g>');
    expect(rules(morph(roots(one, two), 'p'))).toEqual([
      { p0: 'transform:none;transform-origin:0 100%' },
      { p0: 'transform:translate(0px,0px) scale(1,-0.375);transform-origin:0 100%' },
    ]);
    // A bar below zero throughout hangs from its top.
    const low = svg('<g aria-label="bar"><rect data-key="a" x="10" y="100" width="5" height="10"></rect></g>');
    expect(rules(morph(roots(low, two), 'p'))).toEqual([{ p0: 'transform:translate(0px,0px) scale(1,0.3333)' }, { p0: 'transform:none' }]);
  });

  test('reveals a line that runs further in a later state by a clip, and reshapes one that changes shape', () => {
    const one = svg('<g aria-label="line"><path data-key="series:2025" d="M10,50L20,40L30,45"></path><path data-key="series:2024" d="M10,90L20,80"></path></g>');
    const two = svg('<g aria-label="line"><path data-key="series:2025" d="M10,50L20,40L30,45L60,20"></path><path data-key="series:2024" d="M10,70L20,60L30,65"></path></g>');
    const m = morph(roots(one, two), 'p');
    expect(m!.svg).toContain('d="M10,50L20,40L30,45L60,20"');
    expect(m!.svg).not.toContain('d="M10,50L20,40L30,45"');
    const [first, second] = rules(m);
    expect(first.p0).toBe('clip-path:inset(0px 30px 0px 0px)');
    expect(second.p0).toBe('clip-path:inset(0px 0px 0px 0px)');
    // The 2024 line changed shape: one path, drawn in each state's own shape, with the other's beside it, and no rule.
    expect(m!.svg.match(/<path/g)).toHaveLength(2);
    expect(first.p1).toBeUndefined();
    const [own1, own2] = m!.svgs!.map((s) => s.match(/<path[^>]*class="p1"[^>]*>/)![0]);
    // The first state's line grows from its end: its last point is repeated, so both have the same commands.
    expect(own1).toContain('d="M10,90l10-10 0,0"');
    expect(own1).toContain('data-d2="M10,70l10-10 10,5"');
    expect(own1).not.toContain('data-d1');
    expect(own2).toContain('d="M10,70l10-10 10,5"');
    expect(own2).toContain('data-d1="M10,90l10-10 0,0"');
    // The SMIL animation the page's script starts: half a second, eased, held at its end.
    expect(m!.svgs![0]).toMatch(/<path[^>]*class="p1"[^>]*><animate [^>]*attributeName="d"/);
    expect(m!.svgs![0]).toContain('begin="indefinite"');
  });

  test('keeps apart a path that cannot be resampled: curves, or subpaths that differ', () => {
    const curve = svg('<g aria-label="line"><path data-key="series:a" d="M10,90C20,80,30,70,40,60"></path></g>');
    const straight = svg('<g aria-label="line"><path data-key="series:a" d="M10,70L20,60"></path></g>');
    const m = morph(roots(curve, straight), 'p');
    expect(m!.svgs).toBeUndefined();
    expect(m!.svg.match(/<path/g)).toHaveLength(2);
    const gap = svg('<g aria-label="line"><path data-key="series:a" d="M10,90L20,80M30,70L40,60"></path></g>');
    expect(morph(roots(gap, straight), 'p')!.svgs).toBeUndefined();
  });

  test('moves a dot by cx and cy, and changes its colour by fill', () => {
    const m = morph(roots(svg('<g aria-label="dot"><circle data-key="a" cx="10" cy="20" r="3" fill="#888"></circle></g>'), svg('<g aria-label="dot"><circle data-key="a" cx="15" cy="30" r="3" fill="#b23e06"></circle></g>')), 'p');
    expect(rules(m)).toEqual([{ p0: 'fill:#888;cx:10px;cy:20px' }, { p0: 'fill:#b23e06;cx:15px;cy:30px' }]);
  });

  test('slides an axis tick, its label and gridline, keyed by value, to its place on a rescaled axis', () => {
    const axis = (at: number) =>
      svg(`<g aria-label="y-grid"><line data-key="200" x1="40" x2="600" y1="${at}" y2="${at}"></line></g><g aria-label="y-axis tick"><path data-key="200" transform="translate(40,${at})" d="M0,0L-6,0"></path></g><g aria-label="y-axis tick label"><text data-key="200" transform="translate(40,${at})">200</text></g>`);
    const m = morph(roots(axis(300), axis(120)), 'p');
    // One of each, moved by a transform; the tick's own translate written as CSS where it stays.
    expect(m!.svg.match(/<text/g)).toHaveLength(2);
    expect(m!.svg.match(/<line/g)).toHaveLength(1);
    expect(rules(m)).toEqual([
      { p0: 'transform:translate(0px,180px)', p1: 'transform:translate(40px,300px)', p2: 'transform:translate(40px,300px)' },
      { p0: 'transform:none', p1: 'transform:translate(40px,120px)', p2: 'transform:translate(40px,120px)' },
    ]);
    // A gridline that changes length is not the same line.
    const long = svg('<g aria-label="y-grid"><line data-key="200" x1="40" x2="600" y1="300" y2="300"></line></g>');
    const short = svg('<g aria-label="y-grid"><line data-key="200" x1="40" x2="500" y1="300" y2="300"></line></g>');
    expect(morph(roots(long, short), 'p')!.svg.match(/<line/g)).toHaveLength(2);
  });

  test('keyAxes() keys the ticks, labels and gridlines of the axes Plot draws by their labels', () => {
    const root = keyAxes(plotElement({ marks: [Plot.dot([{ v: 3 }, { v: 9 }], { x: 'v', y: 'v' })], y: { grid: true }, width: 300, height: 200 }, serverDocument()));
    const keys = (label: string) => [...root.querySelector(`g[aria-label="${label}"]`)!.children].map((el) => el.getAttribute('data-key'));
    const labels = keys('y-axis tick label');
    expect(labels[0]).toMatch(/^tick:\d/);
    expect(keys('y-axis tick')).toEqual(labels);
    expect(keys('y-grid')).toEqual(labels);
    expect(keys('x-axis tick')).toEqual(keys('x-axis tick label'));
  });

  test('keeps a label whose text changes as two labels, one fading as the other comes', () => {
    const m = morph(roots(svg('<g aria-label="text"><text data-key="a" x="5">964.8</text></g>'), svg('<g aria-label="text"><text data-key="a" x="5">1,076</text></g>')), 'p');
    const [first, second] = rules(m);
    expect(m!.svg.match(/<text/g)).toHaveLength(3);
    expect(Object.values(first).sort()).toEqual(['opacity:0', 'opacity:1']);
    // 964.8 shows in the first state only, 1,076 in the second only.
    const old = m!.svg.match(/class="(p\d)"[^>]*>964.8/)![1];
    expect([first[old], second[old]]).toEqual(['opacity:1', 'opacity:0']);
  });

  test('moves a label set aside by its group (dx, dy) as one text, whichever group drew it', () => {
    // A series' name moved down 3 in the first state, under its point in the second; each drawn as a mark of its own.
    const one = svg('<g transform="translate(9,3)" font-weight="bold"><text data-key="name:2025" transform="translate(50,70)">2025</text></g><g transform="translate(9,0)" font-weight="bold"><text data-key="name:2024" transform="translate(90,40)">2024</text></g>');
    const two = svg('<g transform="translate(9,0)" font-weight="bold"><text data-key="name:2024" transform="translate(90,40)">2024</text></g><g transform="translate(9,0)" font-weight="bold"><text data-key="name:2025" transform="translate(60,30)">2025</text></g>');
    const m = morph(roots(one, two), 'p');
    expect(m!.svg.match(/<text/g)).toHaveLength(3);
    expect(m!.svg.match(/>2025</g)).toHaveLength(1);
    const name = m!.svg.match(/class="(p\d)"[^>]*>2025/)![1];
    expect(rules(m).map((r) => r[name])).toEqual(['transform:translate(59px,73px)', 'transform:translate(69px,30px)']);
  });

  test('moves a tick relabelled between states with both its labels, one fading as the other comes', () => {
    const label = (x: number, text: string) => svg(`<g aria-label="x-axis tick label"><text data-key="tick:2025-08-01" transform="translate(${x},90)">${text}</text></g>`);
    const m = morph(roots(label(80, 'Aug'), label(30, 'Aug 2025')), 'p');
    const [first, second] = rules(m);
    const short = m!.svg.match(/class="(p\d)"[^>]*>Aug</)![1];
    const long = m!.svg.match(/class="(p\d)"[^>]*>Aug 2025</)![1];
    expect([first[short], second[short]]).toEqual(['opacity:1;transform:translate(80px,90px)', 'opacity:0;transform:translate(30px,90px)']);
    expect([first[long], second[long]]).toEqual(['opacity:0;transform:translate(80px,90px)', 'opacity:1;transform:translate(30px,90px)']);
  });

  test('keyAxes() keys the ticks of a time axis by the day they stand at', () => {
    const dates = [new Date('2024-01-01'), new Date('2025-11-01')];
    const root = keyAxes(plotElement({ marks: [Plot.dot(dates, { x: (d) => d, y: () => 1 })], x: { type: 'utc', grid: true }, width: 400, height: 200 }, serverDocument()));
    const keys = [...root.querySelector('g[aria-label="x-axis tick label"]')!.children].map((el) => el.getAttribute('data-key'));
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) expect(key).toMatch(/^tick:\d{4}-\d{2}-01$/);
    expect(keys).toEqual([...root.querySelector('g[aria-label="x-grid"]')!.children].map((el) => el.getAttribute('data-key')));
  });

  test('refuses states drawn in different frames, or that define one id differently', () => {
    expect(morph(roots('<svg viewBox="0 0 100 100"></svg>', '<svg viewBox="0 0 100 120"></svg>'), 'p')).toBeUndefined();
    const clip = (width: number) => svg(`<clipPath id="c"><rect width="${width}" height="10"></rect></clipPath>`);
    expect(morph(roots(clip(10), clip(10)), 'p')).toBeDefined();
    expect(morph(roots(clip(10), clip(20)), 'p')).toBeUndefined();
  });
});

// The mini story's bars of the balance, then a state drawing imports on the same scale.
const WITH_STATE = {
  'content/mini/03-third.md': '---\nheading: Third\nstate:\n  data: monthly.imports\n  highlight: 2025-03\n---\n\nImports, on the same scale.\n',
  'content/mini/02-second.md': MINI['content/mini/01-first.md'].replace('heading: First', 'heading: Second'),
  'content/mini/01-first.md': MINI['content/mini/02-second.md'].replace('heading: Second', 'heading: First'),
};

describe('addStates()', () => {
  test('gives the states of a chart one drawing, their numbers, what each adds, and rules under both attributes', () => {
    const { figures, problems } = checkProject(miniProject(WITH_STATE));
    expect(problems).toEqual([]);
    const [partners, bars, state] = figures.get('mini')!;
    expect(partners.states).toBeUndefined();
    expect(bars.states).toMatchObject({ state: 1 });
    expect(state.states).toMatchObject({ state: 2 });
    expect(state.change).toBe('Now shows: Monthly balance.');
    // One drawing, the same in both figures but for the figure's own ids.
    expect(bars.states!.svg.wide.replaceAll(bars.id, '')).toBe(state.states!.svg.wide.replaceAll(state.id, ''));
    const css = storyStateCss(figures.get('mini')!);
    expect(css).toContain(`[${STATE_ATTRIBUTE}="2"]`);
    expect(css).toMatch(new RegExp(`@media screen\\{\\n\\[${SHOWN_ATTRIBUTE}="1"\\]`));
    // Bars change height by a transform, never by their geometry.
    expect(css).toMatch(/transform:translate\(/);
    expect(css).not.toMatch(/[;{](height|y):/);
  });
});

describe('notes across states', () => {
  test('a note kept from one state to the next keeps its place, though a note placed before it comes: one text in the drawing, at both sizes', () => {
    const { figures, problems } = checkProject(miniProject({
      'content/mini/01-first.md': '---\nheading: First\nchart:\n  data: monthly.exports\n  type: dot\n  annotations:\n    - { at: 2025-03, text: "A spring note" }\n  title: Exports\n---\n\nExports.\n',
      'content/mini/02-second.md': '---\nheading: Second\nstate:\n  annotations:\n    - { at: 2025-03, text: "A later note" }\n    - { at: 2025-03, text: "A spring note" }\n---\n\nA second note comes first.\n',
      'content/mini/03-third.md': MINI['content/mini/02-second.md'],
    }));
    expect(problems).toEqual([]);
    const [first, second] = figures.get('mini')!;
    expect(second.states).toMatchObject({ state: 2 });
    for (const svg of [first.states!.svg.wide, first.states!.svg.narrow]) {
      expect(svg.match(/A spring note/g)).toHaveLength(1);
      // The same in both states: no rule moves it, so it carries no class.
      expect(svg).toMatch(/<text transform="[^"]*" y="[^"]*">A spring note/);
    }
  });
});

describe('stateChange()', () => {
  test('names what a state adds: a series through its last period, a value, a line', () => {
    const { stories, problems } = checkProject(miniProject({
      ...WITH_STATE,
      'content/mini/03-third.md': '---\nheading: Third\nstate:\n  highlight: 2024-03\n  annotations: [{ value: 5, text: "Five" }]\n---\n\nThe same bars.\n',
    }));
    expect(problems).toEqual([]);
    const [, bars, state] = stories[0].charts;
    expect(stateChange(bars.chart, state.chart)).toBe('Marks Mar 2024; adds a line at Five.');
  });
});
