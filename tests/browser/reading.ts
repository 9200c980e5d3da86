/**
 * What a reader of a pinned story can read, measured in the page: the
 * pinned figure against its budget on a phone, the reading window left
 * under it, the size of the chart's type, and, step by step, whether every
 * line of the step's text is seen whole, uncovered, while the step is
 * active and its own chart is the one showing.
 */
import type { Page } from 'playwright-core';

/** The reader sizes every story is read at: phones upright, and desktops. */
export const READER_SIZES = {
  'small phone 360×640': { width: 360, height: 640 },
  'phone 390×844': { width: 390, height: 844 },
  'large phone 412×915': { width: 412, height: 915 },
  'desktop 1280×800': { width: 1280, height: 800 },
  'wide desktop 1920×1080': { width: 1920, height: 1080 },
} as const;

/** On a phone the pinned figure, caption and all, takes at most this share of the screen's height... */
export const FIGURE_BUDGET = 0.55;
/** ...and leaves the text a reading window of at least this share. */
export const READING_WINDOW = 0.35;
/** Chart type, as shown, in CSS pixels. */
export const CHART_TYPE = { min: 11, max: 14 };

export interface FigureFit {
  id: string;
  /** Share of the viewport's height the figure takes, and the window left below it (phones), or 0 and 1 side by side. */
  share: number;
  window: number;
  /** Whether the figure is pinned above the text (a phone) rather than beside it. */
  above: boolean;
  /** The smallest and largest chart text shown, in CSS pixels. */
  type: { min: number; max: number };
}

/** Shows each pinned figure in turn (as the scroller does) and measures it. */
export function figureFits(page: Page): Promise<FigureFit[]> {
  return page.evaluate(() => {
    const figures = [...document.querySelectorAll<HTMLElement>('.scrolly > figure.chart')];
    const steps = [...document.querySelectorAll<HTMLElement>('.scrolly > .step')];
    const fits = figures.map((figure) => {
      figures.forEach((f) => f.classList.toggle('is-active', f === figure));
      const box = figure.getBoundingClientRect();
      const above = box.left < steps[0].getBoundingClientRect().right - 1 && box.right > steps[0].getBoundingClientRect().left + 1;
      const svg = [...figure.querySelectorAll<SVGSVGElement>('.chart-drawing svg')].find((s) => s.getBoundingClientRect().width > 0)!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      const height = Math.min(box.height, window.innerHeight);
      return {
        id: figure.id,
        share: above ? height / window.innerHeight : 0,
        window: above ? (window.innerHeight - box.height) / window.innerHeight : 1,
        above,
        type: { min: Math.min(...sizes), max: Math.max(...sizes) },
      };
    });
    figures.forEach((f, i) => f.classList.toggle('is-active', i === 0));
    return fits;
  });
}

/** The scroll positions between which each step is the active one, from the page's own reading line. */
export function activeSpans(page: Page): Promise<{ from: number; to: number }[]> {
  return page.evaluate(() => {
    const scrolly = document.querySelector<HTMLElement>('.scrolly')!;
    const line = Number.parseFloat(getComputedStyle(scrolly).getPropertyValue('--reading-line')) * window.innerHeight;
    const maxScroll = document.documentElement.scrollHeight - window.innerHeight;
    const steps = [...document.querySelectorAll<HTMLElement>('.scrolly > .step')];
    const starts = steps.map((step) => step.getBoundingClientRect().top + window.scrollY - line);
    const end = document.documentElement.scrollHeight;
    return starts.map((from, i) => ({ from: Math.max(0, Math.ceil(from) + 1), to: Math.min(maxScroll, Math.floor(starts[i + 1] ?? end) - 1) }));
  });
}

/**
 * Each line of a step's text (a box of its text on one line), keyed by
 * where it sits on the page, and whether a reader sees it whole now: on
 * screen and not under anything else (the pinned figure, another card).
 * Counted only while the step is active and its own chart is showing.
 */
export function linesSeen(page: Page, index: number): Promise<{ active: boolean; lines: [string, boolean][] }> {
  return page.evaluate((index) => {
    const step = document.querySelectorAll<HTMLElement>('.scrolly > .step')[index];
    const figure = document.querySelector<HTMLElement>('.scrolly > figure.chart.is-active');
    const active = step.classList.contains('is-active') && figure !== null && figure.dataset.index === (step.dataset.shows ?? '0');
    const range = document.createRange();
    range.selectNodeContents(step);
    const lines: [string, boolean][] = [];
    for (const rect of range.getClientRects()) {
      if (rect.width < 2 || rect.height < 2) continue;
      const key = `${Math.round(rect.top + window.scrollY)}:${Math.round(rect.left)}`;
      const inside = rect.top >= 0 && rect.bottom <= window.innerHeight && rect.left >= 0 && rect.right <= window.innerWidth;
      const y = rect.top + rect.height / 2;
      const uncovered = inside && [rect.left + 1, (rect.left + rect.right) / 2, rect.right - 1].every((x) => step.contains(document.elementFromPoint(x, y)));
      lines.push([key, active && uncovered]);
    }
    return { active, lines };
  }, index);
}

/** Scrolls to `y` and waits for the scroller to settle on the next frame. */
export async function scrollToY(page: Page, y: number): Promise<void> {
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Scrolls through every step's active span in steps of a tenth of the
 * screen and returns, per step, the lines never seen whole while it was
 * active with its chart showing.
 */
export async function unreadLines(page: Page): Promise<{ step: number; unread: number; lines: number }[]> {
  const spans = await activeSpans(page);
  const stride = Math.max(20, Math.round((await page.evaluate(() => window.innerHeight)) / 10));
  const result: { step: number; unread: number; lines: number }[] = [];
  for (const [index, span] of spans.entries()) {
    const seen = new Map<string, boolean>();
    for (let y = span.from; y <= Math.max(span.from, span.to); y += stride) {
      await scrollToY(page, y);
      for (const [key, ok] of (await linesSeen(page, index)).lines) seen.set(key, (seen.get(key) ?? false) || ok);
    }
    result.push({ step: index, unread: [...seen.values()].filter((ok) => !ok).length, lines: seen.size });
  }
  return result;
}

/**
 * Chart text that runs past the edge of its drawing (or of the screen), by
 * more than `slack` px: every drawing on the page, shown at once so that
 * each is laid out, its text measured as the browser sets it (the style is
 * set through the CSSOM, which the page's CSP allows).
 */
export async function textOverflows(page: Page, slack = 0.5): Promise<string[]> {
  return page.evaluate((slack) => {
    // Drawings kept out of layout until their step (content-visibility) are laid out for the measure.
    for (const el of document.querySelectorAll<HTMLElement>('.chart, .chart *')) if (getComputedStyle(el).contentVisibility !== 'visible') el.style.setProperty('content-visibility', 'visible');
    const faults: string[] = [];
    for (const svg of document.querySelectorAll('svg.chart-svg')) {
      const frame = svg.getBoundingClientRect();
      if (frame.width === 0) continue;
      const right = Math.min(frame.right, document.documentElement.clientWidth);
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        if (box.width === 0) continue;
        if (box.right > right + slack || box.left < Math.max(0, frame.left) - slack) faults.push(`${svg.getAttribute('aria-labelledby')}: "${text.textContent}" spans ${Math.round(box.left - frame.left)}–${Math.round(box.right - frame.left)} px of ${Math.round(frame.width)}`);
      }
    }
    return [...new Set(faults)];
  }, slack);
}

/**
 * What lies on what in each chart drawing on the page, by more than `slack`
 * px each way, with each figure in its own state: pairs of text labels
 * (tick labels of an axis among them), and labels on a bar (a rect) or a
 * dot (a circle: its disc, not its box). A label wholly inside a bar, a
 * cell or a dot (a map's bubble) is written there on purpose, and a
 * translucent rect (a span's band) is ground, not a mark. Every drawing is laid out as in
 * `textOverflows` (an inactive figure is hidden, not out of layout). Text
 * and marks its state hides (opacity 0 on it or a group above it, in the
 * drawing) are not read; a label's box is the text as the browser sets it.
 */
function drawingOverlaps(page: Page, slack: number): Promise<{ texts: string[]; marks: string[] }> {
  return page.evaluate((slack) => {
    for (const el of document.querySelectorAll<HTMLElement>('.chart, .chart *')) if (getComputedStyle(el).contentVisibility !== 'visible') el.style.setProperty('content-visibility', 'visible');
    const texts: string[] = [];
    const marks: string[] = [];
    const shown = (el: Element, svg: Element) => {
      for (let node: Element | null = el; node && node !== svg; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (Number(style.opacity) === 0 || style.display === 'none') return false;
      }
      return true;
    };
    const say = (el: Element) => `"${(el.textContent ?? '').trim()}"`;
    for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
      // Each figure in its own state, as it shows without script.
      if (figure.dataset.state) figure.dataset.now = figure.dataset.state;
      for (const svg of figure.querySelectorAll('svg.chart-svg')) {
        if (svg.getBoundingClientRect().width === 0) continue;
        const labels = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0 && (t.textContent ?? '').trim() !== '' && shown(t, svg));
        const boxes = labels.map((t) => t.getBoundingClientRect());
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > slack && down > slack) texts.push(`${figure.id}: ${say(labels[i])} and ${say(labels[j])} overlap ${across.toFixed(1)}×${down.toFixed(1)} px`);
          }
        }
        // Bars and dots: a shaded band (a span, translucent) is ground that text may sit on.
        const solid = (mark: Element) => shown(mark, svg) && Number(getComputedStyle(mark).fillOpacity) >= 0.5;
        for (const mark of [...svg.querySelectorAll('rect, circle')].filter(solid)) {
          const m = mark.getBoundingClientRect();
          if (m.width === 0 || m.height === 0) continue;
          const bar = mark.tagName === 'rect';
          boxes.forEach((b, i) => {
            // A label written wholly inside a bar or a cell, or inside a big dot (a map's bubble), is placed there.
            const within = bar ? b.left >= m.left - slack && b.right <= m.right + slack && b.top >= m.top - slack && b.bottom <= m.bottom + slack : [[b.left, b.top], [b.right, b.top], [b.left, b.bottom], [b.right, b.bottom]].every(([x, y]) => Math.hypot(x - (m.left + m.right) / 2, y - (m.top + m.bottom) / 2) <= m.width / 2 + slack);
            if (within) return;
            if (bar) {
              const across = Math.min(b.right, m.right) - Math.max(b.left, m.left);
              const down = Math.min(b.bottom, m.bottom) - Math.max(b.top, m.top);
              if (across > slack && down > slack) marks.push(`${figure.id}: ${say(labels[i])} lies across a bar's edge, ${across.toFixed(1)}×${down.toFixed(1)} px on it`);
              return;
            }
            // How far into the disc the label's box reaches.
            const r = m.width / 2;
            const [cx, cy] = [m.left + r, m.top + r];
            const dx = Math.max(b.left - cx, 0, cx - b.right);
            const dy = Math.max(b.top - cy, 0, cy - b.bottom);
            const depth = r - Math.hypot(dx, dy);
            if (depth > slack) marks.push(`${figure.id}: ${say(labels[i])} lies on a dot, ${depth.toFixed(1)} px into it`);
          });
        }
      }
    }
    return { texts: [...new Set(texts)], marks: [...new Set(marks)] };
  }, slack);
}

/** Pairs of text labels in one chart drawing whose boxes overlap (see `drawingOverlaps`). */
export async function textCollisions(page: Page, slack = 1): Promise<string[]> {
  return (await drawingOverlaps(page, slack)).texts;
}

/** Text labels in a chart drawing that lie on one of its bars or dots (see `drawingOverlaps`). */
export async function markCollisions(page: Page, slack = 1): Promise<string[]> {
  return (await drawingOverlaps(page, slack)).marks;
}
