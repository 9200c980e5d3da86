// @ts-check
import { defineConfig } from 'astro/config';

/** Where content/ and data/ live: PLOTLINE_ROOT, or the working directory. */
const root = process.env.PLOTLINE_ROOT || process.cwd();

/**
 * Origin and sub-path the site is published at (canonical URLs, share
 * images, feeds, every link), from content/site.yaml; SITE_URL and
 * BASE_PATH win over it, as the Pages workflow sets them. Read by Node
 * itself, not bundled with this config: src/lib is plain TypeScript. A
 * faulty site.yaml falls back to the defaults here; the check that every
 * build and `npm run dev` run first reports it.
 */
const { loadSettings } = await import(new URL('./src/lib/settings.ts', import.meta.url).href);
const { settings } = loadSettings(root);
const site = settings.origin;
const base = settings.base;

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
    async configureServer(server) {
      server.watcher.add([`${root}/content`, `${root}/data`]);
      // The site is kept between requests and loaded again after a save (site.ts, watchedSite).
      const { contentSaved, watchContent } = await import(new URL('./src/lib/site.ts', import.meta.url).href);
      watchContent();
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const changed = (/** @type {string} */ file) => {
        if (!/[\\/](content|data)([\\/]|$)/.test(file)) return;
        contentSaved();
        // Astro keeps each route's getStaticPaths() until content changes:
        // say it did, so that a story folder created while dev runs gets its
        // page (and a deleted one loses it) without a restart.
        for (const [name, environment] of Object.entries(server.environments ?? {})) {
          if (name !== 'client') environment.hot?.send?.('astro:content-changed', {});
        }
        server.ws.send({ type: 'full-reload', path: '*' });
        // One save can fire several events: check once they settle.
        clearTimeout(timer);
        timer = setTimeout(() => reportProblems(root), 100);
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
      server.watcher.on('addDir', changed);
      server.watcher.on('unlinkDir', changed);
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
    const { watchedSite, locatedError } = await import(new URL('./src/lib/site.ts', import.meta.url).href);
    const { problems } = watchedSite(root);
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
    const { watchedSite } = await import(new URL('./src/lib/site.ts', import.meta.url).href);
    const { formatProblems } = await import(new URL('./src/lib/problems.ts', import.meta.url).href);
    const { stories, problems } = watchedSite(root);
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
