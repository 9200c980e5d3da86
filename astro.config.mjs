// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Sub-path the site is served under, e.g. /plotline/ on GitHub Pages, with
 * one leading and one trailing slash whatever the variable holds
 * (actions/configure-pages gives "/plotline", or "" for a user site).
 */
const trimmed = (process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '');
const base = trimmed ? `/${trimmed}/` : '/';
/** Origin the site is published at (canonical URLs, share images, feeds). */
const site = process.env.SITE_URL || 'https://example.org';

/**
 * Content and data are read by src/lib at build time, outside Vite's module
 * graph: in `npm run dev` a saved section or CSV reloads the page here, and
 * the content is checked again so that its problems show in the terminal as
 * `path:line:col  message — hint` (the page shows them in Astro's overlay).
 */
function reloadOnContentChange() {
  return {
    name: 'plotline:reload-on-content',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      const root = process.env.PLOTLINE_ROOT || process.cwd();
      server.watcher.add([`${root}/content`, `${root}/data`]);
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const changed = (/** @type {string} */ file) => {
        if (!/[\\/](content|data)[\\/]/.test(file)) return;
        server.ws.send({ type: 'full-reload', path: '*' });
        // One save can fire several events: check once they settle.
        clearTimeout(timer);
        timer = setTimeout(() => reportProblems(root), 100);
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
      server.httpServer?.once('listening', () => reportProblems(root));
      // Astro sends a page's error to the overlay 200 ms after the page, and a
      // slow browser may connect later and show a blank page: tell each page
      // that connects, once it is listening.
      server.ws.on('connection', () => showProblems(server, root));
    },
  };
}

/** Sends the content's problems, if any, to the error overlay of every open page. */
async function showProblems(/** @type {import('vite').ViteDevServer} */ server, /** @type {string} */ root) {
  try {
    const { checkProject, locatedError } = await import(new URL('./src/lib/site.ts', import.meta.url).href);
    const { problems } = checkProject(root);
    if (problems.length === 0) return;
    // The client environment's channel is the one Astro dresses up for its overlay.
    const channel = server.environments?.client?.hot ?? server.ws;
    channel.send({ type: 'error', err: locatedError(problems, root) });
  } catch (error) {
    console.error('plotline: could not check content:', error);
  }
}

/** Checks content and data under `root` and prints the outcome to the terminal. */
async function reportProblems(/** @type {string} */ root) {
  try {
    // Loaded by Node itself, not bundled with this config: src/lib is plain TypeScript.
    const { checkProject } = await import(new URL('./src/lib/site.ts', import.meta.url).href);
    const { formatProblems } = await import(new URL('./src/lib/problems.ts', import.meta.url).href);
    const { stories, problems } = checkProject(root);
    if (problems.length > 0) console.error(`\n${formatProblems(problems)}\n`);
    else console.log(`content ok: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'} checked`);
  } catch (error) {
    console.error('plotline: could not check content:', error);
  }
}

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'ignore',
  compressHTML: true,
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // A strict CSP (style-src 'self', script-src 'self') allows no inline blocks.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [reloadOnContentChange()],
  },
});
