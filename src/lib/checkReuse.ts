/**
 * Each story's and dataset's check, kept between checks of the same
 * project (`npm run dev` checks the site again after every save) and
 * reused while nothing it was made from has changed: so a saved sentence
 * costs one story's check, however large the archive.
 *
 * A dataset is made from its folder alone.
 * A story is made from its own folder, the dataset folder it names, the
 * list of dataset folders (an unknown name is refused with the known ones
 * suggested), public/ (images it shows must exist there), the site
 * settings and the locale. Its stamp hashes all of them, once per check.
 *
 * A folder's stamp is the name, size and modification times of each file
 * in it, as file watchers and build tools judge a change: a check then
 * reads only the files of what changed, not the whole archive.
 */
import type { Figure } from './charts/figure.ts';
import type { Dataset } from './data/model.ts';
import { eachFile, hashInputs } from './inputKeys.ts';
import { contentKey } from './memo.ts';
import type { Problem } from './problems.ts';
import type { Story, StoryTrace } from './story/model.ts';

export interface CheckedStory {
  /** What the story was made from; see storyStamp. */
  stamp: string;
  /** The dataset folder the story asked for, if it got that far. */
  dataset: string | undefined;
  /** The story, when it loaded and drew without a problem that stops it. */
  story: Story | undefined;
  /** Its figures, one per entry of `story.charts`, when they were all drawn. */
  figures: Figure[] | undefined;
  /** Every problem the story's own check reported (its dataset's own problems are the dataset's). */
  problems: Problem[];
  trace: StoryTrace;
}

export interface CheckedDataset {
  /** The hash of its folder. */
  stamp: string;
  dataset: Dataset | undefined;
  problems: Problem[];
}

/** The last check of each story (by slug) and dataset (by name) of one project. */
export interface CheckReuse {
  stories: Map<string, CheckedStory>;
  datasets: Map<string, CheckedDataset>;
}

export const emptyReuse = (): CheckReuse => ({ stories: new Map(), datasets: new Map() });

/** Hashes of the project's folders ("content/<slug>", "data/<name>", "public") and what every story shares. */
export interface ProjectStamps {
  folders: Map<string, string>;
  shared: string;
}

/** The stamp of each folder under content/ and data/, by project-relative path ("content/<slug>", "data/<name>"). */
export const folderStamps = (root: string): Map<string, string> => hashInputs(root, folderStamp);

/** Names, sizes and times of every file under `dir`, links followed, in a fixed order. */
function folderStamp(dir: string): string {
  const parts: unknown[] = [];
  eachFile(dir, (relative, _path, stat) => parts.push(relative, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino), (relative, what) => parts.push(relative, what));
  return contentKey(parts);
}

/** The stamp of story `slug` reading dataset `dataset` (undefined when it never named one that exists). */
export function storyStamp(stamps: ProjectStamps, slug: string, dataset: string | undefined): string {
  return contentKey(stamps.shared, stamps.folders.get(`content/${slug}`) ?? null, dataset ?? null, dataset === undefined ? null : stamps.folders.get(`data/${dataset}`) ?? null);
}
