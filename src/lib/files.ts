import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { positionAt, START, type Problems } from './problems.ts';

/** Whether `path` is a directory; false for a missing path or a dangling link. */
export function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Sub-folders of `dir` (none when it is missing or not a folder). */
export function folders(dir: string): string[] {
  return isDirectory(dir) ? readdirSync(dir).filter((name) => isDirectory(join(dir, name))).sort() : [];
}

// Drops a byte-order mark, as spreadsheets write one.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of `file` (project-relative, under `root`), or undefined with a
 * problem when it is a folder, a dangling link or not UTF-8: an editor's
 * careless save is reported at the file, it never stops the whole check.
 */
export function readText(root: string, file: string, problems: Problems): string | undefined {
  const path = join(root, file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    problems.add(file, START, `${file} cannot be opened`, 'it may be a link to a file that no longer exists: replace it with the file itself');
    return undefined;
  }
  if (!stat.isFile()) {
    problems.add(file, START, `${file} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}`, 'put a text file there, or rename or remove what is there');
    return undefined;
  }
  const bytes = readFileSync(path);
  try {
    return utf8.decode(bytes);
  } catch {
    // The lossy decoding marks the first bad byte with U+FFFD.
    const lossy = bytes.toString('utf8');
    problems.add(file, positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD'))), 'file is not UTF-8 text', 'save it with UTF-8 encoding (in a spreadsheet: "CSV UTF-8"); the position is that of the first byte that is not UTF-8');
    return undefined;
  }
}
