/**
 * How deep YAML may nest before it is refused. Plotline's deepest field
 * (a table's column's unit, or a chart's where: filter) sits five levels
 * down; YAML nested thousands deep is an attack on the parser's stack.
 */
export const MAX_YAML_DEPTH = 32;

/**
 * The offset at which `text` first nests deeper than `max` levels, or
 * undefined. It reads only the structure (indentation, "- " items, and
 * [ and { outside quotes and comments), so it is safe on any input and
 * runs before the parser, whose recursion a deep file would exhaust.
 */
export function tooDeepAt(text: string, max = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let blockScalar: number | undefined;
  let start = 0;
  for (const raw of text.split('\n')) {
    const lineStart = start;
    start += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let i = 0;
    if (quote === undefined && flow === 0) {
      const indent = /^ */.exec(line)![0].length;
      const rest = line.slice(indent);
      if (rest.trim() === '' || rest.startsWith('#')) continue;
      if (blockScalar !== undefined) {
        if (indent > blockScalar) continue;
        blockScalar = undefined;
      }
      while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
      i = indent;
      // Compact nested items ("- - - x") open one level each.
      if (indents.length > max) return lineStart + i;
      while (/^[-?](\s|$)/.test(line.slice(i, i + 2))) {
        if (indents.length + 1 > max) return lineStart + i;
        i += 1;
        while (line[i] === ' ') i++;
        indents.push(i);
      }
    }
    for (; i < line.length; i++) {
      const c = line[i];
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && line[i + 1] === "'") i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      const before = i === 0 ? ' ' : line[i - 1];
      if (c === '#' && /\s/.test(before)) break;
      // Outside brackets, [ and { open a collection only where a value starts
      // ("key: [", "- {"); in "rose [sic]" they are plain text.
      const valueStarts = flow > 0 || /(^|[:-])$/.test(line.slice(0, i).trimEnd());
      if ((c === '"' || c === "'") && /[\s[{,:]/.test(before)) quote = c;
      else if ((c === '[' || c === '{') && valueStarts) {
        flow++;
        if (indents.length + flow > max) return lineStart + i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (quote === undefined && flow === 0 && /(^|\s)[|>][-+0-9]*\s*(#.*)?$/.test(line)) {
      blockScalar = indents.at(-1) ?? 0;
    }
  }
  return undefined;
}
