import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, test } from 'vitest';
import { fixtureProject, hashTree } from '../helpers.ts';
import { runCliAsync } from '../build/runBuild.ts';
import { sharedBuild } from '../build/sharedBuild.ts';
import { FAULTS } from './faults.ts';

let dist: string;
let built: string;

beforeAll(() => {
  // A copy of one real build (the one the golden files' test shares);
  // every broken copy below must leave it as it is.
  dist = join(fixtureProject(), 'dist');
  cpSync(sharedBuild(fixtureProject()), dist, { recursive: true });
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
