// @ts-check
import { defineConfig } from 'astro/config';

/** Sub-path the site is served under, e.g. /plotline/ on GitHub Pages. */
const base = process.env.BASE_PATH || '/';

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
  site: process.env.SITE_URL || 'https://example.org',
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
