/**
 * The project whose content/ and data/ the content tests check: this one,
 * or the one PLOTLINE_CONTENT_ROOT names (the throwaway-project test points
 * it at a copy with a story added and one removed).
 */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT, tempProject } from '../helpers.ts';
import { folders } from '../../src/lib/files.ts';
import { listStories } from '../../src/lib/story/loadStory.ts';

export const CONTENT_ROOT = process.env.PLOTLINE_CONTENT_ROOT || PROJECT;

/** Slugs of the stories under content/, as the site lists them: whatever the editors put there. */
export const SLUGS = listStories(CONTENT_ROOT);

/** Names of the datasets under data/, used by a story or not. */
export const DATASETS = folders(join(CONTENT_ROOT, 'data'));

/** A temporary copy of the content root's content/ and data/ (and so its site settings), to build without touching it. */
export function contentCopy(): string {
  const root = tempProject();
  for (const part of ['content', 'data']) {
    if (existsSync(join(CONTENT_ROOT, part))) cpSync(join(CONTENT_ROOT, part), join(root, part), { recursive: true });
  }
  return root;
}
