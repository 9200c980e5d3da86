/**
 * `npm run dev` as an editor uses it: the time from saving a file to the
 * story page being served again, with the charts that did not change
 * taken from the in-memory cache.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT } from '../helpers.ts';

export interface DevServer {
  url: string;
  /** Fetches `path`, failing on any status but 200: the time it took, and the page. */
  fetch(path: string): Promise<{ ms: number; body: string }>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `astro dev` on the content and data under `root`. */
export async function startDev(root: string): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT,
    env: { ...process.env, PLOTLINE_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let tries = 0; ; tries++) {
    try {
      await fetch(url);
      break;
    } catch {
      if (tries > 300 || child.exitCode !== null) {
        await stop();
        throw new Error(`astro dev did not start:\n${errors}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    async fetch(path) {
      const start = performance.now();
      const response = await fetch(`${url}${path}`);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`astro dev answered ${response.status} for ${path}:\n${errors}`);
      return { ms: performance.now() - start, body };
    },
    stop,
  };
}
