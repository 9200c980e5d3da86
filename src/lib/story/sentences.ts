import type { Nodes, Parent } from 'mdast';

/** Blocks whose text is read as sentences. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** A sentence ends at . ! ? or … (and any closing quote or bracket) before a space and a capital or digit. */
const BOUNDARY = /[.!?…]["'”’)\]]*\s+(?=["'“‘(]?[A-Z0-9])/g;

/**
 * The reader-visible sentence around each of `targets` in `tree`: the
 * block's text as printed (a :fact shows its words, a printed :value its
 * figure), cut at sentence ends. Targets outside any block get ''.
 */
export function sentencesAround(tree: Nodes, targets: readonly Nodes[]): Map<Nodes, string> {
  const wanted = new Set(targets);
  const found = new Map<Nodes, string>();
  const walk = (node: Nodes) => {
    if (BLOCKS.has(node.type)) {
      const { text, starts } = blockText(node, wanted);
      for (const [target, offset] of starts) found.set(target, sentenceAt(text, offset));
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(tree);
  for (const target of targets) if (!found.has(target)) found.set(target, '');
  return found;
}

function blockText(block: Nodes, wanted: Set<Nodes>): { text: string; starts: Map<Nodes, number> } {
  let text = '';
  const starts = new Map<Nodes, number>();
  const walk = (node: Nodes) => {
    if (wanted.has(node)) starts.set(node, text.length);
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'break') text += ' ';
    else if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(block);
  return { text: text.replace(/\s/g, ' '), starts };
}

/** The sentence of `text` that contains `offset`. */
export function sentenceAt(text: string, offset: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(BOUNDARY)) {
    const cut = match.index + match[0].length;
    if (cut <= offset) start = cut;
    else {
      end = match.index + match[0].trimEnd().length;
      break;
    }
  }
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}
