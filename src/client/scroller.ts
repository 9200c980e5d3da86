/**
 * The page's only script. It reports which step is in view and shows that
 * step's pre-rendered chart; charts, text and layout are all in the HTML
 * and CSS already, so without this script nothing is lost.
 */
import scrollama from 'scrollama';

const steps = [...document.querySelectorAll<HTMLElement>('.scrolly > .step')];
const figures = [...document.querySelectorAll<HTMLElement>('.scrolly > figure.chart')];
const status = document.getElementById('chart-status');
const bar = document.querySelector<HTMLElement>('.progress-bar');
let shown = -1;

function show(stepIndex: number): void {
  const figure = Number(steps[stepIndex]?.dataset.shows ?? 0);
  steps.forEach((step, i) => step.classList.toggle('is-active', i === stepIndex));
  if (bar) bar.style.transform = `scaleX(${(stepIndex + 1) / steps.length})`;
  if (figure === shown) return;
  shown = figure;
  figures.forEach((f, i) => f.classList.toggle('is-active', i === figure));
  const title = figures[figure]?.querySelector('.chart-title')?.textContent;
  if (status && title) status.textContent = `Chart: ${title}`;
}

/** The step at the reading line now: right on a deep link or a reload mid-page. */
function stepInView(): number {
  const line = window.innerHeight * 0.6;
  let current = 0;
  steps.forEach((step, i) => {
    if (step.getBoundingClientRect().top < line) current = i;
  });
  return current;
}

if (steps.length > 0) {
  document.documentElement.classList.add('scrolly-ready');
  const scroller = scrollama();
  scroller.setup({ step: steps, offset: 0.6 }).onStepEnter(({ index }) => show(index));
  // Fast scrolling can skip enter events; settle on what is really in view.
  let pending = 0;
  window.addEventListener('scroll', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => show(stepInView()));
  }, { passive: true });
  window.addEventListener('resize', () => scroller.resize());
  show(stepInView());
}
