import { describe, expect, test } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { checkProject } from '../../src/lib/check.ts';
import { buildLedger, ledgerCsv, ledgerJson, LEDGER_CSV_COLUMNS } from '../../src/lib/audit/ledger.ts';
import { entryText } from '../../src/lib/audit/ledgerText.ts';
import { edit, miniProject, MINI } from '../fixtures/mini.ts';
import { PROJECT, tempProject } from '../helpers.ts';

function miniLedger(changes: Record<string, string | null> = {}) {
  const { stories, problems } = checkProject(miniProject(changes));
  expect(problems).toEqual([]);
  return buildLedger(stories[0]);
}

describe('buildLedger()', () => {
  const ledger = miniLedger();
  const byKey = (key: string) => ledger.facts.find((f) => f.key === key)!;

  test('has one entry per :fact and :value, in reading order, index.md first', () => {
    expect(ledger.facts.map((f) => [f.directive, f.key, f.file])).toEqual([
      ['fact', 'ytd.balance', 'content/mini/index.md'],
      ['value', 'monthly.exports', 'content/mini/01-first.md'],
      ['fact', 'monthly.exports_yoy', 'content/mini/01-first.md'],
      ['fact', 'partners.exports', 'content/mini/02-second.md'],
    ]);
    expect(ledger).toMatchObject({ story: 'mini', title: 'A small story', dataset: 'trade', published: '2025-05-01', updated: null });
  });

  test('gives the text as written, its sentence and its line and column in the file', () => {
    const fact = byKey('partners.exports');
    expect(fact).toMatchObject({ text: 'US$4.5 billion', sentence: 'Sales to the United States came to US$4.5 billion.', line: 10, column: 36, section: 'second' });
    expect(MINI['content/mini/02-second.md'].split('\n')[fact.line - 1].slice(fact.column - 1)).toMatch(/^:fact\[US\$4\.5 billion\]/);
    // A :value is listed with the figure it printed.
    expect(byKey('monthly.exports')).toMatchObject({ text: 'US$15.0 billion', sentence: 'In March exports reached US$15.0 billion, up 25 per cent.' });
  });

  test('gives key, period as written and as found, filters, value, unit and the rounding used', () => {
    expect(byKey('ytd.balance')).toMatchObject({
      at: '2025-03',
      period: '2025-01/03',
      filters: {},
      value: 17,
      unit: 'usd_bn',
      rounding: { decimals: 0, scale: 1, stated: 17, rounded: 17, accepts: [16.5, 17.5] },
    });
    expect(byKey('partners.exports')).toMatchObject({ filters: { partner: 'United States' }, value: 4.5, rounding: { decimals: 1, accepts: [4.45, 4.55] } });
    // "up 25 per cent" of a derived growth rate: the build computed it, and says from what.
    expect(byKey('monthly.exports_yoy')).toMatchObject({
      value: 25,
      unit: 'pct',
      derived: { op: 'yoy', of: 'exports', ofLabel: 'Exports' },
      rounding: { decimals: 0, stated: 25, accepts: [24.5, 25.5] },
    });
    expect(byKey('monthly.exports').rounding).toMatchObject({ decimals: 1, format: 'usd_bn', rounded: 15, accepts: [14.95, 15.05] });
  });

  test('names the row\'s CSV line, and the dataset\'s publisher when the row names none', () => {
    // Nor a URL: the dataset's first source stands for it.
    expect(byKey('partners.exports').source).toEqual({ url: 'https://example.org/customs', urlFrom: 'dataset', grade: 'verified', unverifiedRows: [], attributedTo: null, publisher: 'Customs', publisherFrom: 'dataset', file: 'data/trade/partners.csv', line: 2 });
    expect(ledger.datasetSources).toEqual([{ name: 'Customs', url: 'https://example.org/customs' }]);
  });

  test('gives the row\'s own source URL when the table has one', () => {
    const withUrls = miniLedger({
      ...edit('data/trade/dataset.yaml', '      exports: { type: number, unit: usd_bn }\n', '      exports: { type: number, unit: usd_bn }\n      url: { type: url }\n'),
      'data/trade/partners.csv': 'period,partner,exports,url\n2025-03,United States,4.5,https://example.org/us\n2025-03,Japan,2.25,https://example.org/jp\n',
    });
    expect(withUrls.facts.find((f) => f.key === 'partners.exports')!.source).toMatchObject({ url: 'https://example.org/us', urlFrom: 'row', line: 2 });
  });

  test('lists the charts that draw the same row and measure, and only those', () => {
    expect(byKey('partners.exports').charts).toEqual([{ id: 'mini-second', title: 'Exports by partner, March 2025' }]);
    // The first chart draws the balance, not exports or their growth.
    expect(byKey('monthly.exports').charts).toEqual([]);
    expect(byKey('ytd.balance').charts).toEqual([]);
    const drawn = miniLedger(edit('content/mini/01-first.md', 'data: monthly.balance', 'data: monthly.exports'));
    expect(drawn.facts.find((f) => f.key === 'monthly.exports')!.charts).toEqual([{ id: 'mini-first', title: 'Monthly balance' }]);
    // A chart filtered to another partner does not draw the US figure.
    const japan = miniLedger(edit('content/mini/02-second.md', '  x: partner\n', '  x: partner\n  where: { partner: Japan }\n'));
    expect(japan.facts.find((f) => f.key === 'partners.exports')!.charts).toEqual([]);
  });

  test('round-trips as JSON', () => {
    expect(JSON.parse(ledgerJson(ledger))).toEqual(JSON.parse(JSON.stringify(ledger)));
  });
});

describe('ledgerCsv()', () => {
  test('has a header and one line per entry, numbers as numbers', () => {
    const ledger = miniLedger();
    const rows = csvParseRows(ledgerCsv(ledger).trimEnd());
    expect(rows[0]).toEqual([...LEDGER_CSV_COLUMNS]);
    expect(rows).toHaveLength(ledger.facts.length + 1);
    const us = rows.find((r) => r[LEDGER_CSV_COLUMNS.indexOf('key')] === 'partners.exports')!;
    expect(us[LEDGER_CSV_COLUMNS.indexOf('value')]).toBe('4.5');
    expect(us[LEDGER_CSV_COLUMNS.indexOf('filters')]).toBe('partner=United States');
    expect(us[LEDGER_CSV_COLUMNS.indexOf('charts')]).toBe('mini-second');
  });

  test('neutralises text that would start a formula but keeps a negative figure a number', () => {
    const ledger = miniLedger({
      'data/trade/partners.csv': 'period,partner,exports\n2025-03,United States,-4.5\n2025-03,Japan,2.25\n',
      ...edit('content/mini/02-second.md', ':fact[US$4.5 billion]', ':fact[-US$4.5 billion]'),
    });
    const rows = csvParseRows(ledgerCsv(ledger).trimEnd()).slice(1);
    const us = rows.find((r) => r[LEDGER_CSV_COLUMNS.indexOf('key')] === 'partners.exports')!;
    expect(us[LEDGER_CSV_COLUMNS.indexOf('text')]).toBe("'-US$4.5 billion");
    expect(us[LEDGER_CSV_COLUMNS.indexOf('value')]).toBe('-4.5');
    expect(us[LEDGER_CSV_COLUMNS.indexOf('accepts_from')]).toBe('-4.55');
    // Read as a spreadsheet would: no text cell may start a formula.
    for (const row of rows) {
      for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell), cell).toBe(false);
    }
  });
});

describe('entryText()', () => {
  test('names the measure, the categories and the period in words, and the data with all its digits', () => {
    const ledger = miniLedger();
    expect(entryText(ledger.facts.find((f) => f.key === 'partners.exports')!)).toMatchObject({
      figure: 'US$4.5 billion',
      measure: 'exports, United States, March 2025',
      data: 'US$4.5 billion',
      computed: '',
      publisher: 'Customs',
    });
    expect(entryText(ledger.facts.find((f) => f.key === 'monthly.exports_yoy')!).computed).toBe('Computed by us: the change in Exports on a year earlier.');
    expect(entryText(ledger.facts.find((f) => f.key === 'ytd.balance')!).measure).toBe('Balance so far, January–March 2025');
  });
});

describe('content/README.md', () => {
  /** The backquoted names in the first column of the table under `heading`. */
  function documented(heading: string): string[] {
    const guide = readFileSync(join(PROJECT, 'content/README.md'), 'utf8');
    const start = guide.indexOf(`#### ${heading}\n`);
    expect(start, heading).toBeGreaterThan(0);
    const rows = guide.slice(start).split('\n\n')[1].split('\n').slice(2);
    return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])).sort();
  }

  test('documents every field of a ledger entry and of its rounding', () => {
    const ledger = miniLedger();
    const fact = ledger.facts.find((f) => f.directive === 'fact')!;
    const value = ledger.facts.find((f) => f.directive === 'value')!;
    expect(documented('Ledger entry fields')).toEqual(Object.keys(fact).sort());
    expect(documented('Rounding fields')).toEqual([...new Set([...Object.keys(fact.rounding), ...Object.keys(value.rounding)])].sort());
  });
});

describe('the ledger of a table without periods', () => {
  // US states from vega-datasets (tests/fixtures/charts): Florida 110 hurricanes, the most of any state.
  const root = tempProject({
    'content/states/index.md': '---\ntitle: Hurricanes by state\npublished: 2025-01-01\ndataset: states\n---\n\nFlorida was struck by :fact[110 hurricanes]{key=states.hurricanes state=Florida claim=highest}, more than any other state.\n',
    'content/states/01-ranking.md': '---\nheading: The ranking\nchart:\n  data: states.hurricanes\n  type: barX\n  title: Hurricanes that struck each state\n---\n\nTexas follows with :value{key=states.hurricanes state=Texas}.\n',
  });
  cpSync(join(PROJECT, 'tests/fixtures/charts/data/states'), join(root, 'data/states'), { recursive: true });
  const { stories, problems } = checkProject(root);

  test('lists every figure, with no period and the claim it checks', () => {
    expect(problems.filter((p) => !p.warning)).toEqual([]);
    const ledger = buildLedger(stories[0]);
    expect(ledger.facts.map((f) => [f.directive, f.key, f.at, f.period, f.filters, f.value, f.claim])).toEqual([
      ['fact', 'states.hurricanes', null, null, { state: 'Florida' }, 110, 'highest'],
      ['value', 'states.hurricanes', null, null, { state: 'Texas' }, 59, null],
    ]);
    expect(entryText(ledger.facts[0]).measure).toBe('Hurricanes, Florida');
    const [header, first] = csvParseRows(ledgerCsv(ledger));
    expect(first[header.indexOf('at')]).toBe('');
    expect(first[header.indexOf('period')]).toBe('');
  });
});
