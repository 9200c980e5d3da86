/**
 * One build of a project, shared by every test file (and every run) that
 * needs that same site: the built folder is kept under the system's temp
 * folder, named by a hash of everything the build reads (the generator's
 * source, its dependencies' lock file, the project's content and data).
 * Any change to those makes a new build; an unchanged tree reuses the old
 * one, checked against the hash of its files taken when it was written.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT, hashTree, tempProject } from '../helpers.ts';
import { runCli } from './runBuild.ts';

/** What the generator itself is made of: any change here changes every build. */
const GENERATOR = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

const CACHE = join(tmpdir(), 'plotline-shared-builds');

function inputsKey(root: string): string {
  const hash = createHash('sha256');
  for (const path of GENERATOR) {
    const full = join(PROJECT, path);
    if (existsSync(full)) hash.update(path).update(statSync(full).isDirectory() ? hashTree(full) : readFileSync(full));
  }
  for (const part of ['content', 'data']) {
    if (existsSync(join(root, part))) hash.update(part).update(hashTree(join(root, part)));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * The built site (a folder, read-only by agreement) of the project under
 * `root` (its content/ and data/), with the default settings of the
 * environment. Builds it unless an identical build is already kept.
 */
export function sharedBuild(root: string): string {
  const kept = join(CACHE, inputsKey(root));
  const site = join(kept, 'site');
  const sound = () => existsSync(join(kept, 'tree.sha256')) && existsSync(site) && readFileSync(join(kept, 'tree.sha256'), 'utf8') === hashTree(site);
  if (sound()) return site;
  // Built in a folder of its own, then moved into place in one rename: two
  // runs building the same tree at once both succeed, and one copy is kept.
  const result = runCli('build', root, join(root, 'dist'));
  if (result.status !== 0) throw new Error(`the build of ${root} failed:\n${result.stderr}`);
  const staged = tempProject();
  cpSync(realpathSync(join(root, 'dist')), join(staged, 'site'), { recursive: true });
  writeFileSync(join(staged, 'tree.sha256'), hashTree(join(staged, 'site')));
  mkdirSync(CACHE, { recursive: true });
  if (sound()) {
    // Another run kept the same build meanwhile: use theirs.
    rmSync(staged, { recursive: true, force: true });
    return site;
  }
  rmSync(kept, { recursive: true, force: true });
  try {
    renameSync(staged, kept);
  } catch {
    rmSync(staged, { recursive: true, force: true });
  }
  return site;
}
