/**
 * The embed page's one script: tells whatever page holds the frame how
 * tall the chart is, in every dialect a host may listen for, whenever it
 * changes (a narrower frame, the data table opened).
 *
 * - native: <meta name="responsive-embedded-sizing"> plus requestResize(),
 *   for hosts that style the frame with `frame-sizing: content-height`;
 * - pym.js: "pymxPYMx<childId>xPYMxheightxPYMx<px>", the child id from the
 *   `childId` query parameter a pym parent adds (AMP's amp-iframe reads the
 *   same message whatever the id);
 * - AMP: {sentinel: "amp", type: "embed-size", height} (also what
 *   public/embed.js, this site's own listener, reads);
 * - Datawrapper: {"datawrapper-height": {<chart>: px}}.
 */
const root = document.documentElement;
const childId = new URLSearchParams(location.search).get('childId') ?? '';
const chart = document.querySelector('[data-chart]')?.getAttribute('data-chart') ?? 'chart';
let sent = 0;

function report(force = false): void {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (parent === window || (height === sent && !force)) return;
  sent = height;
  parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  parent.postMessage({ 'datawrapper-height': { [chart]: height } }, '*');
  try {
    (window as Window & { requestResize?: () => void }).requestResize?.();
  } catch {
    // Not in an iframe that allows it: the messages above are the way.
  }
}

new ResizeObserver(() => report()).observe(root);
// A pym parent sends the frame's width when it starts and on every resize,
// and waits for the height in reply.
addEventListener('message', (event) => {
  if (typeof event.data === 'string' && event.data.startsWith(`pymxPYMx${childId}xPYMxwidth`)) report(true);
});
