/**
 * What a reader sees while the chart changes: each change of step, scrolled
 * into as a reader would, frame by frame. The page's own CSS transitions are
 * caught as they start, paused, and stepped through a sixtieth of a second
 * at a time (their own clock, so no result depends on the machine's speed).
 * At every frame, text that is seen (some opacity, visible, and not under
 * an opaque figure stacked above it) must not be a ghost:
 * - two labels of the pinned drawings overlap while one of them is fading,
 *   or while they belong to two figures (an outgoing and an incoming one);
 *   the same label at the same place in both counts once;
 * - the outgoing figure's text (title, caption, notes, source) is seen
 *   while the incoming figure shows.
 */
import type { Page } from 'playwright-core';

/** One frame of a change, read in the page: the ghosts seen in it. */
function ghostsNow(): string[] {
  const figures = [...document.querySelectorAll<HTMLElement>('.scrolly > figure.chart')];
  const active = figures.find((f) => f.classList.contains('is-active'));
  const opacity = (el: Element) => {
    let product = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none') return 0;
      product *= Number(style.opacity);
    }
    return product;
  };
  const figureOpacity = (f: HTMLElement) => (getComputedStyle(f).visibility === 'visible' ? opacity(f) : 0);
  const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  // The active figure is stacked above the others, with an opaque background.
  const covered = (el: Element, box: DOMRect) => {
    const figure = el.closest<HTMLElement>('figure.chart');
    return active !== undefined && figure !== active && figureOpacity(active) >= 0.999 && inside(box, active.getBoundingClientRect());
  };
  const seen = (el: Element) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || getComputedStyle(el).visibility !== 'visible' || (el.textContent ?? '').trim() === '') return undefined;
    const o = opacity(el);
    return o > 0 && !covered(el, box) && box.bottom > 0 && box.top < window.innerHeight ? { el, box, o } : undefined;
  };
  const faults: string[] = [];
  const name = (el: Element) => `${el.closest('figure.chart')?.id}: "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const labels = figures.flatMap((f) => [...f.querySelectorAll('svg.chart-svg text')].map(seen).filter((s) => s !== undefined));
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (across <= 1 || down <= 1) continue;
      const same = a.el.textContent === b.el.textContent && ['left', 'top', 'right', 'bottom'].every((k) => Math.abs(a.box[k as 'left'] - b.box[k as 'left']) < 0.5);
      const apart = a.el.closest('figure') !== b.el.closest('figure');
      if (!same && (apart || a.o < 0.999 || b.o < 0.999)) faults.push(`${name(a.el)} and ${name(b.el)} overlap, seen at once (opacity ${a.o.toFixed(2)} and ${b.o.toFixed(2)})`);
    }
  }
  if (active && figureOpacity(active) > 0) {
    for (const figure of figures) {
      if (figure === active) continue;
      for (const part of figure.querySelectorAll('.chart-title, .chart-caption, .chart-note, .chart-source, .chart-data > summary')) {
        const s = seen(part);
        if (s) faults.push(`${name(part)} shows while ${active.id} comes in (opacity ${s.o.toFixed(2)})`);
      }
    }
  }
  return faults;
}

/**
 * Scrolls step `index` to just above the reading line, catches the
 * transitions the change starts, and reads every frame until they end.
 * Returns the ghosts, each once, as first seen, and the frames read.
 */
export async function ghostsInChange(page: Page, index: number): Promise<{ faults: string[]; frames: number }> {
  await page.evaluate(() => {
    // Transitions start in the frame the scroller changes classes, and their
    // first event comes before that frame ends: pause them all there, at their start.
    const w = window as unknown as { pauseAll?: () => void };
    w.pauseAll = () => {
      for (const a of document.getAnimations()) a.pause();
    };
    document.addEventListener('transitionrun', w.pauseAll, { once: true, capture: true });
  });
  await page.locator('.scrolly > .step').nth(index).evaluate((step) => {
    const line = Number.parseFloat(getComputedStyle(document.querySelector('.scrolly')!).getPropertyValue('--reading-line'));
    window.scrollBy({ top: step.getBoundingClientRect().top - window.innerHeight * (line - 0.03), behavior: 'instant' });
  });
  await page.waitForFunction((i) => document.querySelectorAll('.scrolly > .step')[i].classList.contains('is-active'), index);
  // Two frames on, any transition the change started has been caught.
  const end = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const w = window as unknown as { pauseAll: () => void };
    document.removeEventListener('transitionrun', w.pauseAll, { capture: true });
    w.pauseAll();
    return Math.max(0, ...document.getAnimations().map((a) => Number(a.effect?.getComputedTiming().endTime ?? 0)));
  });
  // Each ghost once, as first seen (its opacities then).
  const found = new Map<string, string>();
  let frames = 0;
  for (let t = 0; ; t = Math.min(end, t + 1000 / 60)) {
    await page.evaluate((time) => {
      for (const a of document.getAnimations()) a.currentTime = time;
    }, t);
    frames++;
    for (const fault of await page.evaluate(ghostsNow)) {
      const key = fault.replace(/ \(opacity .*\)$/, '');
      if (!found.has(key)) found.set(key, `at ${Math.round(t)} ms: ${fault}`);
    }
    if (t >= end) break;
  }
  await page.evaluate(() => {
    for (const a of document.getAnimations()) a.finish();
  });
  return { faults: [...found.values()], frames };
}

/**
 * Every change of chart or state on the page, scrolled down through in
 * order: the ghosts of each. A page where no change ran a transition is a
 * fault too (the reader asked for no less motion, so something must move).
 */
export async function ghostsInStory(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.documentElement.classList.contains('scrolly-ready'));
  const steps = await page.locator('.scrolly > .step').evaluateAll((all) => all.map((s) => s.dataset.shows ?? '0'));
  const faults: string[] = [];
  let moving = 0;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i] === steps[i - 1]) continue;
    const change = await ghostsInChange(page, i);
    if (change.frames > 1) moving++;
    for (const fault of change.faults) faults.push(`step ${i}, ${fault}`);
  }
  if (steps.some((s, i) => i > 0 && s !== steps[i - 1]) && moving === 0) faults.push('no change of chart ran a transition to read');
  return faults;
}
