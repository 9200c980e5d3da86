/**
 * The marks of a chart that builds (its states share one drawing), as a
 * reader sees them: for the browser tests of states over the fixture
 * project and the shipped stories.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export type Geometry = Record<string, string>;

/** Geometries equal to within a unit of the drawing (the two layouts draw it at different sizes). */
export function expectSame(actual: Geometry, wanted: Geometry | undefined, what = ''): void {
  expect(Object.keys(actual).sort(), what).toEqual(Object.keys(wanted ?? {}).sort());
  for (const [name, value] of Object.entries(actual)) {
    const [box, clip] = value.split(' ', 2);
    const [wantBox, wantClip] = wanted![name].split(' ', 2);
    expect(clip, `${what} ${name}`).toBe(wantClip);
    if (box === 'hidden' || wantBox === 'hidden') expect(box, `${what} ${name}`).toBe(wantBox);
    else box.split(',').forEach((v, i) => expect(Math.abs(Number(v) - Number(wantBox.split(',')[i])), `${what} ${name}: ${box} against ${wantBox}`).toBeLessThanOrEqual(1.5));
  }
}

/** Every changing mark of a figure's visible drawing: its opacity and its box, in the drawing's own units, and its clip. */
export function geometry(page: Page, figure: string): Promise<Geometry> {
  return page.locator(`#${figure}`).evaluate((f) => {
    const svg = [...f.querySelectorAll('.chart-drawing svg')].find((s) => s.getBoundingClientRect().width > 0)!;
    const origin = svg.getBoundingClientRect();
    const scale = origin.width / (svg as SVGSVGElement).viewBox.baseVal.width;
    const out: Record<string, string> = {};
    for (const el of svg.querySelectorAll('[class]')) {
      const name = [...el.classList].find((c) => /^s\d+[wn]\d+$/.test(c));
      if (!name) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // A hidden mark's place does not matter; a shown one's does, to the pixel, and how far a line is revealed.
      out[name] = Number(style.opacity) === 0 ? 'hidden' : `${[box.left - origin.left, box.top - origin.top, box.width, box.height].map((v) => Math.round(v / scale)).join(',')} ${style.clipPath.replaceAll(' ', '')}`;
    }
    return out;
  });
}

/** Waits until no mark of the figure is moving: no CSS transition, and no SMIL animation (a line that changes shape) within its run. */
export async function settled(page: Page, figure: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.locator(`#${figure}`).evaluate((f) => {
          const smil = [...f.querySelectorAll<SVGAnimationElement>('animate')].filter((a) => {
            try {
              return a.ownerSVGElement!.getCurrentTime() < a.getStartTime() + a.getSimpleDuration();
            } catch {
              // Never started: no current interval.
              return false;
            }
          });
          return f.getAnimations({ subtree: true }).length + smil.length;
        }),
      { timeout: 5000 },
    )
    .toBe(0);
}

