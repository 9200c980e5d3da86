import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT } from './helpers.ts';

// One command checks everything: the type checker runs with the tests.
test('tsc --noEmit finds no type errors', () => {
  const result = spawnSync(process.execPath, [join(PROJECT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', PROJECT], { encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});
