/**
 * `npm run check`: validates every story and dataset without building.
 * Prints every problem as `path:line:col  message — hint`, then a count;
 * exits 1 on any problem, once every line has been written out.
 */
import { validate } from './validate.ts';
import { exitWhenFlushed } from './exit.ts';

const stories = validate()?.stories;
if (!stories) await exitWhenFlushed(1);
else {
  const charts = stories.reduce((n, s) => n + s.charts.length, 0);
  const facts = stories.reduce((n, s) => n + s.keys.length, 0);
  console.log(`ok: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}, ${charts} charts, ${facts} dataset keys checked; no problems found`);
  await exitWhenFlushed(0);
}
