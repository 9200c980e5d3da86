import { nameOfCharacter } from '../files.ts';

/**
 * Characters that print as nothing: zero-width spaces and joiners, soft
 * hyphens, directional marks, a byte-order mark mid-text. In a checked
 * figure or a heading they make what the reader sees differ from what was
 * checked or searched for ("111.\u200b68"). Bidirectional controls and
 * control characters are refused in every file (files.ts).
 */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]/;

/** The first invisible character in `text`, named (`U+200B`), or undefined. */
export function invisibleIn(text: string): string | undefined {
  const match = INVISIBLE.exec(text);
  return match ? nameOfCharacter(match[0]) : undefined;
}

export const INVISIBLE_HINT = 'delete it: it prints as nothing, so what the reader sees is not what was checked (retype the text if you cannot find it)';
