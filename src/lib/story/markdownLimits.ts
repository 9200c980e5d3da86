/**
 * Limits on a Markdown body, checked before the parser sees it. The
 * parser (micromark, then remark's tree walks) recurses once per level of
 * lists and quotes, so thousands of levels exhaust the stack, and lists
 * nested by indentation cost it time that grows with the cube of their
 * depth (a hundred levels take seconds). Its reading of brackets and
 * emphasis marks grows with the square of their number in a paragraph,
 * and each word, line and paragraph costs it enough that a file of
 * megabytes, or of a hundred thousand short paragraphs, takes minutes. No
 * story comes near these limits; a file within them is read in about a
 * second (tests/bench/markdown.ts).
 */

/** How deep lists and quotes may nest: a story's deepest list is three or four levels. */
export const MAX_MARKDOWN_DEPTH = 16;

/** The longest Markdown body, in characters: a long chapter is some 30,000. */
export const MAX_MARKDOWN_LENGTH = 200_000;

/** The most lines in a body: a long chapter has a few hundred. */
export const MAX_MARKDOWN_LINES = 5_000;

/** Most [ and ] in one body: each may open or close a link. */
export const MAX_BRACKETS = 2_000;

/** Most emphasis marks (* _ ~) in one body. */
export const MAX_EMPHASIS = 2_000;

export interface MarkdownLimit {
  /** Offset in the body where the limit is passed. */
  offset: number;
  message: string;
  hint: string;
}

/** The first limit `body` passes, or undefined when it is safe to parse. */
export function markdownLimitAt(body: string): MarkdownLimit | undefined {
  const deep = tooDeepAt(body);
  if (deep !== undefined) {
    return {
      offset: deep,
      message: `lists or quotes nested more than ${MAX_MARKDOWN_DEPTH} levels deep`,
      hint: 'no story needs them this deep: check the indentation and the > marks from here up; deeper nesting would exhaust the check',
    };
  }
  const marks = marksOverLimit(body);
  if (marks) return marks;
  const lines = linesOver(body, MAX_MARKDOWN_LINES);
  if (lines !== undefined) {
    return {
      offset: lines,
      message: `Markdown text of more than ${MAX_MARKDOWN_LINES.toLocaleString('en-US')} lines`,
      hint: 'split it into several sections (a file each): the check reads each line and paragraph at a cost, and one this long would take it minutes',
    };
  }
  if (body.length > MAX_MARKDOWN_LENGTH) {
    // A data: image is the usual way to a body this long: say so.
    const image = /\]\(\s*data:/i.test(body);
    return {
      offset: 0,
      message: `Markdown text of ${body.length.toLocaleString('en-US')} characters, over the limit of ${MAX_MARKDOWN_LENGTH.toLocaleString('en-US')}`,
      hint: image
        ? 'most of it is an image written as a data: address: save the image as a file in public/ and refer to it by its path, e.g. ![chart](/images/chart.png)'
        : 'split it into several sections (a file each): one this long would take the check minutes to read',
    };
  }
  return undefined;
}

/** A container open at a line: a quote, or a list item whose content starts at `content` (a column). */
type Container = { quote: true } | { quote: false; content: number };

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The offset of the first > or list marker that nests deeper than `max`,
 * or undefined. It follows CommonMark's reading of a line's opening (the
 * quotes and list items a line continues, then the ones it opens) without
 * reading anything else, as YAML's check keeps indents (yamlDepth.ts).
 * Where unsure it counts too deep: a line of plain text that continues
 * nothing keeps every container open, as a lazy line continues its
 * paragraph.
 */
export function tooDeepAt(body: string, max = MAX_MARKDOWN_DEPTH): number | undefined {
  let open: Container[] = [];
  let afterBlank = true;
  let start = 0;
  for (const line of body.split('\n')) {
    const lineStart = start;
    start += line.length + 1;
    const blank = line.trim() === '';
    let i = 0;
    let column = 0;
    const skipSpaces = (upTo: number) => {
      while ((line[i] === ' ' || line[i] === '\t') && column < upTo) column += line[i++] === '\t' ? 4 - (column % 4) : 1;
    };
    // A > and the space after it; a tab after it gives one of its columns.
    const quoteMark = () => {
      i++;
      column++;
      if (line[i] === ' ') {
        i++;
        column++;
      } else if (line[i] === '\t') {
        if (column % 4 === 3) i++;
        column++;
      }
    };
    const indentAhead = () => {
      let j = i;
      let c = column;
      while (line[j] === ' ' || line[j] === '\t') c += line[j++] === '\t' ? 4 - (c % 4) : 1;
      return c;
    };
    // The containers this line continues.
    let matched = 0;
    for (const container of open) {
      if (container.quote) {
        if (indentAhead() - column > 3) break;
        skipSpaces(Number.POSITIVE_INFINITY);
        if (line[i] !== '>') break;
        quoteMark();
      } else if (!blank) {
        if (indentAhead() < container.content) break;
        skipSpaces(container.content);
      }
      matched++;
    }
    // The containers it opens, each after at most three spaces.
    const opened: Container[] = [];
    for (;;) {
      if (indentAhead() - column > 3) break;
      skipSpaces(Number.POSITIVE_INFINITY);
      const at = i;
      if (line[i] === '>') {
        quoteMark();
        opened.push({ quote: true });
      } else {
        const marker = LIST_MARKER.exec(line.slice(i, i + 11));
        if (!marker) break;
        i += marker[0].length;
        column += marker[0].length;
        // The item's content starts after one to four spaces; after five or
        // more it starts after one, and the rest is code.
        const spaces = indentAhead() - column;
        const content = column + (spaces >= 1 && spaces <= 4 ? spaces : 1);
        opened.push({ quote: false, content });
        if (matched + opened.length > max) return lineStart + at;
        if (spaces < 1 || spaces > 4) break;
        skipSpaces(content);
      }
      if (matched + opened.length > max) return lineStart + at;
    }
    // A line that opens nothing and continues only some containers is a
    // lazy line, unless a blank line came before: it keeps them all.
    if (opened.length > 0 || blank || afterBlank) open = [...open.slice(0, matched), ...opened];
    afterBlank = blank;
  }
  return undefined;
}

/** The offset of the first line past `max`, or undefined. */
function linesOver(body: string, max: number): number | undefined {
  let at = -1;
  for (let line = 0; line < max; line++) {
    at = body.indexOf('\n', at + 1);
    if (at === -1) return undefined;
  }
  return at + 1 < body.length ? at + 1 : undefined;
}

/**
 * The first offset past MAX_BRACKETS unescaped brackets or MAX_EMPHASIS
 * emphasis marks. Marks inside code are counted too: a body near the limit
 * is far from any story.
 */
function marksOverLimit(body: string): MarkdownLimit | undefined {
  let brackets = 0;
  let emphasis = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
    } else if (c === '[' || c === ']') {
      if (++brackets > MAX_BRACKETS) {
        return {
          offset: i,
          message: `more than ${MAX_BRACKETS.toLocaleString('en-US')} brackets [ ] in one file`,
          hint: 'split the text into several sections, or write a bracket that opens no link as \\[ or \\]: the check reads every bracket against every other and would take minutes',
        };
      }
    } else if (c === '*' || c === '_' || c === '~') {
      if (++emphasis > MAX_EMPHASIS) {
        return {
          offset: i,
          message: `more than ${MAX_EMPHASIS.toLocaleString('en-US')} emphasis marks (* _ ~) in one file`,
          hint: 'split the text into several sections, or write a mark that emphasises nothing as \\*, \\_ or \\~: the check reads every mark against every other and would take minutes',
        };
      }
    }
  }
  return undefined;
}
