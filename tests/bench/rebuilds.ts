/**
 * Rebuild times after the two edits editors make most: one sentence and
 * one CSV value. Measured as a full `npm run build`, and as the reload of
 * a page in `npm run dev`, where unchanged datasets and charts are reused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spread, timedBuild, type Spread } from './measure.ts';
import { startDev } from './devServer.ts';

export interface EditableSite {
  root: string;
  /** The page to reload in `npm run dev`, e.g. `/china-trade-surplus/`. */
  page: string;
  /** A section file of that page whose text is edited (project-relative). */
  section: string;
  /** A CSV file, and a pattern whose second group is a drawn value that no sentence states. */
  csv: string;
  value: RegExp;
}

export interface Rebuilds {
  build: { sentenceMs: number; csvMs: number };
  dev: { firstMs: number; unchanged: Spread; sentence: Spread; csv: Spread };
}

export async function measureRebuilds(site: EditableSite, runs: number): Promise<Rebuilds> {
  const sectionFile = join(site.root, site.section);
  const csvFile = join(site.root, site.csv);
  const section = readFileSync(sectionFile, 'utf8');
  const csv = readFileSync(csvFile, 'utf8');
  const editSentence = (n: number) => writeFileSync(sectionFile, `${section.trimEnd()} This sentence is edit number ${n}.\n`);
  const editCsv = (n: number) =>
    writeFileSync(csvFile, csv.replace(site.value, (_, head: string, value: string) => `${head}${(Number(value) + 0.01 * n).toFixed(2)}`));

  const out = join(site.root, 'dist');
  timedBuild(site.root, out, { warm: true });
  editSentence(1);
  const sentenceBuild = timedBuild(site.root, out, { warm: true });
  editCsv(1);
  const csvBuild = timedBuild(site.root, out, { warm: true });

  const dev = await startDev(site.root);
  const times = { firstMs: 0, unchanged: [] as number[], sentence: [] as number[], csv: [] as number[] };
  try {
    times.firstMs = (await dev.fetch(site.page)).ms;
    for (let n = 2; n < 2 + runs; n++) {
      times.unchanged.push((await dev.fetch(site.page)).ms);
      editSentence(n);
      const edited = await dev.fetch(site.page);
      if (!edited.body.includes(`edit number ${n}.`)) {
        throw new Error(`npm run dev served ${site.page} without the edited sentence`);
      }
      times.sentence.push(edited.ms);
      editCsv(n);
      const redrawn = await dev.fetch(site.page);
      if (redrawn.body === edited.body) throw new Error(`npm run dev served ${site.page} unchanged after a CSV edit`);
      times.csv.push(redrawn.ms);
    }
  } finally {
    await dev.stop();
  }
  return {
    build: { sentenceMs: sentenceBuild.wallMs, csvMs: csvBuild.wallMs },
    dev: { firstMs: times.firstMs, unchanged: spread(times.unchanged), sentence: spread(times.sentence), csv: spread(times.csv) },
  };
}
