/**
 * Host pages for the embed tests: one per way a site sizes an iframe, each
 * served from its own origin on 127.0.0.1 (a real cross-origin frame, as on
 * a partner's site). Their scripts are files of the host, so a host can
 * send a strict Content-Security-Policy.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PROJECT } from '../helpers.ts';

export type HostKind = 'native' | 'pym' | 'amp' | 'datawrapper' | 'snippet';

/**
 * Native sizing (CSS Box Sizing 4, Chromium): the frame takes its page's
 * height when the page opts in (<meta name="responsive-embedded-sizing">)
 * and the host's CSS says `frame-sizing: content-height` with an auto height.
 */

/** The real pym.js parent (npm package pym.js). */
const PYM = readFileSync(join(PROJECT, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');

/**
 * What AMP's amp-iframe does with a frame's messages (amp-iframe.js): a
 * pym.js "height" message or {sentinel: "amp", type: "embed-size"} from
 * that frame sets its height.
 */
const AMP_LISTENER = `addEventListener('message', function (e) {
  var frame = document.querySelector('iframe');
  if (e.source !== frame.contentWindow) return;
  var d = e.data, h;
  if (typeof d === 'string' && d.indexOf('pym') === 0 && d.split('xPYMx')[2] === 'height') h = parseInt(d.split('xPYMx')[3], 10);
  else if (d && d.sentinel === 'amp' && d.type === 'embed-size') h = Number(d.height);
  if (h > 0) frame.style.height = h + 'px';
});`;

/** Datawrapper's published listener for responsive embeds, as newsrooms paste it. */
const DATAWRAPPER_LISTENER = `window.addEventListener('message', function (a) {
  if (void 0 !== a.data['datawrapper-height']) {
    var e = document.querySelectorAll('iframe');
    for (var t in a.data['datawrapper-height']) for (var r = 0; r < e.length; r++) if (e[r].contentWindow === a.source) e[r].style.height = a.data['datawrapper-height'][t] + 'px';
  }
});`;

const PAGE_CSS = 'body { margin: 0; padding: 16px; font-family: sans-serif; } iframe { display: block; width: 100%; border: 0; } .native iframe { frame-sizing: content-height; height: auto; }';

export interface HostServer {
  origin: string;
  /** URL of the host page of `kind` embedding `src` (an embed page's URL); `snippet` is the story page's embed code for that kind. */
  page(kind: HostKind, src: string, snippet?: string): string;
  close(): Promise<void>;
}

/** Serves host pages; every response carries `csp` when given (a strict host). */
export async function serveHosts(csp?: string): Promise<HostServer> {
  const pages = new Map<string, string>();
  const files: Record<string, [string, string]> = {
    '/pym.js': [PYM, 'text/javascript'],
    '/amp.js': [AMP_LISTENER, 'text/javascript'],
    '/datawrapper.js': [DATAWRAPPER_LISTENER, 'text/javascript'],
    '/host.css': [PAGE_CSS, 'text/css'],
    '/favicon.ico': ['', 'image/x-icon'],
    // A page of the host's own origin that opts in to native sizing, 700 px tall: whether this browser sizes frames natively at all.
    '/probe-child.html': ['<!doctype html><html lang="en"><head><meta name="responsive-embedded-sizing"><title>Probe</title><style>body { margin: 0; } div { height: 700px; }</style></head><body><div></div></body></html>', 'text/html'],
    '/probe.html': ['<!doctype html><html lang="en"><head><title>Probe</title><link rel="stylesheet" href="/host.css"></head><body class="native"><iframe src="/probe-child.html" title="Probe"></iframe></body></html>', 'text/html'],
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[path] ?? (pages.has(path) ? [pages.get(path)!, 'text/html; charset=utf-8'] : undefined);
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.[1] ?? 'text/plain', ...(csp ? { 'Content-Security-Policy': csp } : {}) });
    res.end(file?.[0] ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    origin,
    page(kind, src, snippet) {
      const id = `/host-${kind}-${++n}.html`;
      if (kind === 'pym') files[`/pym-start-${n}.js`] = [`new pym.Parent('chart', ${JSON.stringify(src)}, {});`, 'text/javascript'];
      const frame = `<iframe src="${src}" title="Chart" height="150"></iframe>`;
      const body = {
        native: frame,
        pym: `<div id="chart"></div><script src="/pym.js"></script><script src="/pym-start-${n}.js"></script>`,
        amp: `${frame}<script src="/amp.js"></script>`,
        datawrapper: `${frame}<script src="/datawrapper.js"></script>`,
        snippet: snippet ?? '',
      }[kind];
      pages.set(id, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host: ${kind}</title><link rel="stylesheet" href="/host.css"></head><body class="${kind}"><h1>A partner's article</h1><p>Text before the chart.</p>${body}<p>Text after the chart.</p></body></html>`);
      return `${origin}${id}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
