import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { stateOf } from '../../src/lib/charts/states.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { chartSchema, stateSchema } from '../../src/lib/story/schema.ts';
import { MINI, miniProject } from '../fixtures/mini.ts';

const THIRD = 'content/mini/03-third.md';
const section = (front: string, body = 'Imports, on the same scale.') => `---\nheading: Third\n${front}---\n\n${body}\n`;
// The mini story's first chart (monthly.balance) moved to step two, so a state can follow it.
const withState = (front: string) => ({
  'content/mini/02-second.md': MINI['content/mini/01-first.md'].replace('heading: First', 'heading: Second'),
  'content/mini/01-first.md': MINI['content/mini/02-second.md'].replace('heading: Second', 'heading: First'),
  [THIRD]: section(front),
});

function load(files: Record<string, string>) {
  const { stories, problems } = checkProject(miniProject(files));
  return { story: stories[0], problems: problems.map(formatProblem) };
}

describe('stateOf()', () => {
  test("is the previous chart with the state's fields replacing its own, and drops a description written for it", () => {
    const previous = chartSchema.parse({ data: 'monthly.exports', type: 'bar', title: 'Exports', highlight: '2025-03', description: 'Bars of exports.', annotations: [{ value: 20, text: 'Twenty' }] });
    const state = stateSchema.parse({ data: 'monthly.imports', annotations: [{ at: '2025-03', text: 'March' }] });
    expect(stateOf(previous, state)).toEqual({ data: 'monthly.imports', type: 'bar', title: 'Exports', highlight: '2025-03', annotations: [{ at: '2025-03', text: 'March' }] });
  });
});

describe('a section with state:', () => {
  test('keeps the chart before, changed, on the same scales, in the same group', () => {
    const { story, problems } = load(withState('state:\n  data: monthly.exports\n  highlight: 2025-04\n  annotations: [{ value: 30, text: "Thirty" }]\n'));
    expect(problems).toEqual([]);
    const [, bars, state] = story.charts;
    expect(state.section.state).toBe(true);
    expect(state.group).toBe(bars.id);
    expect(state.chart.spec).toMatchObject({ data: 'monthly.exports', type: 'bar', title: 'Monthly balance', highlight: '2025-04' });
    // One value axis for both states, wide enough for the reference line at 30 and for zero.
    expect(bars.chart.domains).toEqual(state.chart.domains);
    expect(state.chart.domains!.y).toEqual([0, 30]);
    expect(plotOptions(bars.chart, SIZES.wide).y).toMatchObject({ domain: [0, 30] });
    expect(story.sections.map((s) => s.shows)).toEqual([0, 1, 2]);
  });

  test('that zooms (its own from/to) gets scales of its own', () => {
    const { story, problems } = load(withState('state:\n  from: 2025-03\n'));
    expect(problems).toEqual([]);
    expect(story.charts[2].chart.domains).toBeUndefined();
    expect(story.charts[1].chart.domains).toBeUndefined();
  });

  test('reports a fault in an inherited field at its state: key, and one of its own at the field', () => {
    const inherited = load(withState('state:\n  from: 2025-04\n'));
    expect(inherited.problems.every((p) => p.startsWith(`${THIRD}:3:1  `) && p.includes('(in the chart this state changes)'))).toBe(true);
    expect(inherited.problems).toContainEqual(expect.stringMatching(new RegExp(`^${THIRD}:3:1  highlight "2025-03" matches nothing.*\\(in the chart this state changes\\)`)));
    const own = load(withState('state:\n  highlight: 2031-01\n'));
    expect(own.problems).toEqual([expect.stringMatching(new RegExp(`^${THIRD}:4:\\d+  highlight "2031-01" matches nothing`))]);
  });

  test('is refused beside chart: and in the first section', () => {
    const both = load({ [THIRD]: section('chart:\n  data: monthly.exports\n  title: Exports\nstate:\n  highlight: 2025-03\n') });
    expect(both.problems).toEqual([expect.stringMatching(new RegExp(`^${THIRD}:6:1  a section has both chart: and state:`))]);
    const first = load({ 'content/mini/01-first.md': section('state:\n  highlight: 2025-03\n').replace('Third', 'First') });
    expect(first.problems.some((p) => p.startsWith('content/mini/01-first.md:1:1  the first section has no chart'))).toBe(true);
  });
});
