/**
 * The page's only script. It reports which step is in view and shows that
 * step's pre-rendered chart; charts, text and layout are all in the HTML
 * and CSS already, so without this script nothing is lost. It moves no
 * content: it only toggles classes, one transform and one status line,
 * and starts the SMIL animations of a line that changes shape.
 */
import scrollama, { type DecimalType } from 'scrollama';
import { STATUS_ID } from '../lib/story/pageIds.ts';

const root = document.documentElement;
const scrolly = document.querySelector<HTMLElement>('.scrolly');
const steps = [...document.querySelectorAll<HTMLElement>('.scrolly > .step')];
const figures = [...document.querySelectorAll<HTMLElement>('.scrolly > figure.chart')];
const status = document.getElementById(STATUS_ID);
const bar = document.querySelector<HTMLElement>('.progress-bar');
let active = -1;
let shown = figures.findIndex((f) => f.classList.contains('is-active'));

/** The reading line, a tenth of the viewport at a time: set per layout in the CSS. */
function readingLine(): DecimalType {
  const value = scrolly ? Number.parseFloat(getComputedStyle(scrolly).getPropertyValue('--reading-line')) : NaN;
  return (Number.isFinite(value) ? Math.round(Math.min(1, Math.max(0, value)) * 10) / 10 : 0.6) as DecimalType;
}

function show(stepIndex: number): void {
  if (stepIndex === active || !steps[stepIndex]) return;
  active = stepIndex;
  steps.forEach((step, i) => step.classList.toggle('is-active', i === stepIndex));
  const figure = Number(steps[stepIndex].dataset.shows ?? 0);
  if (figure === shown) return;
  const sameChart = figures[shown]?.dataset.group === figures[figure]?.dataset.group;
  // Only a chart that builds has paths to reshape, and its figures all have a state.
  if (sameChart) reshape(figures[figure], figures[shown].dataset.state!);
  shown = figure;
  showState(figure);
  // Within a chart that builds, its figures swap at once and its marks move (site.css).
  root.classList.toggle('same-chart', sameChart);
  figures.forEach((f, i) => f.classList.toggle('is-active', i === figure));
  // Announced once per change of chart; a state of the chart says what it adds.
  const title = figures[figure]?.querySelector('.chart-title')?.textContent;
  const change = figures[figure]?.dataset.change;
  if (status && title && !sameChart) status.textContent = `Chart: ${title}`;
  else if (status && change) status.textContent = change;
}

/**
 * A chart whose states share one drawing: every figure of it is put in
 * the state on screen (one attribute; states.css does the rest), so the
 * figure that takes over next moves on from there.
 */
function showState(figure: number): void {
  const { group, state } = figures[figure]?.dataset ?? {};
  if (state) for (const f of figures) if (f.dataset.group === group) f.dataset.now = state;
}

/**
 * A line that changes shape between states: SMIL moves it (Safari has no
 * CSS `d`), and SMIL cannot follow an attribute, so the figure taking
 * over runs each such path from the state before (its data-d<state>) to
 * its own drawing. Nothing runs under reduced motion or before the page
 * is ready: the figure is drawn in its own state already.
 */
function reshape(figure: HTMLElement, from: string): void {
  if (!root.classList.contains('scrolly-ready') || matchMedia('(prefers-reduced-motion:reduce)').matches) return;
  // Every such path carries the shape of each state but its own (morph.ts).
  for (const animation of figure.querySelectorAll<SVGAnimateElement>('animate')) {
    const path = animation.parentElement!;
    animation.setAttribute('from', path.getAttribute(`data-d${from}`)!);
    animation.setAttribute('to', path.getAttribute('d')!);
    animation.beginElement();
  }
}

/** The last step whose top has passed the reading line (the first before any has). */
function stepAtLine(): number {
  const line = window.innerHeight * readingLine();
  let current = 0;
  steps.forEach((step, i) => {
    if (step.getBoundingClientRect().top <= line) current = i;
  });
  return current;
}

function settle(): void {
  show(stepAtLine());
  if (bar && scrolly) {
    const box = scrolly.getBoundingClientRect();
    const read = (window.innerHeight * readingLine() - box.top) / Math.max(1, box.height);
    bar.style.transform = `scaleX(${Math.min(1, Math.max(0, read)).toFixed(3)})`;
  }
}

/** What a #fragment points into: a step (or something in one), or a chart; the step, and whether it was by its chart. */
function linked(): { step: number; byChart: boolean } {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const chart = target?.closest('.scrolly > figure.chart');
  const owner = target?.closest('.scrolly > .step') ?? chart?.previousElementSibling;
  return { step: owner ? steps.indexOf(owner as HTMLElement) : -1, byChart: Boolean(chart) };
}

/**
 * Every pinned chart shares one cell, so the browser takes a link to any
 * of them to the top of the story: a link to a chart brings the step that
 * shows it to the reading line instead (its scroll-margin-top).
 */
function landOnChart(): void {
  const { step, byChart } = linked();
  if (step < 0 || !byChart) return;
  show(step);
  steps[step].scrollIntoView({ block: 'start' });
}

if (steps.length > 0 && figures.length > 0) {
  // Before the browser has scrolled to a #fragment, show its chart; until the
  // page has loaded (and a reload has restored its scroll), charts switch
  // without a fade, so the first chart seen is already the right one.
  // The step that is known without measuring: the linked one, or the first.
  // Measuring now would force a layout before the first paint; the load
  // handler measures once the page is drawn.
  const link = linked();
  showState(shown);
  show(Math.max(0, link.step));
  window.addEventListener('load', () => {
    if (link.byChart) landOnChart();
    else if (link.step < 0 || window.scrollY > 0) settle();
    requestAnimationFrame(() => requestAnimationFrame(() => root.classList.add('scrolly-ready')));
  }, { once: true });

  // Fast scrolling and jumps can skip observer events, or deliver them
  // after the jump (a step left far behind "exits upwards"): after each
  // frame of scrolling and each observer event, settle on what the reading
  // line really crosses.
  let frame = 0;
  const onScroll = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(settle);
  };
  const scroller = scrollama();
  scroller.setup({ step: steps, offset: readingLine() }).onStepEnter(onScroll).onStepExit(onScroll);
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('hashchange', () => {
    landOnChart();
    onScroll();
  });
  // Crossing into another layout moves the reading line (scrollama types omit offset()).
  window.addEventListener('resize', () => {
    (scroller as unknown as { offset(x: number): void }).offset(readingLine());
    onScroll();
  });

  // Keyboard readers can Tab from step to step: a step reached that way is
  // brought just past the reading line (its scroll-margin-top, set in the
  // CSS), which makes it the active one.
  steps.forEach((step) => {
    step.tabIndex = 0;
    step.addEventListener('focus', () => {
      if (step.matches(':focus-visible')) step.scrollIntoView({ block: 'start' });
    });
  });
}
