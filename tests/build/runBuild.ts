import { spawn, spawnSync } from 'node:child_process';
import { PROJECT } from '../helpers.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an npm-script entry point (`build` or `check`) the way an editor
 * would, on the content and data under `root`, writing the site to `outDir`.
 */
export function runCli(command: 'build' | 'check', root: string, outDir?: string, env: Record<string, string> = {}, timeoutMs = 300_000): RunResult {
  // Vitest sets NODE_ENV=test and copies Vite's import.meta.env (BASE_URL,
  // MODE…) into process.env; a build inheriting them would not be the one
  // `npm run build` makes (BASE_URL=/ would even override BASE_PATH).
  const { NODE_ENV: _node, BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [`src/cli/${command}.ts`], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...inherited, PLOTLINE_ROOT: root, PLOTLINE_QUIET: '1', ...(outDir ? { PLOTLINE_OUT_DIR: outDir } : {}), ...env },
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking, so that several runs can share the cores. */
export function runCliAsync(command: 'build' | 'check', root: string, outDir?: string, env: Record<string, string> = {}): Promise<RunResult> {
  // The same environment as runCli: without Vitest's NODE_ENV and Vite's variables.
  const { NODE_ENV: _node, BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const childEnv = { ...inherited, PLOTLINE_ROOT: root, PLOTLINE_QUIET: '1', ...(outDir ? { PLOTLINE_OUT_DIR: outDir } : {}), ...env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`src/cli/${command}.ts`], { cwd: PROJECT, env: childEnv, timeout: 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
