import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests start Astro and Chromium: give them room, and
    // run files one at a time so two builds never compete for two cores.
    // These are ceilings for a stuck test, not speed budgets: a busy machine
    // (CI beside other jobs) may take minutes over a build, and must not fail
    // for it. Speed is measured by `npm run bench`.
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    // Concurrent tests (the broken-copy runs) spawn Node: two at a time on two cores.
    maxConcurrency: 2,
    env: { TZ: 'UTC' },
    // Browser tests wait for the page to settle with expect.poll: on a busy
    // machine that can take seconds, so they wait long (a pass returns at
    // once; only a real failure waits the whole time).
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
