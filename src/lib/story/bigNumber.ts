/**
 * The big number must not say again what the title says: a reader would
 * meet the same figure twice before the first chart. A title states a
 * figure when it holds a number, or a scale word standing for one of its
 * scale ("a trillion", "trillion-dollar"), that the figure rounds to the
 * way the title writes it, as a :fact's words are checked.
 */
import type { UnitRef } from '../format.ts';
import { checkFigure, parseStatedFigure } from './factLiteral.ts';

/** A number with what may follow it (a scale word, per cent), or a scale word alone. */
const FIGURE = /(?:US\$|\$)?\d[\d,]*(?:\.\d+)?(?:\s?%|\s?per ?cent|\s+(?:trillion|billion|million|thousand|tn|bn|mn)\b)?|\b(?:trillion|billion|million|thousand)\b/gi;

/** The words of `title` that state `value` (in `unit`), or undefined when none does. */
export function titleStates(title: string, value: number, unit: UnitRef): string | undefined {
  for (const match of title.matchAll(FIGURE)) {
    const words = match[0];
    const parsed = parseStatedFigure(/^\d|^US\$|^\$/i.test(words) ? words : `1 ${words}`);
    if (parsed.ok && checkFigure(parsed.figure, Math.abs(value), unit).ok) return words;
  }
  return undefined;
}
