import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/plotline/ */
  url: string;
  /** Paths requested that were not found. */
  misses: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 under `base` (as GitHub Pages would), with any
 * extra response headers (a Content-Security-Policy, say). Directories serve
 * their index.html; anything else is a 404 with dir/404.html if present.
 * With `compress`, bodies go gzipped to a client that accepts it, as
 * GitHub Pages sends them (what Lighthouse should see).
 */
export async function serveStatic(dir: string, base = '/', headers: Record<string, string> = {}, compress = false): Promise<StaticServer> {
  const misses: string[] = [];
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: Buffer | string, type = 'text/plain') => {
      const gzip = compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}), ...headers });
      res.end(gzip ? gzipSync(body) : body);
    };
    if (!path.startsWith(prefix) && `${path}/` !== prefix) {
      misses.push(path);
      return send(404, 'not under base');
    }
    const relative = normalize(path.slice(prefix.length - 1)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, relative);
    try {
      if ((await stat(file)).isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: `${path}/`, ...headers });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      misses.push(path);
      const notFound = await readFile(join(dir, '404.html')).catch(() => '404');
      send(404, notFound, 'text/html; charset=utf-8');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    misses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
