import { describe, expect, test } from 'vitest';
import { parseTable } from '../../src/lib/data/parseTable.ts';
import { tableSchema } from '../../src/lib/data/schema.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { expectProblem } from '../helpers.ts';

const FILE = 'data/t/monthly.csv';
const spec = tableSchema.parse({
  file: 'monthly.csv',
  title: 'Monthly',
  columns: {
    period: { type: 'period' },
    exports: { type: 'number', unit: 'usd_bn' },
    imports: { type: 'number', unit: 'usd_bn' },
    source_url: { type: 'url' },
  },
  derived: {
    balance: { op: 'diff', of: 'exports', minus: 'imports' },
    exports_ytd: { op: 'ytd', of: 'exports' },
    exports_yoy: { op: 'yoy', of: 'exports' },
    exports_mom: { op: 'mom', of: 'exports' },
  },
});

function parse(text: string) {
  const problems = new Problems();
  const table = parseTable('monthly', spec, FILE, text, problems);
  return { table, problems: problems.sorted() };
}

const HEADER = 'period,exports,imports,source_url\n';

describe('parseTable()', () => {
  test('reads rows and computes derived measures', () => {
    const { table, problems } = parse(
      HEADER + '2024-01/02,20,10,u\n2024-03,12,8,u\n2025-01/02,22,11,u\n2025-03,15,9,u\n2025-04,,9,u\n',
    );
    expect(problems).toEqual([]);
    const at = (id: string) => table.rows.find((r) => r.period.id === id)!.values;
    expect(at('2025-03')).toMatchObject({ balance: 6, exports_ytd: 37, exports_yoy: 25, exports_mom: null });
    expect(at('2025-04')).toMatchObject({ exports: null, balance: null, exports_ytd: null, exports_mom: null });
  });

  test('never counts a month twice when it is also inside a span', () => {
    const { table } = parse(HEADER + '2023-01,6,3,u\n2023-01/02,10,5,u\n2023-03,4,2,u\n');
    const jan = table.rows.find((r) => r.period.id === '2023-01')!;
    expect(jan.detail).toBe(true);
    expect(table.rows.find((r) => r.period.id === '2023-03')!.values.exports_ytd).toBe(14);
  });

  test('leaves a running total missing after a gap rather than bridging it', () => {
    const { table } = parse(HEADER + '2025-01/02,10,5,u\n2025-04,4,2,u\n');
    expect(table.rows.find((r) => r.period.id === '2025-04')!.values.exports_ytd).toBeNull();
  });

  test('reports a non-number with its line, column and a fix', () => {
    const { problems } = parse(HEADER + '2025-03,12,8,u\n2025-04,n/a,8,u\n');
    expectProblem(problems, FILE, 3, ':3:9', '"n/a" is not a number in column "exports"', 'leave the cell empty');
  });

  test('suggests dropping thousands separators', () => {
    const { problems } = parse(HEADER + '2025-03,"1,076",8,u\n');
    expectProblem(problems, FILE, 2, 'write 1076 without thousands separators');
  });

  test('reports malformed and duplicated periods', () => {
    const { problems } = parse(HEADER + '2025-3,1,1,u\n2025-04,1,1,u\n2025-04,2,2,u\n');
    expectProblem(problems, FILE, 2, 'malformed period "2025-3"');
    expectProblem(problems, FILE, 4, 'duplicated period 2025-04 (first on line 3)');
  });

  test('reports missing and unknown columns', () => {
    const { problems } = parse('period,exports,imprts,source_url\n2025-01,1,1,u\n');
    expectProblem(problems, FILE, 1, 'unknown column "imprts"', 'did you mean "imports"?');
    expect(problems).toHaveLength(1);
    expectProblem(parse('period,exports,source_url\n2025-01,1,u\n').problems, FILE, 1, 'missing required column "imports"');
  });

  test('reports rows with too many or too few cells', () => {
    const { problems } = parse(HEADER + '2025-01,1,1\n2025-02,1,1,u,extra\n');
    expectProblem(problems, FILE, 2, 'too few cells: 3 where the header has 4');
    expectProblem(problems, FILE, 3, 'too many cells: 5 where the header has 4');
  });

  test('reports an empty file', () => {
    expectProblem(parse('').problems, FILE, 1, 'empty CSV file');
  });
});

describe('parseTable() with hostile cells', () => {
  test('reports a number too large to compute with, rather than publishing Infinity', () => {
    const { problems } = parse(HEADER + '2025-03,1e400,8,u\n2025-04,-1e400,8,u\n');
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}:2:9  "1e400" is not a number in column "exports" — the number is too large to compute with: check the exponent or the digits`,
      `${FILE}:3:9  "-1e400" is not a number in column "exports" — the number is too large to compute with: check the exponent or the digits`,
    ]);
  });

  test('reads -0 as 0, so that no page prints a minus zero', () => {
    const { table } = parse(HEADER + '2025-03,-0,0,u\n');
    expect(Object.is(table.rows[0].values.exports, 0)).toBe(true);
  });

  test('reports a header without rows at the CSV', () => {
    expect(parse(HEADER).problems.map(formatProblem)).toEqual([
      `${FILE}:2:1  no rows below the header — add one row per period, or remove table monthly from dataset.yaml`,
    ]);
  });

  test('reports a quote that is never closed where it opens', () => {
    expect(parse(HEADER + '2025-03,12,8,u\n2025-04,"13,8,u\n2025-05,14,8,u\n').problems.map(formatProblem)).toEqual([
      `${FILE}:3:9  the quote " opened here is never closed — end the cell with " (a quote inside a quoted cell is written "")`,
    ]);
  });

  test('reads a quote inside a cell as text, as d3-dsv does, keeping later positions right', () => {
    const { problems } = parse(HEADER + '2025-03,1"2,8,u\n2025-04,x,8,u\n');
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}:2:9  "1"2" is not a number in column "exports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing`,
      `${FILE}:3:9  "x" is not a number in column "exports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing`,
    ]);
  });
});

describe('parseTable() with a publisher column', () => {
  const columns = {
    period: { type: 'period' },
    exports: { type: 'number', unit: 'usd_bn' },
    source_url: { type: 'url' },
    reported_by: { type: 'publisher' },
  };

  test('credits each row of a wide table to its publisher, and to nobody when the cell is empty', () => {
    const wide = tableSchema.parse({ file: 'w.csv', title: 'W', columns });
    const problems = new Problems();
    const table = parseTable('w', wide, FILE, 'period,exports,source_url,reported_by\n2025-03,1,https://a.example,Agency A\n2025-04,2,https://b.example,\n', problems);
    expect(problems.sorted()).toEqual([]);
    expect(table.rows.map((r) => [r.period.id, r.sources, r.publishers])).toEqual([
      ['2025-03', { '': 'https://a.example' }, { '': 'Agency A' }],
      ['2025-04', { '': 'https://b.example' }, { '': '' }],
    ]);
  });

  test('credits each measure of a long table to the publisher on its own line', () => {
    const long = tableSchema.parse({
      file: 'l.csv',
      title: 'L',
      index: 'end',
      long: { measure: 'measure', value: 'value' },
      columns: { period: { type: 'period' }, measure: { type: 'category' }, value: { type: 'number', unit: 'usd_bn' }, reported_by: { type: 'publisher' } },
      measures: { exports: { unit: 'usd_bn' }, imports: { unit: 'usd_bn' } },
    });
    const problems = new Problems();
    const table = parseTable('l', long, FILE, 'period,measure,value,reported_by\n2025-01/03,exports,9,Wire B\n2025-01/03,imports,4,\n', problems);
    expect(problems.sorted()).toEqual([]);
    expect(table.rows[0].publishers).toEqual({ exports: 'Wire B', imports: '' });
  });

  test('leaves every publisher empty in a table without the column', () => {
    const { table } = parse(HEADER + '2025-03,1,1,u\n');
    expect(table.rows[0].publishers).toEqual({ '': '' });
  });
});
