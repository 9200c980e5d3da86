import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { positionAt, START, type Problems } from './problems.ts';

/** Whether `path` is a directory; false for a missing path, a dangling link or a link loop. */
export function isDirectory(path: string): boolean {
  return statOf(path)?.isDirectory() ?? false;
}

/** Whether `path` is a regular file (following links); false for anything missing or unreadable. */
export function isFile(path: string): boolean {
  return statOf(path)?.isFile() ?? false;
}

/** Sub-folders of `dir` (none when it is missing or not a folder). */
export function folders(dir: string): string[] {
  return isDirectory(dir) ? readdirSync(dir).filter((name) => isDirectory(join(dir, name))).sort() : [];
}

/** `stat` that answers undefined, not an exception, for a missing path or a link loop. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export type Escape = { kind: 'loop' } | { kind: 'outside'; target: string };

/**
 * Why `file` (project-relative) may not be read, or undefined when it may:
 * a link that loops, or a path that resolves (through a link to a file or
 * to any folder above it) to somewhere outside the project. Whatever is
 * read is published, so nothing from outside the project may be.
 */
export function escapeOf(root: string, file: string): Escape | undefined {
  let real: string;
  try {
    real = realpathSync(join(root, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? { kind: 'loop' } : undefined;
  }
  const home = realpathSync(root);
  const path = relative(home, real);
  return path.startsWith('..') || isAbsolute(path) ? { kind: 'outside', target: real } : undefined;
}

/** Reports an escape found by `escapeOf` at `file`. */
export function reportEscape(file: string, escape: Escape, problems: Problems): void {
  if (escape.kind === 'loop') {
    problems.add(file, START, `${file} is a link that leads back to itself (a link loop)`, 'replace the link with the file or folder itself');
  } else {
    problems.add(file, START, `${file} is a link to ${escape.target}, outside the project`, 'copy the file or folder into the project instead of linking to it: everything Plotline reads may be published');
  }
}

// Drops a byte-order mark, as spreadsheets write one.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** "212.4 MB", "2 KB": a size for a message. */
function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`;
}

/**
 * The text of `file` (project-relative, under `root`), or undefined with a
 * problem when it is a folder, a dangling link, a link loop, a link out of
 * the project, or not UTF-8: an editor's careless save is reported at the
 * file, it never stops the whole check. Windows (CRLF) and classic Mac
 * (lone CR) line endings come back as LF, so every later position counts
 * true lines and columns, and a line's end is the same character whatever
 * saved the file (YAML, the claims register and the CSV reader see one
 * kind of line break).
 */
export function readText(root: string, file: string, problems: Problems, maxBytes = Number.POSITIVE_INFINITY): string | undefined {
  const path = join(root, file);
  const escape = escapeOf(root, file);
  if (escape) {
    reportEscape(file, escape, problems);
    return undefined;
  }
  const stat = statOf(path);
  if (!stat) {
    problems.add(file, START, `${file} cannot be opened`, 'it may be a link to a file that no longer exists: replace it with the file itself');
    return undefined;
  }
  if (!stat.isFile()) {
    problems.add(file, START, `${file} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}`, 'put a text file there, or rename or remove what is there');
    return undefined;
  }
  if (stat.size > maxBytes) {
    problems.add(file, START, `${file} is ${megabytes(stat.size)}, over the limit of ${megabytes(maxBytes)}`, 'a file this large is refused before it is read: keep the rows the story charts and checks (a period, a region), or split the table into several files');
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.add(file, START, `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the file is readable by the account that runs the build');
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    // The lossy decoding marks the first bad byte with U+FFFD.
    const lossy = bytes.toString('utf8').replace(/\r\n?/g, '\n');
    problems.add(file, positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD'))), 'file is not UTF-8 text', 'save it with UTF-8 encoding (in a spreadsheet: "CSV UTF-8"); the position is that of the first byte that is not UTF-8');
    return undefined;
  }
  reportHiddenCharacters(file, text, problems);
  return text;
}

/**
 * Characters no editor means to publish: control characters (a vertical
 * tab pasted from a word processor makes rss.xml malformed), and the
 * bidirectional controls that display text in another order than the one
 * checked ("Trojan source": US$\u202e111.68\u202c reads as US$86.111).
 */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const HIDDEN_NAMES: Record<number, string> = {
  0x00: 'NULL', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'delete',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};
const MAX_HIDDEN_REPORTED = 10;

/** `U+000B (vertical tab)`: how a problem names an invisible character. */
export function nameOfCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const name = HIDDEN_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

function reportHiddenCharacters(file: string, text: string, problems: Problems): void {
  let reported = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (reported++ === MAX_HIDDEN_REPORTED) break;
    const bidi = match[0] >= '\u202a';
    problems.add(
      file,
      positionAt(text, match.index),
      `${bidi ? 'bidirectional control' : 'control character'} ${nameOfCharacter(match[0])} in the text`,
      bidi
        ? 'delete it: it makes the text display in another order than the one written and checked'
        : 'delete it (it is invisible; often pasted from a word processor): it cannot be published and breaks the feeds',
    );
  }
}
