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
 * graph: in `npm run dev` a saved section or CSV reloads the page here.
 */
function reloadOnContentChange() {
  return {
    name: 'plotline:reload-on-content',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      const root = process.env.PLOTLINE_ROOT || process.cwd();
      server.watcher.add([`${root}/content`, `${root}/data`]);
      const reload = (/** @type {string} */ file) => {
        if (/[\\/](content|data)[\\/]/.test(file)) server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
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
