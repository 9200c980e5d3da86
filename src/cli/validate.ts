/**
 * The check both commands run first. Problems are printed as
 * `path:line:col  message — hint` lines and a count; an unexpected failure
 * (an unreadable file, a bug) is printed as one line, never a stack trace,
 * so an editor always sees what to do next.
 */
import { checkProject, projectRoot, type Checked } from '../lib/check.ts';
import { formatProblem, formatProblems } from '../lib/problems.ts';
import { cacheHome, engineFingerprint, openDiskCache } from '../lib/diskCache.ts';
import { hashInputs } from '../lib/inputKeys.ts';

/**
 * Opens the disk cache of the engine at `engineRoot` (diskCache.ts) and
 * hashes the project's folders, before the check reads them: what
 * `validate` needs to take the stories an earlier check or build kept.
 * Nothing with PLOTLINE_CACHE=off, which checks everything as a first build does.
 */
export function openCaches(engineRoot: string, engine = engineFingerprint(engineRoot)): Map<string, string> | undefined {
  if (process.env.PLOTLINE_CACHE === 'off') return undefined;
  openDiskCache(cacheHome(engineRoot), engine);
  return hashInputs(projectRoot());
}

/**
 * Returns the check's result when it found nothing wrong, or prints every
 * problem and returns undefined. With `hashes` of the project's folders,
 * stories checked by an earlier build are taken from the disk cache (checkStore.ts).
 */
export function validate(hashes?: Map<string, string>): Checked | undefined {
  let result: Checked;
  try {
    result = checkProject(projectRoot(), undefined, undefined, hashes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`plotline: could not read the project: ${message}`);
    console.error('check that every file under content/ and data/ is a readable text file; if this persists, report it with the line above');
    return undefined;
  }
  if (result.problems.length > 0) {
    console.error(formatProblems(result.problems));
    return undefined;
  }
  // Chart-and-text warnings: printed, never blocking (a section accepts one with accept:).
  const warnings = result.stories.flatMap((s) => s.warnings);
  for (const warning of warnings) console.warn(formatProblem(warning));
  if (warnings.length) console.warn(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}: the page builds; see "Chart and text agree" in content/README.md`);
  return result;
}
