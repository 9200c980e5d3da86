import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { MAX_YAML_DEPTH, tooDeepAt } from './yamlDepth.ts';
import type { z } from 'zod';
import { closest, suggestion } from './suggest.ts';
import { positionAt, type Position, type Problems } from './problems.ts';

/**
 * A parsed YAML block that remembers where every key and value stood in its
 * file, so that a schema error can point at the exact line and column.
 */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Position of the value at `path` (or of the nearest parent that exists). */
  locate(path: readonly PropertyKey[], key?: boolean): Position;
}

/**
 * Parses `text` as YAML. `firstLine` is the line of the file on which `text`
 * begins (frontmatter starts below its `---`). YAML errors keep their own
 * line and column. Returns undefined when the YAML cannot be read at all.
 */
export function parseYaml(
  file: string,
  text: string,
  problems: Problems,
  firstLine = 1,
): YamlSource | undefined {
  const shift = (line: number, column: number): Position => ({ line: line + firstLine - 1, column });
  // Resource bombs are refused before they can exhaust the parser's stack
  // or memory: nesting thousands deep, and aliases that multiply.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const { line, column } = positionAt(text, deep);
    problems.add(file, shift(line, column), `YAML nested more than ${MAX_YAML_DEPTH} levels deep`, 'no Plotline field nests that deep: check the indentation and the brackets here');
    return undefined;
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    problems.add(file, shift(1, 1), `YAML could not be read: ${String((error as Error).message ?? error).split('\n')[0].slice(0, 120)}`, 'simplify this block: write each value out plainly');
    return undefined;
  }
  // One slip (an unclosed bracket, a tab) makes YAML report a cascade of
  // follow-on errors: report the first, and every repeated key, which never
  // cascade.
  // Warnings (an unknown !!tag, read as plain text) are faults too: a value
  // would silently differ from what the editor wrote.
  const faults = [...doc.errors, ...doc.warnings];
  const reported = faults.filter((error, i) => i === 0 || error.code === 'DUPLICATE_KEY');
  for (const error of reported) {
    // YAML finds an unclosed quote where the file ends; point at the quote.
    const opened = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? openingQuote(text, error.pos[0]) : undefined;
    const { line, col } = lineCounter.linePos(opened ?? error.pos[0]);
    const message = error.code === 'DUPLICATE_KEY'
      ? `duplicate key "${keyAt(text, error.pos[0])}" in YAML`
      : opened !== undefined
        ? `malformed YAML: the quote ${text[opened]} opened here is never closed`
        : yamlMessage(error.code, error.message);
    const hint = opened !== undefined ? `end the value with ${text[opened]}` : yamlHint(error.code);
    problems.add(file, shift(line, col), message, hint);
  }
  if (faults.length > 0) return undefined;

  const locateOffset = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return shift(line, col);
  };
  // A key "__proto__" would vanish when read into an object (a where:
  // filter on it silently drops): no field or column may have that name.
  const proto = protoKey(doc);
  if (proto !== undefined) {
    problems.add(file, locateOffset(proto), 'the key "__proto__" is not a field or a column', 'delete it, or use the name of a column of the table');
    return undefined;
  }
  const locate = (path: readonly PropertyKey[], key = false): Position => {
    const range = rangeOf(doc, path, key);
    if (!range) return shift(1, 1);
    const { line, col } = lineCounter.linePos(range);
    return shift(line, col);
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // yaml refuses aliases that expand past the count (a "billion laughs").
    const at = firstAlias(doc);
    const excessive = error instanceof ReferenceError;
    problems.add(
      file,
      at === undefined ? shift(1, 1) : locateOffset(at),
      excessive ? 'YAML aliases expand too far (each *alias repeats what its &anchor holds)' : `YAML could not be read: ${String((error as Error).message ?? error).split('\n')[0].slice(0, 120)}`,
      excessive ? 'write the values out instead of repeating them with & and *' : 'simplify this block: write each value out plainly',
    );
    return undefined;
  }
  return { file, data, locate };
}

/** Far more than any dataset.yaml repeats with anchors; yaml's own default. */
const MAX_ALIAS_COUNT = 100;

function protoKey(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && String(pair.key.value) === '__proto__') {
        at = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

function firstAlias(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  return at;
}

function rangeOf(doc: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, Math.max(0, depth - 1));
    const parent = depth === 0 ? doc.contents : doc.getIn(parentPath as unknown[], true);
    if (depth === 0) return (parent as { range?: number[] } | null)?.range?.[0];
    const last = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
      const node = pair && (key || depth < path.length ? pair.key : pair.value ?? pair.key);
      const start = (node as { range?: number[] } | null)?.range?.[0];
      if (start !== undefined) return start;
    } else {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: number[] } | undefined;
      if (node?.range) return node.range[0];
    }
  }
  return undefined;
}

/** Offset of the quote that starts a value and is left open before `end`. */
function openingQuote(text: string, end: number): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== '"' && text[i] !== "'") continue;
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    if (j === 0 || ':,[{\n-'.includes(text[j - 1])) return i;
  }
  return undefined;
}

/** The key written at `offset`: `type` in `  type: dot`. */
function keyAt(text: string, offset: number): string {
  return /^["']?([^:"'\n]*)/.exec(text.slice(offset))![1].trim();
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab used for indentation in YAML';
    default:
      return `malformed YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once; delete or merge the repeated one';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    default:
      return 'check indentation, colons and quotes; quote values that contain ": " or start with a symbol';
  }
}

/**
 * Reports every zod issue at the position of the field it concerns, with a
 * did-you-mean for unknown keys and the list of valid values for enums.
 */
export function reportSchemaIssues(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  problems: Problems,
  fieldsAt: (path: readonly PropertyKey[]) => readonly string[],
  describe = 'field',
): void {
  // `titel:` makes zod report both an unknown "titel" and a missing
  // "title": one slip, reported once, as the unknown key with its fix.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const near = closest(key, fieldsAt(issue.path));
      if (near) meant.add([...issue.path, near].map(String).join('.'));
    }
  }
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'invalid_type' && meant.has(path.map(String).join('.'))) continue;
    const name = path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const valid = fieldsAt(path);
        problems.add(
          source.file,
          source.locate([...path, key], true),
          `unknown ${describe} "${[...path.map(String), key].join('.')}"`,
          suggestion(key, valid, 'one of'),
        );
      }
    } else if (issue.code === 'invalid_value') {
      const valid = issue.values.map(String);
      const actual = valueAt(source.data, path);
      problems.add(
        source.file,
        source.locate(path),
        `invalid ${name}: ${String(actual)} (expected ${valid.join(', ')})`,
        typeof actual === 'string' && closest(actual, valid) ? `did you mean "${closest(actual, valid)}"?` : undefined,
      );
    } else if (issue.code === 'invalid_type' && valueAt(source.data, path) === undefined) {
      const parent = path.slice(0, -1);
      problems.add(
        source.file,
        source.locate(parent, true),
        `missing required ${describe} "${name}"`,
        `add \`${String(path.at(-1))}:\` ${parent.length ? `under ${parent.join('.')}` : 'to the frontmatter'}`,
      );
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      const expected = expectedTypes(issue);
      const actual = valueAt(source.data, path);
      problems.add(
        source.file,
        source.locate(path),
        `invalid ${name || 'frontmatter'}: ${shown(actual)} is not ${expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`,
        path.length === 0 ? 'write one field per line, as name: value' : lookalikeMinus(actual, expected) ?? TYPE_HINTS[expected[0]],
      );
    } else if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'string')) {
      const list = issue.origin === 'array';
      problems.add(source.file, source.locate(path), `invalid ${name}: ${list ? 'an empty list' : 'empty text'}`, list ? 'name at least one item, or delete the field' : 'write the text, or delete the field if it is optional');
    } else if (issue.code === 'invalid_format') {
      problems.add(source.file, source.locate(path), `invalid ${name}: ${shown(valueAt(source.data, path))} is not a valid ${issue.format === 'url' ? 'URL' : issue.format}`, issue.format === 'url' ? 'write the full address, starting with https://' : undefined);
    } else {
      const hint = issue.code === 'custom' ? (issue.params?.hint as string | undefined) : undefined;
      problems.add(source.file, source.locate(path), `invalid ${name || 'frontmatter'}: ${issue.message}`, hint);
    }
  }
}

/** A hint naming the character when a number was written with a dash that is not a minus. */
function lookalikeMinus(actual: unknown, expected: string[]): string | undefined {
  if (!expected.includes('number') || typeof actual !== 'string') return undefined;
  const match = /^\s*([\u2212\u2010-\u2014\ufe63\uff0d])\s*(\d[\d.]*)\s*$/.exec(actual);
  if (!match) return undefined;
  const code = match[1].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `it begins with U+${code}, which looks like a minus but is not one: write -${match[2]}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'a block of fields',
  record: 'a block of fields',
  array: 'a list',
  date: 'a date',
};

const TYPE_HINTS: Record<string, string> = {
  string: 'write text; put it in quotes if it starts with a symbol or contains ": "',
  number: 'write a plain number such as 12.5',
  boolean: 'write true or false',
  object: 'write its fields on the lines below, indented by two spaces',
  record: 'write name: value pairs, e.g. { destination: United States }',
  date: 'write the date as year-month-day, e.g. 2025-12-08',
  array: 'write a list: [a, b], or one "- item" per line',
};

/** The types a field accepts, read from a type or union issue. */
function expectedTypes(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code !== 'invalid_union') return [];
  const types = issue.errors.flat().flatMap((inner) => (inner.code === 'invalid_type' && inner.path.length === 0 ? [inner.expected] : []));
  return [...new Set(types)];
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  if (typeof value === 'object') return 'a block of fields';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}
