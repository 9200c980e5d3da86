/**
 * `npm run new -- <slug> [--dataset <name>]`: starts a story in
 * content/<slug>/ with an index.md and one section whose chart draws from
 * the dataset, so that the new story passes `npm run check` at once.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../lib/site.ts';
import { Problems, formatProblems } from '../lib/problems.ts';
import { loadDataset } from '../lib/data/loadDataset.ts';
import { scaffoldStory, slugProblem, starterKey } from '../lib/story/scaffold.ts';
import { exitWhenFlushed } from './exit.ts';

const USAGE = 'usage: npm run new -- <slug> [--dataset <name>]   e.g. npm run new -- steel-exports';

/** Prints the refusal; the caller returns its exit code. */
function fail(message: string, hint: string): number {
  console.error(`npm run new: ${message} — ${hint}`);
  return 1;
}

/** Every line printed arrives before the process ends, even through a pipe. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { dataset: { type: 'string' } }, strict: false });
  const root = projectRoot();
  const slug = positionals[0];

  const bad = slugProblem(slug);
  if (bad) return fail(bad, `use lower-case letters, digits and single dashes, such as steel-exports. ${USAGE}`);
  if (positionals.length > 1) return fail(`expected one story name, got ${positionals.length}`, USAGE);
  const dir = `content/${slug}`;
  if (existsSync(join(root, dir))) return fail(`${dir} already exists`, 'choose another name, or edit that story');

  const available = existsSync(join(root, 'data'))
    ? readdirSync(join(root, 'data')).filter((name) => existsSync(join(root, 'data', name, 'dataset.yaml'))).sort()
    : [];
  const name = typeof values.dataset === 'string' ? values.dataset : available[0];
  if (!name) return fail('no dataset found', 'create data/<name>/dataset.yaml first: a story draws its charts from one');
  if (!available.includes(name)) return fail(`unknown dataset "${name}"`, `datasets under data/: ${available.join(', ') || 'none'}`);

  const problems = new Problems();
  const dataset = loadDataset(root, name, problems);
  if (!dataset || problems.size > 0) {
    console.error(formatProblems(problems.sorted()));
    return fail(`dataset "${name}" has problems`, 'fix them (npm run check lists them) and run this again');
  }
  const starter = starterKey(dataset);
  if (!starter) return fail(`dataset "${name}" has no key that draws a chart on its own`, 'write the section\'s chart: by hand (see content/README.md)');

  const files = scaffoldStory(slug!, name, starter, new Date().toISOString().slice(0, 10));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { flag: 'wx' });
    console.log(`created ${path}`);
  }
  console.log(`next: edit ${dir}/index.md, then npm run dev to preview, npm run check to validate`);
  return 0;
}

await exitWhenFlushed(await main());
