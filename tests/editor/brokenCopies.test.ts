import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixtureProject, hashTree } from '../helpers.ts';
import { runCli, runCliAsync } from '../build/runBuild.ts';
import { FAULTS } from './faults.ts';

let dist: string;
let built: string;

beforeAll(() => {
  // One real build; every broken copy below must leave it as it is.
  const root = fixtureProject();
  dist = join(root, 'dist');
  const result = runCli('build', root, dist);
  expect(result.status, result.stderr).toBe(0);
  built = hashTree(dist);
});

// Two copies at a time: a refused run is mostly Node starting up.
describe.concurrent('npm run check and npm run build on broken copies of the story', () => {
  test('there is one copy per fault kind, at least thirty', ({ expect }) => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  });

  test.for(FAULTS.map((f) => [f.name, f] as const))('%s: both refuse, naming the file and line', async ([, fault], { expect }) => {
    const root = fixtureProject();
    fault.apply(root);
    const where = `${fault.file}:${fault.line}:`;

    const check = await runCliAsync('check', root);
    expect(check.status).toBe(1);
    const reported = check.stderr.split('\n').filter((line) => line.startsWith(where) && line.includes(fault.says));
    expect(reported, check.stderr).toHaveLength(1);
    expect(check.stderr).toMatch(/^\d+ problems? found$/m);
    expect(check.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const build = await runCliAsync('build', root, dist);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(reported[0]);
    expect(build.stderr).toContain('build refused: nothing was written');
    expect(hashTree(dist)).toBe(built);
  });
});
