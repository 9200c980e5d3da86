/**
 * Names the file system or the site itself would refuse: a story or
 * section name too long for a file name, a story named like a page the
 * site writes (404) or a folder of public/. Each is refused by the check,
 * at the file, with the limit or the reserved name, before a build fails
 * with ENAMETOOLONG or links to a page that is never written.
 */
import { describe, expect, test } from 'vitest';
import { checkMini, MINI } from '../fixtures/mini.ts';

/** The mini project with its story in content/<slug>/ instead of content/mini/. */
function renamed(slug: string): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const [path, text] of Object.entries(MINI)) {
    if (!path.startsWith('content/mini/')) continue;
    changes[path] = null;
    changes[path.replace('content/mini/', `content/${slug}/`)] = text;
  }
  return changes;
}

describe('names the file system or the site refuses', () => {
  test('a story name of 250 characters is refused at its index.md, with the limit', () => {
    const slug = 'a'.repeat(250);
    expect(checkMini(renamed(slug))).toEqual([
      `content/${slug}/index.md:1:1  story folder name "${'a'.repeat(40)}…" is 250 characters long, over the limit of 100 — shorten it: the name becomes a folder and file names of the site, and file systems refuse names over 255 bytes`,
    ]);
  });

  test('a section name of 240 characters is refused at the section, with the limit', () => {
    const name = `03-${'b'.repeat(240)}.md`;
    expect(checkMini({ [`content/mini/${name}`]: '---\nheading: Long\n---\n\nText.\n' })).toEqual([
      `content/mini/${name}:1:1  section name "${'b'.repeat(40)}…" is 240 characters long, over the limit of 100 — shorten it: the name becomes part of file names of the site (its chart's data page and CSV), and file systems refuse names over 255 bytes`,
    ]);
  });

  test('a story named 404, or like a folder of public/, is refused: its page would never be written', () => {
    expect(checkMini(renamed('404'))).toEqual([
      'content/404/index.md:1:1  story folder name "404" is taken by the site itself — rename the folder: the site writes its own 404 page there, and the story\'s page would never be written',
    ]);
    expect(checkMini({ ...renamed('images'), 'public/images/chart.png': 'png' })).toEqual([
      'content/images/index.md:1:1  story folder name "images" is taken by the site itself — rename the folder: public/images is published at that address, and the story\'s page would never be written',
    ]);
  });

  test('a name of exactly 100 characters passes', () => {
    expect(checkMini(renamed('c'.repeat(100)))).toEqual([]);
  });
});
