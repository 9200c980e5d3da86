/**
 * Labels clear of the marks: every fixture chart (tests/golden/cases.ts),
 * its phone drawing on a phone and its desktop drawing on a desktop, each
 * at its own size (chart type at 11 px) with the page's chart styles, as
 * the browser sets its text. No label (a value, a note, a span's or a
 * series' name, a tick) lies on a bar or a dot of its drawing.
 *
 * Not yet held to it, each for a layout still to be fixed (issue 23,
 * item 6): the names of a scatter plot's highlighted points and a symbol
 * map's bubble labels, which lie on neighbouring points and bubbles; a
 * note in a small multiple's panel; a value label among the crowded
 * highlighted points of a log chart. The test says so when one
 * of them comes clear, so that the list only shrinks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { PROJECT } from '../helpers.ts';
import { fixtureSvg } from '../fixtures/charts.ts';
import { CHART_CASES } from '../golden/cases.ts';
import { launchChrome } from './chrome.ts';
import { markCollisions } from './reading.ts';

const CSS = readFileSync(join(PROJECT, 'src/styles/chart.css'), 'utf8');
const DRAWINGS = CHART_CASES.map((c) => ({ name: c.name, ...fixtureSvg(c.dataset, c.spec) }));
/** Charts whose labels still lie on marks, at each size. */
const KNOWN = {
  narrow: ['scatter', 'symbolMap', 'us-states-symbolMap', 'us-airports-symbolMap', 'facet'],
  wide: ['scatter', 'symbolMap', 'us-states-symbolMap', 'us-airports-symbolMap'],
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchChrome();
});

afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['phone', 'narrow', { width: 360, height: 640 }],
  ['desktop', 'wide', { width: 1280, height: 800 }],
] as const)('on a %s, its %s drawing', (_name, size, viewport) => {
  test('every fixture chart keeps its labels off its bars and its dots', async () => {
    const page = await browser.newPage({ viewport });
    // Each drawing at its own width, so its type is set at 11 px.
    const figures = DRAWINGS.map((d) => {
      const width = /viewBox="0 0 ([\d.]+)/.exec(d[size])![1];
      return `<figure class="chart" id="${d.name}"><div class="chart-drawing"><div style="width:${width}px">${d[size]}</div></div></figure>`;
    });
    await page.setContent(`<!doctype html><html><head><style>${CSS}\n.chart{max-width:none}</style></head><body>${figures.join('')}</body></html>`);
    const faults = await markCollisions(page);
    const chart = (fault: string) => fault.slice(0, fault.indexOf(':'));
    expect(faults.filter((f) => !KNOWN[size].includes(chart(f)))).toEqual([]);
    expect(KNOWN[size].filter((name) => !faults.some((f) => chart(f) === name)).map((name) => `${name} is clear now: take it off KNOWN`)).toEqual([]);
    await page.close();
  });
});
