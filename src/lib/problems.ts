/**
 * Problems are how Plotline talks to editors. Every content or data fault
 * becomes one `Problem` with a project-relative file, a 1-based line and
 * column in the original file, what is wrong, and (when it can be guessed)
 * what to do about it. Loaders collect problems instead of throwing, so one
 * run lists every fault, not only the first.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** A warning is printed but stops neither the check nor the build. */
  warning?: boolean;
  /** For a warning: the code a section's `accept:` names to silence it. */
  code?: string;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

/** Collects problems for one run; passed into loaders as their sink. */
export class Problems {
  readonly list: Problem[] = [];

  add(file: string, at: Position | undefined, message: string, hint?: string): void {
    const { line, column } = at ?? START;
    // A problem quotes what was written; what was written may be megabytes.
    this.list.push({ file, line, column, message: clip(message), ...(hint ? { hint: clip(hint) } : {}) });
  }

  get size(): number {
    return this.list.length;
  }

  /** Problems in a stable order: by file, then line, then column. */
  sorted(): Problem[] {
    return [...this.list].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
  }
}

/** Longest message or hint printed; longer ones end in "…". */
export const MAX_PROBLEM_TEXT = 600;

function clip(text: string): string {
  return text.length > MAX_PROBLEM_TEXT ? `${text.slice(0, MAX_PROBLEM_TEXT - 1)}…` : text;
}

/** `path:line:col  message — hint`, the one format every tool prints. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return `${where}  ${p.warning ? `warning (${p.code}): ` : ''}${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map(formatProblem);
  const n = problems.length;
  lines.push(`${n} problem${n === 1 ? '' : 's'} found`);
  return lines.join('\n');
}

/** Thrown by the build when validation failed; carries every problem. */
export class StoryError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'StoryError';
    this.problems = problems;
  }
}

/** Turns an offset in `text` into a 1-based line and column. */
export function positionAt(text: string, offset: number): Position {
  return positionsIn(text)(offset);
}

/**
 * positionAt for many offsets into one text: the line breaks are found
 * once, then each offset costs a binary search instead of a scan.
 */
export function positionsIn(text: string): (offset: number) => Position {
  // A line ends at LF, at CRLF (counted at its LF) or at a lone CR.
  const breaks: number[] = [];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) breaks.push(match.index + match[0].length - 1);
  return (offset) => {
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (breaks[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return { line: low + 1, column: offset - (low > 0 ? breaks[low - 1] : -1) };
  };
}
