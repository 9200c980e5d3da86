import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChrome } from '../browser/chrome.ts';
import { PROJECT, fixtureProject } from '../helpers.ts';

const STORY = 'commodities';
const SECTION = `content/${STORY}/03-june-peak.md`;

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Retries `probe` until it returns a truthy value or `ms` pass; survives page reloads. */
async function poll<T>(what: string, probe: () => Promise<T>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error; // a reload destroyed the page's context: try again
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)} ${String((last as { cause?: unknown })?.cause ?? "")})` : ''}`);
}

/** The environment an editor's shell would have: without vitest's markers, which make Astro skip its dev middleware. */
function editorEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  return env;
}

const bodyText = (page: Page) => page.evaluate(() => document.body?.innerText ?? '');
/** Text of Astro's error overlay, or '' when none is shown. */
const overlayText = (page: Page) =>
  page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');

describe('npm run dev', () => {
  let root: string;
  let server: ChildProcess;
  let log = '';
  let url: string;
  let browser: Browser;
  let page: Page;
  let original: string;

  beforeAll(async () => {
    root = fixtureProject();
    original = readFileSync(join(root, SECTION), 'utf8');
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
      cwd: PROJECT,
      env: { ...editorEnv(), PLOTLINE_ROOT: root, NO_COLOR: '1' },
      // Its own process group, so that afterAll can stop the server and its children together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (log += chunk));
    server.stderr!.on('data', (chunk) => (log += chunk));
    await poll('the dev server to answer', async () => {
      if (server.exitCode !== null) throw new Error(`astro dev exited (${server.exitCode}):\n${log}`);
      return (await fetch(url)).ok;
    }, 120_000).catch((error) => {
      throw new Error(`${error.message}\n--- astro dev output ---\n${log}`);
    });
    browser = await launchChrome();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      const timer = setTimeout(() => server.exitCode === null && process.kill(-server.pid!, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the index lists every story', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain(`href="/${STORY}/"`);
    expect(html).toContain('href="/surplus/"');
  });

  test('an edited section shows in the open page without reloading it by hand', async () => {
    await page.goto(`${url}${STORY}/`);
    expect(await bodyText(page)).toContain('A June high');
    writeFileSync(join(root, SECTION), original.replace('heading: A June high', 'heading: A June high, edited live'));
    await poll('the edited heading', async () => (await bodyText(page)).includes('A June high, edited live'));
  });

  test('a content error shows in the overlay and the terminal as path:line:col  message — hint, and the page recovers', async () => {
    const broken = original.replace('key=commodities.quantity at=2025-06', 'key=commodities.quantty at=2025-06');
    const line = broken.split('\n').findIndex((l) => l.includes('commodities.quantty')) + 1;
    const column = broken.split('\n')[line - 1].indexOf(':fact[7,742.2') + 1;
    const expected = `${SECTION}:${line}:${column}  unknown dataset key "commodities.quantty" — did you mean "commodities.quantity"?`;
    const logBefore = log.length;
    writeFileSync(join(root, SECTION), broken);

    const overlay = await poll('the error overlay', async () => {
      const text = await overlayText(page);
      return text.includes('commodities.quantty') ? text : '';
    });
    expect(overlay).toContain(expected);
    // The overlay's code frame shows the faulty line of the section, not the code that threw.
    expect(overlay).toContain('Then shipments surged. June exports reached');
    expect(overlay).not.toContain('export function siteOrThrow');
    await poll('the problem in the terminal', async () => log.slice(logBefore).includes(expected));
    // The page's refusal is logged too, with the hint and without a stack trace: the fault is in the content.
    await poll('the page\'s error in the terminal', async () => log.slice(logBefore).includes(`[ERROR] ${expected}`));
    expect(log.slice(logBefore)).toContain('Fix the file and save it: the page reloads by itself.');
    expect(log.slice(logBefore)).not.toMatch(/Stack trace|\n\s+at \S/);

    writeFileSync(join(root, SECTION), original);
    await poll('the page to recover', async () => (await overlayText(page)) === '' && (await bodyText(page)).includes('A June high'));
    await poll('the terminal to say the content is sound again', async () => /content ok: 2 stories checked/.test(log.slice(logBefore)));
  });

  test('a data error shows in the overlay and the terminal, and the page recovers when the CSV is fixed', async () => {
    const csv = join(root, 'data/trade/commodities.csv');
    const good = readFileSync(csv, 'utf8');
    const bad = good.replace('2025-06,rare_earths,export,7742.2,', '2025-06,rare_earths,export,7742.2t,');
    const line = bad.split('\n').findIndex((l) => l.includes('7742.2t')) + 1;
    const expected = new RegExp(`data/trade/commodities\\.csv:${line}:\\d+  "7742\\.2t" is not a number in column "quantity" — `);
    const logBefore = log.length;
    writeFileSync(csv, bad);
    const overlay = await poll('the error overlay', async () => {
      const text = await overlayText(page);
      return text.includes('7742.2t') ? text : '';
    });
    expect(overlay).toMatch(expected);
    await poll('the problem in the terminal', async () => expected.test(log.slice(logBefore)));
    await poll('the page\'s error in the terminal', async () => log.slice(logBefore).includes('[ERROR] data/trade/commodities.csv'));
    expect(log.slice(logBefore)).not.toMatch(/Stack trace|\n\s+at \S/);

    writeFileSync(csv, good);
    await poll('the page to recover', async () => (await overlayText(page)) === '' && (await bodyText(page)).includes('A June high'));
  });
  test('a story folder created while it runs gets its page and a place on the index, without a restart', async () => {
    // Written as an editor would: the folder first, then index.md and the sections.
    const dir = join(root, 'content', 'late-story');
    mkdirSync(dir);
    const from = join(root, 'content', STORY);
    for (const name of readdirSync(from)) {
      const text = readFileSync(join(from, name), 'utf8');
      writeFileSync(join(dir, name), name === 'index.md' ? text.replace(/^title: .*$/m, 'title: A story written while the server ran') : text);
    }
    await poll('the new story\'s page', async () => (await fetch(`${url}late-story/`)).status === 200);
    expect(await (await fetch(`${url}late-story/`)).text()).toContain('A story written while the server ran');
    await poll('the index to list it', async () => (await (await fetch(url)).text()).includes('href="/late-story/"'));
    const csv = (await (await fetch(`${url}late-story/`)).text()).match(/href="(\/late-story\/data\/[^"]+\.csv)"/)?.[1];
    expect(csv, 'the page links its charts\' CSV files').toBeTruthy();
    expect((await fetch(`${url}${csv!.slice(1)}`)).status).toBe(200);
  });

  test('a story folder deleted while it runs loses its page and its place on the index', async () => {
    rmSync(join(root, 'content', 'late-story'), { recursive: true, force: true });
    await poll('the deleted story\'s page to go', async () => (await fetch(`${url}late-story/`)).status === 404);
    await poll('the index to drop it', async () => !(await (await fetch(url)).text()).includes('href="/late-story/"'));
    // The other stories are still served.
    expect((await fetch(`${url}${STORY}/`)).status).toBe(200);
  });
});
