/**
 * `npm run check`: validates every story and dataset without building.
 * Prints every problem as `path:line:col  message — hint`, then a count;
 * exits 1 on any problem, once every line has been written out. Like
 * `npm run build` it checks again only the stories whose files, dataset or
 * settings changed since the last check or build.
 */
import { resolve } from 'node:path';
import { openCaches, validate } from './validate.ts';
import { exitWhenFlushed } from './exit.ts';

// Stories whose files did not change since the last check or build are taken from the disk cache (checkStore.ts).
const stories = validate(openCaches(resolve(import.meta.dirname, '../..')))?.stories;
if (!stories) await exitWhenFlushed(1);
else {
  const charts = stories.reduce((n, s) => n + s.charts.length, 0);
  const facts = stories.reduce((n, s) => n + s.keys.length, 0);
  console.log(`ok: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${charts} charts, ${facts} dataset keys checked; no problems found`);
  await exitWhenFlushed(0);
}
