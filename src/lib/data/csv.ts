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
  const offsets = cellOffsets(body);
  // Columns are counted after the mark, which no editor can see.
  const positionAt = positionsIn(body);
  return rows
    .map((cells, i) => ({
      cells,
      positions: (offsets[i] ?? []).map((offset) => positionAt(offset)),
    }))
    .filter((record) => !(record.cells.length === 1 && record.cells[0] === ''));
}

/** Start offset of every cell, record by record, honouring quotes. */
function cellOffsets(text: string): number[][] {
  const records: number[][] = [];
  let current: number[] = [0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      current.push(i + 1);
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push(current);
      current = [i + 1];
    }
  }
  if (current[0] < text.length) records.push(current);
  return records;
}
