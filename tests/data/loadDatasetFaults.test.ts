import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import { checkMini, edit, MINI, miniProject } from '../fixtures/mini.ts';

const YAML = 'data/trade/dataset.yaml';
const MONTHLY = 'data/trade/monthly.csv';
const YTD = 'data/trade/ytd.csv';

function load(changes: Record<string, string | null>) {
  const problems = new Problems();
  const dataset = loadDataset(miniProject(changes), 'trade', problems);
  return { dataset, problems: problems.sorted().map(formatProblem) };
}

const problemsOf = (changes: Record<string, string | null>) => load(changes).problems;

describe('loadDataset()', () => {
  test('loads the fixture dataset without problems', () => {
    const { dataset, problems } = load({});
    expect(problems).toEqual([]);
    expect([...dataset!.tables.keys()]).toEqual(['monthly', 'ytd', 'partners']);
  });

  test('reports malformed YAML at its line', () => {
    expect(problemsOf(edit(YAML, '    file: ytd.csv', '    file: ytd.csv\n    file: other.csv'))).toEqual([
      `${YAML}:22:5  duplicate key "file" in YAML — each field may appear once; delete or merge the repeated one`,
    ]);
    expect(problemsOf(edit(YAML, 'title: Trade\n', 'title: "Trade\n'))).toEqual([
      `${YAML}:1:8  malformed YAML: the quote " opened here is never closed — end the value with "`,
    ]);
  });

  test('reports an unknown field once, with the field it was meant to be', () => {
    expect(problemsOf(edit(YAML, '    title: Exports by partner', '    titel: Exports by partner'))).toEqual([
      `${YAML}:33:5  unknown field "tables.partners.titel" — did you mean "title"?`,
    ]);
  });

  test('reports an unknown column type, unit and derived op', () => {
    expect(problemsOf(edit(YAML, 'partner: { type: category }', 'partner: { type: categroy }'))).toEqual([
      `${YAML}:36:24  invalid tables.partners.columns.partner.type: categroy (expected period, number, category, unit, url, publisher, grade, text) — did you mean "category"?`,
    ]);
    expect(problemsOf(edit(YAML, 'exports: { type: number, unit: usd_bn }', 'exports: { type: number, unit: usd_bln }'))).toEqual([
      `${YAML}:37:38  table partners: unknown unit "usd_bln" for column "exports" — did you mean "usd_bn"?`,
    ]);
    expect(problemsOf(edit(YAML, 'exports_yoy: { op: yoy', 'exports_yoy: { op: YoY'))).toEqual([
      `${YAML}:19:26  invalid tables.monthly.derived.exports_yoy.op: YoY (expected yoy, mom, change, change_yoy, ytd, rolling12, diff, share, index, rank, sum, mean, last) — did you mean "yoy"?`,
    ]);
  });

  test('reports a derived measure of an unknown column', () => {
    expect(problemsOf(edit(YAML, 'minus: imports', 'minus: import'))).toEqual([
      `${YAML}:18:48  table monthly: derived "balance" refers to unknown measure "import" — did you mean "imports"?`,
    ]);
  });

  test('reports a missing table file at its declaration', () => {
    expect(problemsOf({ 'data/trade/partners.csv': null })).toEqual([
      `${YAML}:32:11  missing table file data/trade/partners.csv — create it, or correct "file" for table partners`,
    ]);
  });

  test('reports a source URL that is not one', () => {
    expect(problemsOf(edit(YAML, 'url: https://example.org/customs', 'url: example customs'))).toEqual([
      `${YAML}:7:10  invalid sources.0.url: "example customs" is not a valid URL — write the full address, starting with https://`,
    ]);
  });
});

describe('parseTable() on a dataset', () => {
  test('reports a non-number, a malformed and a duplicated period in one run', () => {
    expect(problemsOf({ [MONTHLY]: MINI[MONTHLY].replace('2024-03,12,8', '2024-3,12,8').replace('2025-03,15,9,', '2025-03,15,9,\n2025-03,15,9,').replace('2025-04,16,', '2025-04,16 bn,') })).toEqual([
      `${MONTHLY}:3:1  malformed period "2024-3" in column "period" — write 2007 for a year, 2024-Q3 for a quarter, 2025-03 for a month, 2025-01/02 for a span of months or 2015-06-30 for a day`,
      `${MONTHLY}:6:1  duplicated period 2025-03 (first on line 5) — keep one row per period; correct the period or delete the repeated row`,
      `${MONTHLY}:7:9  "16 bn" is not a number in column "exports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing`,
    ]);
  });

  test('reports a missing required column, and a misspelt one once', () => {
    expect(problemsOf(edit(MONTHLY, 'period,exports,imports,note', 'period,exports,note'))).toEqual([
      `${MONTHLY}:1:1  missing required column "imports" — add a column named "imports" to the header, or remove it from dataset.yaml`,
    ]);
    expect(problemsOf(edit(MONTHLY, 'period,exports,imports,note', 'period,exports,imprts,note'))).toEqual([
      `${MONTHLY}:1:16  unknown column "imprts" — did you mean "imports"?`,
    ]);
    expect(problemsOf(edit(MONTHLY, 'period,exports,imports,note', 'period,exports,imports,note,source'))).toContain(
      `${MONTHLY}:1:29  unknown column "source" — use one of period, exports, imports, note; or declare it under columns in dataset.yaml`,
    );
    expect(problemsOf(edit(MONTHLY, 'period,exports,imports,note', 'period,exports,imports,exports'))).toEqual([
      `${MONTHLY}:1:1  missing required column "note" — add a column named "note" to the header, or remove it from dataset.yaml`,
      `${MONTHLY}:1:24  column "exports" appears twice in the header — delete or rename one of them`,
    ]);
  });

  test('reports rows with too many or too few cells', () => {
    expect(problemsOf({ [MONTHLY]: MINI[MONTHLY].replace('2024-03,12,8,', '2024-03,12,8').replace('2025-03,15,9,', '2025-03,15,9,,') })).toEqual([
      `${MONTHLY}:3:1  too few cells: 3 where the header has 4 — quote any cell that contains a comma, and check for a missing or extra comma`,
      `${MONTHLY}:5:1  too many cells: 5 where the header has 4 — quote any cell that contains a comma, and check for a missing or extra comma`,
    ]);
  });

  test('reports an empty file', () => {
    expect(problemsOf({ [MONTHLY]: '' })).toEqual([
      `${MONTHLY}:1:1  empty CSV file — the first line must name the columns: period,exports,imports,note`,
    ]);
  });

  test('reports a duplicated period of a long table, and an undeclared measure', () => {
    expect(problemsOf({ [YTD]: `${MINI[YTD]}2025-01/03,balance,18\n2025-01/03,surplus,18\n` })).toEqual([
      `${YTD}:5:1  duplicated balance for period 2025-01/03 (also on line 4) — keep one row per period and measure`,
      `${YTD}:6:12  unknown measure "surplus" — use one of balance; or declare it under measures in dataset.yaml`,
    ]);
  });

  test('accepts a byte-order mark and CRLF line endings, and still points at the right cell', () => {
    const crlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    const { dataset, problems } = load({ [MONTHLY]: crlf(MINI[MONTHLY]), [YTD]: crlf(MINI[YTD]) });
    expect(problems).toEqual([]);
    expect(dataset!.tables.get('monthly')!.rows.find((r) => r.period.id === '2025-03')!.values).toMatchObject({ exports: 15, balance: 6, exports_yoy: 25 });
    expect(problemsOf({ [MONTHLY]: crlf(MINI[MONTHLY].replace('2024-03,12,8', '2024-03,12,x')) })).toEqual([
      `${MONTHLY}:3:12  "x" is not a number in column "imports" — write a plain number such as 123.4, or leave the cell empty when the figure is missing`,
    ]);
    expect(problemsOf({ [MONTHLY]: crlf(MINI[MONTHLY]).replace('period,exports', 'period,exprts') })).toContain(
      `${MONTHLY}:1:8  unknown column "exprts" — did you mean "exports"?`,
    );
  });
});

describe('loadDataset() with hostile declarations', () => {
  test('refuses a table file outside the dataset folder: data files live there', () => {
    for (const path of ['../../etc/passwd', '/etc/passwd', '../other/monthly.csv', '.', '""']) {
      expect(problemsOf(edit(YAML, 'file: monthly.csv', `file: ${path}`))).toEqual([
        `${YAML}:10:11  table file "${path === '""' ? '' : path}" is not in data/trade/ — move the CSV into data/trade/ and write its name, e.g. file: monthly.csv`,
      ]);
    }
  });

  test('refuses a table file that links out of the dataset folder', () => {
    const root = miniProject({ [MONTHLY]: null, 'elsewhere.csv': MINI[MONTHLY] });
    symlinkSync('../../elsewhere.csv', join(root, MONTHLY));
    const problems = new Problems();
    loadDataset(root, 'trade', problems);
    expect(problems.sorted().map(formatProblem)).toEqual([
      `${YAML}:10:11  table file "monthly.csv" is not in data/trade/ — move the CSV into data/trade/ and write its name, e.g. file: monthly.csv`,
    ]);
  });

  test('accepts a table file in a sub-folder of the dataset', () => {
    expect(problemsOf({ ...edit(YAML, 'file: monthly.csv', 'file: csv/monthly.csv'), 'data/trade/csv/monthly.csv': MINI[MONTHLY] })).toEqual([]);
  });

  test('reports a dataset without tables at dataset.yaml', () => {
    expect(problemsOf({ [YAML]: MINI[YAML].replace(/tables:[\s\S]*/, 'tables: {}\n') })).toEqual([
      `${YAML}:8:9  dataset declares no tables — list each CSV under tables: with its file, title and columns`,
    ]);
  });

  test('reports a derived measure built on another derived measure, or on itself', () => {
    expect(problemsOf(edit(YAML, 'exports_yoy: { op: yoy, of: exports,', 'exports_yoy: { op: yoy, of: balance,'))).toEqual([
      `${YAML}:19:35  table monthly: derived "exports_yoy" is computed from derived "balance" — compute it from a column or declared measure (exports, imports): derived measures cannot build on each other`,
    ]);
    expect(problemsOf(edit(YAML, 'exports_yoy: { op: yoy, of: exports,', 'exports_yoy: { op: yoy, of: exports_yoy,'))).toEqual([
      `${YAML}:19:35  table monthly: derived "exports_yoy" is computed from derived "exports_yoy" — compute it from a column or declared measure (exports, imports): derived measures cannot build on each other`,
    ]);
  });

  test('reports "minus" on an op that takes none', () => {
    expect(problemsOf(edit(YAML, 'exports_yoy: { op: yoy, of: exports,', 'exports_yoy: { op: yoy, of: exports, minus: imports,'))).toEqual([
      `${YAML}:19:51  table monthly: derived "exports_yoy" has "minus" but op yoy takes none — delete minus:, or use op: diff to subtract it`,
    ]);
  });

  test('refuses a source link that is not a web address, and an empty list of sources', () => {
    expect(problemsOf(edit(YAML, 'url: https://example.org/customs', 'url: "javascript:alert(1)"'))).toEqual([
      `${YAML}:7:10  invalid sources.0.url: "javascript:alert(1)" is not a valid URL — write the full address, starting with https://`,
    ]);
    expect(problemsOf(edit(YAML, 'sources:\n  - name: Customs\n    url: https://example.org/customs', 'sources: []'))).toEqual([
      `${YAML}:5:10  invalid sources: an empty list — name at least one item, or delete the field`,
    ]);
  });

  test('reports a CSV that is a folder or not UTF-8, at the CSV', () => {
    const root = miniProject({ [MONTHLY]: null });
    mkdirSync(join(root, MONTHLY));
    writeFileSync(join(root, YTD), Buffer.from(MINI[YTD].replace('balance,17', 'balance,17\u00a0'), 'latin1'));
    const problems = new Problems();
    loadDataset(root, 'trade', problems);
    expect(problems.sorted().map(formatProblem)).toEqual([
      `${MONTHLY}:1:1  ${MONTHLY} is a folder — put a text file there, or rename or remove what is there`,
      `${YTD}:4:22  file is not UTF-8 text — save it with UTF-8 encoding (in a spreadsheet: "CSV UTF-8"); the position is that of the first byte that is not UTF-8`,
    ]);
  });
});

describe('loadDataset() declarations that would be ignored', () => {
  test('reports a second period column and a unit on a column that is not a number', () => {
    expect(problemsOf(edit(YAML, '      note: { type: text }', '      note: { type: url, unit: pct }'))).toEqual([
      `${YAML}:16:32  table monthly: column "note" has a unit but is not a number column — delete unit:, or declare it type: number`,
    ]);
    expect(problemsOf(edit(YAML, '      note: { type: text }', '      note: { type: period }'))).toEqual([
      `${YAML}:16:13  table monthly: two columns of type period ("period", "note") — a table has one period column: declare the other as type: text`,
    ]);
  });

  test('reports a second publisher column at its declaration', () => {
    const two = edit(YAML, '      note: { type: text }', '      note: { type: publisher }\n      credit: { type: publisher }');
    expect(problemsOf(two)).toEqual([
      `${YAML}:17:15  table monthly: two columns of type publisher ("note", "credit") — a table has one publisher column: declare the other as type: text`,
    ]);
  });
});

describe('checkProject() with a table that cannot be read', () => {
  test('reports the table at dataset.yaml only, not as an unknown key in every sentence', () => {
    expect(checkMini(edit(YAML, 'file: partners.csv', 'file: ../partners.csv'))).toEqual([
      `${YAML}:32:11  table file "../partners.csv" is not in data/trade/ — move the CSV into data/trade/ and write its name, e.g. file: partners.csv`,
    ]);
  });
});
