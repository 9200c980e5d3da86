import { csvParseRows } from 'd3-dsv';
import { positionsIn, type Position } from '../problems.ts';

/** One CSV record: its cells, its line, and where each cell starts in the file. */
export interface CsvRecord {
  cells: string[];
  /** Line of the record's first cell. */
  line: number;
  /** Found on first use: only a faulty cell needs its place. */
  readonly positions: Position[];
}

/** A record whose cell positions are worked out only when asked for. */
class Record implements CsvRecord {
  readonly cells: string[];
  readonly line: number;
  /** The offset of each cell, or of the first, the others following it past each comma. */
  #offsets: number[] | number;
  #positionAt: (offset: number) => Position;
  constructor(cells: string[], line: number, offsets: number[] | number, positionAt: (offset: number) => Position) {
    this.cells = cells;
    this.line = line;
    this.#offsets = offsets;
    this.#positionAt = positionAt;
  }
  get positions(): Position[] {
    let offsets = this.#offsets;
    if (typeof offsets === 'number') {
      let offset = offsets;
      offsets = this.cells.map((cell) => {
        const start = offset;
        offset += cell.length + 1;
        return start;
      });
    }
    return offsets.map((offset) => this.#positionAt(offset));
  }
}

/**
 * Splits CSV text into records with the line and column of every cell.
 * A file without quotes (most) is split by lines and commas; otherwise
 * d3-dsv reads the values and `cellOffsets` finds where each cell begins,
 * so that an error can point into the file even when a quoted note spans
 * several lines. A byte-order mark and CRLF line endings are accepted.
 */
export function readCsv(text: string): CsvRecord[] {
  return [...csvRecords(text)];
}

/** readCsv one record at a time: a long file's records need not all be held at once. */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Columns are counted after the mark, which no editor can see.
  const positionAt = lazy(() => positionsIn(body));
  const at = (offset: number) => positionAt()(offset);
  if (!body.includes('"')) {
    // Without a CR every line ends at LF, found natively.
    const lf = !body.includes('\r');
    let start = 0;
    let line = 1;
    while (start < body.length) {
      let end = start;
      if (lf) {
        end = body.indexOf('\n', start);
        if (end < 0) end = body.length;
      } else {
        while (end < body.length && body.charCodeAt(end) !== 10 && body.charCodeAt(end) !== 13) end++;
      }
      if (end > start) {
        yield new Record(body.slice(start, end).split(','), line, start, at);
      }
      // A line ends at LF, CRLF or a lone CR.
      start = body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      line++;
    }
    return;
  }
  const rows = csvParseRows(body);
  const { offsets } = cellOffsets(body);
  for (const [i, cells] of rows.entries()) {
    if (cells.length === 1 && cells[0] === '') continue;
    const starts = offsets[i] ?? [];
    yield new Record(cells, starts.length ? at(starts[0]).line : 1, starts, at);
  }
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Where a quote that opens a cell is never closed (it swallows the rest of
 * the file), or undefined. Counted, like readCsv, after a byte-order mark.
 */
export function unclosedQuote(text: string): Position | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.includes('"')) return undefined;
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
