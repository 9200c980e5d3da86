/**
 * `npm run diff -- <git-revision>`: compares content/ and data/ at a git
 * revision with the working tree and prints a Markdown report for a pull
 * request. Exits 1 when a fact fails (or the working tree has any other
 * problem the build would refuse), 2 when the revision cannot be read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../lib/check.ts';
import { takeSnapshot } from '../lib/audit/snapshot.ts';
import { compareSnapshots } from '../lib/audit/compare.ts';
import { diffMarkdown } from '../lib/audit/diffReport.ts';

const revision = process.argv[2];
if (!revision || revision.startsWith('-')) {
  console.error('usage: npm run diff -- <git-revision>   e.g. npm run diff -- main, or HEAD~1');
  process.exit(2);
}

const root = projectRoot();
const git = (args: string[]) => spawnSync('git', ['-C', root, ...args], { maxBuffer: 1 << 30 });
const fail = (message: string) => {
  console.error(`plotline diff: ${message}`);
  process.exit(2);
};

// "--" keeps a revision from being read as an option or a path.
const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
if (commit.status !== 0) fail(`"${revision}" is not a revision of the git repository at ${root}; name a branch, tag or commit (git log --oneline lists them)`);
const prefix = git(['rev-parse', '--show-prefix']).stdout.toString().trim();

const before = mkdtempSync(join(tmpdir(), 'plotline-diff-'));
try {
  const sha = commit.stdout.toString().trim();
  for (const folder of ['content', 'data']) {
    const listed = git(['ls-tree', '--name-only', sha, '--', `${prefix}${folder}`]);
    if (listed.stdout.toString().trim() === '') continue; // absent at that revision: everything is new
    const archive = git(['archive', '--format=tar', `${sha}:${prefix}`, '--', folder]);
    if (archive.status !== 0) fail(`git archive failed: ${archive.stderr.toString().trim()}`);
    const unpacked = spawnSync('tar', ['-x', '-C', before], { input: archive.stdout });
    if (unpacked.status !== 0) fail(`could not unpack ${folder}/ of ${revision}: ${unpacked.stderr.toString().trim()}`);
  }
  const comparison = compareSnapshots(takeSnapshot(before), takeSnapshot(root));
  process.stdout.write(diffMarkdown(comparison, revision));
  process.exitCode = comparison.failing.length > 0 || comparison.otherProblems.length > 0 ? 1 : 0;
} finally {
  rmSync(before, { recursive: true, force: true });
}
