/**
 * Each sound story's check kept on disk from one build to the next (in
 * the disk cache, diskCache.ts), so that a build after an edit loads,
 * checks and draws only the stories the edit touched, however large the
 * archive: its story model, figures and trace, stored without its dataset
 * (graphCodec.ts) and read back pointing into the dataset loaded now.
 *
 * A story's check is made from its own folder, the dataset folder it
 * names, the list of dataset folders, public/'s file names, the site
 * settings, the locale (`shared`, see check.ts) and the engine (the disk
 * cache's folder is named after its fingerprint). An entry is found by
 * the hashes of all but the dataset's folder, which only the story's
 * files name, and is taken only while that folder hashes as it did when
 * the story was checked. Hashes are of the files' bytes (inputKeys.ts).
 *
 * Only stories without a problem are stored. The check also reads the
 * day (a date more than a day ahead is refused), but a story sound
 * today is sound on any later day. Anything that cannot be stored or
 * read back whole is checked again.
 */
import { deserialize, serialize } from 'node:v8';
import type { Figure } from './charts/figure.ts';
import { KINDS } from './charts/kinds/registry.ts';
import type { Dataset } from './data/model.ts';
import { storeBytes, storedBytes } from './diskCache.ts';
import { decodeGraph, encodeGraph, indexGraph, type GraphIndex } from './graphCodec.ts';
import { contentKey } from './memo.ts';
import type { Story, StoryTrace } from './story/model.ts';

/** What the entries are found by. */
export interface StoreKeys {
  /** Byte hashes of the project's folders, by "content/<slug>" and "data/<name>" (inputKeys.ts hashInputs). */
  hashes: Map<string, string>;
  /** A hash of what every story shares: settings, locale, the dataset folders' names, public/'s file names. */
  shared: string;
}

/** A sound story's check, as stored. */
export interface KeptCheck {
  /** The dataset folder it reads. */
  dataset: string;
  story: Story;
  figures: Figure[];
  trace: StoryTrace;
}

interface Entry {
  dataset: string;
  /** The hash of the dataset's folder when the story was checked. */
  data: string;
  body: Uint8Array;
}

/** Story `slug`'s stored check, read against the dataset `datasetOf` gives; undefined when there is none that holds. */
export function keptCheck(keys: StoreKeys, slug: string, datasetOf: (name: string) => Dataset | undefined): KeptCheck | undefined {
  const name = entryName(keys, slug);
  const bytes = name && storedBytes(name);
  if (!bytes) return undefined;
  try {
    const entry = deserialize(bytes) as Entry;
    if (keys.hashes.get(`data/${entry.dataset}`) !== entry.data) return undefined;
    const dataset = datasetOf(entry.dataset);
    if (!dataset) return undefined;
    const { story, figures, trace } = decodeGraph(entry.body, rootOf(dataset)) as Omit<KeptCheck, 'dataset'>;
    return story?.dataset === dataset && Array.isArray(figures) && trace ? { dataset: entry.dataset, story, figures, trace } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a sound story's check, if its folders were hashed and it can be stored whole. */
export function keepCheck(keys: StoreKeys, { dataset, story, figures, trace }: KeptCheck): void {
  const name = entryName(keys, story.slug);
  const data = keys.hashes.get(`data/${dataset}`);
  if (!name || data === undefined) return;
  let body: Uint8Array;
  try {
    body = encodeGraph({ story, figures, trace }, indexOf(story.dataset));
  } catch {
    return;
  }
  storeBytes(name, serialize({ dataset, data, body } satisfies Entry));
}

function entryName(keys: StoreKeys, slug: string): string | undefined {
  const own = keys.hashes.get(`content/${slug}`);
  return own === undefined ? undefined : `check-${contentKey(slug, own, keys.shared)}`;
}

/** What a stored check may point into: its dataset and the chart kinds. */
function rootOf(dataset: Dataset): object {
  return { dataset, kinds: KINDS };
}

/** Each dataset's index, made once: the stories that read it share it. */
const indexes = new WeakMap<Dataset, GraphIndex>();

function indexOf(dataset: Dataset): GraphIndex {
  let index = indexes.get(dataset);
  if (!index) indexes.set(dataset, (index = indexGraph(rootOf(dataset))));
  return index;
}
