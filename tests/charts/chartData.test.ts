import { describe, expect, test } from 'vitest';
import { checkEdited } from '../fixtures/mini.ts';

const FIRST = 'content/mini/01-first.md';
const SECOND = 'content/mini/02-second.md';

const problemsOf = checkEdited;

describe('chartData()', () => {
  test('reports an x column the table lacks, at the value', () => {
    expect(problemsOf(SECOND, 'x: partner', 'x: partnr')).toEqual([
      `${SECOND}:6:6  table partners has no column "partnr" to use as x — did you mean "partner"?`,
    ]);
  });

  test('reports a series column the table lacks', () => {
    expect(problemsOf(FIRST, '  highlight: 2025-03', '  series: yaer\n  highlight: 2025-03')).toEqual([
      `${FIRST}:6:11  table monthly has no column "yaer" to split series by — did you mean "year"?`,
    ]);
  });

  test('reports a where column the table lacks, at the key', () => {
    expect(problemsOf(SECOND, '  x: partner', '  x: partner\n  where: { country: Japan }')).toEqual([
      `${SECOND}:7:12  table partners has no column "country" to filter on — use one of year, partner`,
    ]);
  });

  test('reports a where value that matches no row, and nothing that follows from it', () => {
    expect(problemsOf(SECOND, '  x: partner', '  x: partner\n  where: { partner: Japna }')).toEqual([
      `${SECOND}:7:21  no rows with partner "Japna" in partners — did you mean "Japan"?`,
    ]);
  });

  test('reports an unknown key in data, and a highlight that matches nothing', () => {
    expect(problemsOf(FIRST, 'data: monthly.balance', 'data: monthly.balanse')).toEqual([
      `${FIRST}:4:9  unknown dataset key "monthly.balanse" — did you mean "monthly.balance"?`,
    ]);
    expect(problemsOf(FIRST, 'highlight: 2025-03', 'highlight: 2023-03')).toEqual([
      `${FIRST}:6:14  highlight "2023-03" matches nothing in the chart — name a period (2025-11), a category or a series that the chart draws`,
    ]);
  });

  test('reports a malformed from period', () => {
    expect(problemsOf(FIRST, '  highlight: 2025-03', '  from: 2024-3\n  highlight: 2025-03')).toEqual([
      `${FIRST}:6:9  malformed period from: "2024-3" — write 2007 for a year, 2024-Q3 for a quarter, 2025-03 for a month, 2025-01/02 for a span of months or 2015-06-30 for a day`,
    ]);
  });
});

describe('chartData() annotations', () => {
  test('reports an annotation that points at nothing drawn', () => {
    expect(problemsOf(FIRST, '  title: Monthly balance', '  annotations:\n    - { at: 2023-05, text: "A note" }\n  title: Monthly balance')).toEqual([
      `${FIRST}:8:13  annotation "A note" at 2023-05 matches no drawn value — name a period or category the chart draws, with a value, and the series it belongs to`,
    ]);
    expect(problemsOf(FIRST, '  title: Monthly balance', '  annotations:\n    - { at: 2025-03, text: "A note" }\n  title: Monthly balance')).toEqual([]);
  });
});
