import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    // Build and browser tests start Astro and Chromium: give them room, and
    // run files one at a time so two builds never compete for two cores.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // Concurrent tests (the broken-copy runs) spawn Node: two at a time on two cores.
    maxConcurrency: 2,
    env: { TZ: 'UTC' },
  },
});
