import { describe, expect, test, vi } from 'vitest';

// Plot failing on a drawing (a combination of fields it cannot draw) is simulated here.
vi.mock('../../src/lib/charts/render.ts', async (original) => ({
  ...(await original<typeof import('../../src/lib/charts/render.ts')>()),
  plotSvg: () => {
    throw new Error('scale incompatible with channel');
  },
  plotPair: () => {
    throw new Error('scale incompatible with channel');
  },
}));

const { checkMini } = await import('../fixtures/mini.ts');

describe('a chart Plot cannot draw', () => {
  test('is a problem at its section, found by the check rather than by a failed build', () => {
    const problems = checkMini();
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) {
      expect(line).toMatch(/^content\/mini\/\d\d-[a-z-]+\.md:1:1  chart could not be drawn: scale incompatible with channel — change the chart's type, x or layout/);
    }
  });
});
