import { csvParseRows } from 'd3-dsv';
import { positionsIn, type Position } from '../problems.ts';

/** One CSV record: its cells and where each cell starts in the file. */
export interface CsvRecord {
  cells: string[];
  positions: Position[];
}

/**
 * Splits CSV text into records with the line and column of every cell.
 * d3-dsv reads the values; `cellOffsets` only finds where each cell begins,
 * so that an error can point into the file even when a quoted note spans
 * several lines. A byte-order mark and CRLF line endings are accepted.
 */
export function readCsv(text: string): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = csvParseRows(body);
  const { offsets } = cellOffsets(body);
  // Columns are counted after the mark, which no editor can see.
  const positionAt = positionsIn(body);
  return rows
    .map((cells, i) => ({
      cells,
      positions: (offsets[i] ?? []).map((offset) => positionAt(offset)),
    }))
    .filter((record) => !(record.cells.length === 1 && record.cells[0] === ''));
}

/**
 * Where a quote that opens a cell is never closed (it swallows the rest of
 * the file), or undefined. Counted, like readCsv, after a byte-order mark.
 */
export function unclosedQuote(text: string): Position | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { open } = cellOffsets(body);
  return open === undefined ? undefined : positionsIn(body)(open);
}

/** Start offset of every cell, record by record, honouring quotes as d3-dsv does. */
function cellOffsets(text: string): { offsets: number[][]; open?: number } {
  const records: number[][] = [];
  let current: number[] = [0];
  let quoted: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted !== undefined) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = undefined;
    } else if (c === '"' && i === current.at(-1)) {
      // Only a quote at the start of a cell opens one; inside a cell it is text.
      quoted = i;
    } else if (c === ',') {
      current.push(i + 1);
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push(current);
      current = [i + 1];
    }
  }
  if (current[0] < text.length) records.push(current);
  return { offsets: records, open: quoted };
}
