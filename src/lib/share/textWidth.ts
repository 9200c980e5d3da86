/**
 * Advance widths in em of IBM Plex Sans Bold (the card's title face),
 * measured with resvg. The regular weight is narrower, so sizing regular
 * text with these errs on the safe side.
 */
const WIDTHS: Record<string, number> = {
  ...spread('0123456789$', 0.6),
  ...spread('aeo', 0.57), ...spread('bdpqhnu', 0.61), c: 0.52, f: 0.37, g: 0.56, ...spread('ijl', 0.3),
  k: 0.58, m: 0.9, r: 0.41, s: 0.5, t: 0.38, v: 0.54, w: 0.85, x: 0.56, y: 0.54, z: 0.52,
  ...spread('ACDGNOQUHB', 0.73), ...spread('EFLPRSTYXZK', 0.68), I: 0.44, J: 0.55, M: 0.82, V: 0.66, W: 0.98,
  ...spread('.,:;!', 0.33), ...spread("'’‘", 0.3), ...spread('"“”', 0.5), '-': 0.41, '–': 0.59, '—': 0.78,
  '%': 0.98, '&': 0.73, ...spread('()[]/', 0.34), '?': 0.5, ' ': 0.24, '…': 0.9,
};
/** Anything not listed (accented letters, symbols) counts as a wide letter. */
const OTHER = 0.74;

function spread(chars: string, width: number): Record<string, number> {
  return Object.fromEntries([...chars].map((c) => [c, width]));
}

/** Width in px of `text` set at `size` px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += WIDTHS[c] ?? OTHER;
  return em * size;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `width`.
 * A word longer than a line is cut; text that does not fit ends with "…"
 * and `complete` is false.
 */
export function wrapText(text: string, width: number, size: number, maxLines: number): { lines: string[]; complete: boolean } {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean).flatMap((w) => cutWord(w, width, size))) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, size) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, complete: true };
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines[maxLines]}`;
  while (last && textWidth(`${last}…`, size) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/, '')}…`;
  return { lines: kept, complete: false };
}

function cutWord(word: string, width: number, size: number): string[] {
  const parts: string[] = [];
  let part = '';
  for (const c of word) {
    if (part && textWidth(part + c, size) > width) {
      parts.push(part);
      part = '';
    }
    part += c;
  }
  return part ? [...parts, part] : parts;
}
