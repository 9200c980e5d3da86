import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { chartFindings, FEW_PLACES } from '../../src/lib/story/agreement.ts';
import { fixtureChart } from '../fixtures/charts.ts';
import { MINI, miniProject } from '../fixtures/mini.ts';

const FIRST = 'content/mini/01-first.md';
const SECOND = 'content/mini/02-second.md';

function load(changes: Record<string, string | null> = {}) {
  const { stories, problems } = checkProject(miniProject(changes));
  return { story: stories[0], problems: problems.map(formatProblem), warnings: (stories[0]?.warnings ?? []).map(formatProblem) };
}

/** A section of the mini story: frontmatter lines and a body. */
const section = (front: string, body: string) => `---\n${front}---\n\n${body}\n`;

describe("a step's figures are on its chart", () => {
  test('a figure the chart does not draw is a warning at its line that names the chart that does', () => {
    const { problems, warnings } = load({
      [FIRST]: section('heading: First\nchart:\n  data: monthly.exports\n  type: bar\n  title: Exports\n', 'March brought :value{key=monthly.exports at=2025-03 format=usd_bn}.'),
      [SECOND]: section('heading: Second\nchart:\n  data: monthly.imports\n  type: bar\n  title: Imports\n', 'Imports were :value{key=monthly.imports at=2025-03 format=usd_bn}, against exports of :fact[US$15 billion]{key=monthly.exports at=2025-03}.'),
    });
    expect(problems).toEqual([]);
    const offChart = warnings.filter((w) => w.includes('warning (off-chart)'));
    expect(offChart).toHaveLength(1);
    expect(offChart[0]).toMatch(new RegExp(`^${SECOND}:9:\\d+  warning \\(off-chart\\): "US\\$15 billion" \\(monthly.exports at 2025-03\\) is not on the chart shown with this step \\("Imports"\\) — the chart of ${FIRST} draws it`));
  });

  test('a figure outside the drawn periods is off the chart too', () => {
    const { warnings } = load({
      [FIRST]: section('chart:\n  data: monthly.exports\n  type: bar\n  from: 2025-03\n  title: Exports\n', 'A year earlier: :fact[US$12 billion]{key=monthly.exports at=2024-03}.'),
      [SECOND]: null,
    });
    expect(warnings.filter((w) => w.includes('off-chart'))).toEqual([expect.stringMatching(/^content\/mini\/01-first\.md:9:\d+ .*draw it on this step's chart/)]);
  });

  test('offchart on the figure, or accept: [off-chart] on the section, says it is context on purpose', () => {
    const body = 'A year earlier: :fact[US$12 billion]{key=monthly.exports at=2024-03 offchart}.';
    const marked = load({ [FIRST]: section('chart:\n  data: monthly.exports\n  type: bar\n  from: 2025-03\n  title: Exports\n', body), [SECOND]: null });
    expect(marked.problems).toEqual([]);
    expect(marked.warnings.filter((w) => w.includes('off-chart'))).toEqual([]);
    const accepted = load({ [FIRST]: section('accept: [off-chart]\nchart:\n  data: monthly.exports\n  type: bar\n  from: 2025-03\n  title: Exports\n', body.replace(' offchart', '')), [SECOND]: null });
    expect(accepted.problems).toEqual([]);
    expect(accepted.warnings.filter((w) => w.includes('off-chart'))).toEqual([]);
  });

  test('an unknown code in accept: is refused at its line', () => {
    const { problems } = load({ [FIRST]: MINI[FIRST].replace('heading: First\n', 'heading: First\naccept: [offchart]\n') });
    expect(problems).toEqual([expect.stringMatching(/^content\/mini\/01-first\.md:3:\d+ .*offchart/)]);
  });
});

describe('one series, one baseline', () => {
  const bars = section('chart:\n  data: monthly.exports\n  type: bar\n  title: Exports\n', 'Exports: :value{key=monthly.exports at=2025-03 format=usd_bn}.');
  test('the same measure redrawn as a line on a cut-off axis in the next step is a warning at its chart:', () => {
    const { warnings } = load({ [FIRST]: bars, [SECOND]: section('heading: Second\nchart:\n  data: monthly.exports\n  type: line\n  title: Exports again\n', 'The same, as a line: :value{key=monthly.exports at=2025-03 format=usd_bn}.') });
    expect(warnings.filter((w) => w.includes('(baseline)'))).toEqual([expect.stringMatching(/^content\/mini\/02-second\.md:3:1  warning \(baseline\): Exports is redrawn from bars to a line and from a zero baseline to a cut-off one/)]);
  });

  test('a zoom with from:, or accept: [baseline], is on purpose', () => {
    const zoomed = load({ [FIRST]: bars, [SECOND]: section('chart:\n  data: monthly.exports\n  type: line\n  from: 2025-01/02\n  title: Exports again\n', 'Zoomed: :value{key=monthly.exports at=2025-03 format=usd_bn}.') });
    expect(zoomed.warnings.filter((w) => w.includes('(baseline)'))).toEqual([]);
    const accepted = load({ [FIRST]: bars, [SECOND]: section('accept: [baseline]\nchart:\n  data: monthly.exports\n  type: line\n  title: Exports again\n', 'Accepted: :value{key=monthly.exports at=2025-03 format=usd_bn}.') });
    expect(accepted.warnings.filter((w) => w.includes('(baseline)'))).toEqual([]);
  });

  test('another measure in the next step is no change of baseline', () => {
    const { warnings } = load({ [FIRST]: bars, [SECOND]: section('chart:\n  data: monthly.imports\n  type: line\n  title: Imports\n', 'Imports: :value{key=monthly.imports at=2025-03 format=usd_bn}.') });
    expect(warnings.filter((w) => w.includes('(baseline)'))).toEqual([]);
  });
});

describe('words on spans', () => {
  test('a note calling a bar drawn at its monthly average a total is refused at its text', () => {
    const { problems } = load({
      [FIRST]: section('chart:\n  data: monthly.exports\n  type: bar\n  title: Exports\n  annotations:\n    - { at: 2025-01/02, text: "Jan–Feb combined" }\n', 'Exports: :value{key=monthly.exports at=2025-03 format=usd_bn}.'),
    });
    expect(problems).toEqual([expect.stringMatching(/^content\/mini\/01-first\.md:7:\d+  note "Jan–Feb combined" says "combined" on a mark drawn at its average per month \(Jan–Feb 2025 is drawn at 11; the 2 months' total is 22\) — write what the mark shows, e\.g\. "Jan–Feb 2025, monthly average"/)]);
  });

  test('the same words on a single month pass', () => {
    const { problems } = load({
      [FIRST]: section('chart:\n  data: monthly.exports\n  type: bar\n  title: Exports\n  annotations:\n    - { at: 2025-03, text: "Best total so far" }\n', 'Exports: :value{key=monthly.exports at=2025-03 format=usd_bn}.'),
    });
    expect(problems).toEqual([]);
  });
});

describe('honest forms', () => {
  test('a chart of two values is a warning', () => {
    const { warnings } = load();
    expect(warnings.filter((w) => w.includes('(two-values)'))).toEqual([expect.stringMatching(/^content\/mini\/02-second\.md:4:\d+  warning \(two-values\): a chart of two values/)]);
  });

  test(`a choropleth of fewer than ${FEW_PLACES} places suggests sorted bars; one of more does not`, () => {
    const few = fixtureChart('people', { data: 'countries.population_share', x: 'country', type: 'choropleth', where: { country: ['Afghanistan', 'Argentina', 'Australia'] } });
    expect(chartFindings(few)).toEqual([expect.objectContaining({ code: 'few-places', field: 'type', message: expect.stringContaining('a map of 3 places') })]);
    const many = fixtureChart('people', { data: 'countries.population_share', x: 'country', type: 'choropleth', regions: { 'Hong Kong, China': ['HKG'] } });
    expect(chartFindings(many).filter((f) => f.code === 'few-places')).toEqual([]);
  });
});

describe('one rounding per figure', () => {
  test('the same figure with other decimals in two sentences is a warning at the second', () => {
    const { warnings } = load({
      [FIRST]: section('chart:\n  data: partners.exports\n  type: barX\n  x: partner\n  title: Partners\n  values: none\n', 'Japan took :fact[US$2.25 billion]{key=partners.exports at=2025-03 partner=Japan}, or :fact[US$2.3 billion]{key=partners.exports at=2025-03 partner=Japan} rounded.'),
      [SECOND]: null,
    });
    expect(warnings.filter((w) => w.includes('(rounding)'))).toEqual([expect.stringMatching(/^content\/mini\/01-first\.md:10:\d+  warning \(rounding\): "US\$2.3 billion" gives 1 decimal where content\/mini\/01-first\.md:10 gives 2/)]);
  });

  test("a figure written with other decimals than the chart's label is a warning", () => {
    const { warnings } = load({
      [FIRST]: section('chart:\n  data: partners.exports\n  type: barX\n  x: partner\n  highlight: Japan\n  title: Partners\n', 'Japan took :fact[US$2.3 billion]{key=partners.exports at=2025-03 partner=Japan}.'),
      [SECOND]: null,
    });
    expect(warnings.filter((w) => w.includes('(rounding)'))).toEqual([expect.stringMatching(/gives 1 decimal where the chart's label gives 2/)]);
  });
});
