import { checkProject } from '../check.ts';
import { loadDataset } from '../data/loadDataset.ts';
import type { Dataset } from '../data/model.ts';
import { folders } from '../files.ts';
import { Problems, type Problem } from '../problems.ts';
import type { StoryTrace } from '../story/model.ts';
import { join } from 'node:path';

/** Everything `npm run diff` compares about one copy of content/ and data/. */
export interface Snapshot {
  problems: Problem[];
  traces: Map<string, StoryTrace>;
  datasets: Map<string, Dataset>;
}

/** Checks the project at `root` and loads every dataset under data/, used by a story or not. */
export function takeSnapshot(root: string): Snapshot {
  const checked = checkProject(root);
  const datasets = new Map<string, Dataset>();
  for (const [name, dataset] of checked.datasets) if (dataset) datasets.set(name, dataset);
  for (const name of folders(join(root, 'data'))) {
    if (datasets.has(name)) continue;
    try {
      const dataset = loadDataset(root, name, new Problems());
      if (dataset) datasets.set(name, dataset);
    } catch {
      // Reported by the check, if any story uses it; an unused broken dataset has no cells to compare.
    }
  }
  return { problems: checked.problems, traces: checked.traces, datasets };
}
