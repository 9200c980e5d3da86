/**
 * Ids the story page gives its own elements. A section's name becomes its
 * id (and its chart's), so a section named like one of these, or like
 * another section's chart, would give the page two elements with one id
 * and send links and the reader's "skip chart" to the wrong place.
 */
export const SOURCES_ID = 'story-sources';
export const STATUS_ID = 'chart-status';
/** The log of every correction and update, at the end of the story. */
export const UPDATES_ID = 'story-updates';
export const PAGE_IDS: readonly string[] = [SOURCES_ID, STATUS_ID, UPDATES_ID, `${UPDATES_ID}-heading`, 'corrections-heading'];

/** Ids that Markdown footnotes are given (rehype-sanitize's prefix). */
export const MARKDOWN_ID_PREFIX = 'user-content-';

/** Every id a section gives the page: its own, its heading's and its chart's. */
export function idsOfSection(storySlug: string, sectionId: string): string[] {
  const chart = `${storySlug}-${sectionId}`;
  return [sectionId, `${sectionId}-heading`, chart, `${chart}-title`, `${chart}-desc`];
}

/**
 * For each section (in page order) whose ids collide with the page's own
 * or with an earlier section's, the id and what already holds it.
 */
export interface IdClash {
  file: string;
  section: string;
  id: string;
  /** "the page itself", "footnotes", or the file of the section that holds the id. */
  holder: string;
}

export function idClashes(storySlug: string, sections: readonly { id: string; file: string }[]): IdClash[] {
  const holders = new Map<string, string>(PAGE_IDS.map((id) => [id, 'the page itself']));
  const clashes: IdClash[] = [];
  for (const section of sections) {
    const ids = idsOfSection(storySlug, section.id);
    const taken = ids.find((id) => holders.has(id)) ?? (section.id.startsWith(MARKDOWN_ID_PREFIX) ? section.id : undefined);
    if (taken) clashes.push({ file: section.file, section: section.id, id: taken, holder: holders.get(taken) ?? 'footnotes' });
    for (const id of ids) if (!holders.has(id)) holders.set(id, section.file);
  }
  return clashes;
}
