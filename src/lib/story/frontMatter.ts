import matter from 'gray-matter';
import type { z } from 'zod';
import { positionAt, type Problems } from '../problems.ts';
import { parseYaml, reportSchemaIssues, type YamlSource } from '../yamlSource.ts';
import { INVISIBLE_HINT, invisibleIn } from './invisible.ts';

export interface MarkdownFile<T> {
  file: string;
  data: T;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Line of the file on which `body` begins. */
  bodyLine: number;
  locate: YamlSource['locate'];
}

/**
 * Reads a Markdown file's frontmatter with gray-matter, parses it with
 * positions, and validates it against `schema`. Returns undefined (with
 * problems reported at their line and column) when the frontmatter is
 * missing, malformed or invalid.
 */
export function readMarkdownFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  fieldsAt: (path: readonly PropertyKey[]) => readonly string[],
  problems: Problems,
): MarkdownFile<z.infer<S>> | undefined {
  const unopened = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?$/.test(unopened.split('\n')[0])) {
    const later = /^\s*\n---[ \t]*\r?\n/.test(unopened);
    problems.add(
      file,
      { line: 1, column: 1 },
      later ? 'frontmatter does not start on the first line' : 'missing frontmatter',
      later
        ? 'delete what stands above the first --- line: the file must begin with it'
        : 'start the file with a --- line, the fields, and another --- line',
    );
    return undefined;
  }
  if (!/\n---[ \t]*\r?(\n|$)/.test(unopened)) {
    problems.add(file, { line: 1, column: 1 }, 'frontmatter is not closed', 'add a line with only --- after the last field, before the text');
    return undefined;
  }
  const parsed = splitFrontMatter(text);
  // gray-matter's `matter` keeps the line break that ends the opening ---,
  // so its first line is the file's first line and positions need no shift.
  const source = parseYaml(file, parsed.matter, problems, 1);
  if (!source) return undefined;
  const before = problems.size;
  checkPrintedText(source, problems);
  if (problems.size > before) return undefined;
  const result = schema.safeParse(source.data);
  if (!result.success) {
    reportSchemaIssues(source, result.error.issues, problems, fieldsAt);
    return undefined;
  }
  return { file, data: result.data, ...bodyOf(text, parsed.content), locate: source.locate };
}

/** The frontmatter and the Markdown after it; gray-matter caches by content unless given options, and its YAML engine is replaced (`yaml` keeps every position). */
function splitFrontMatter(text: string): { matter: string; content: string } {
  return matter(text, { engines: { yaml: () => ({}) } });
}

function bodyOf(text: string, content: string): { body: string; bodyLine: number } {
  return { body: content, bodyLine: positionAt(text, text.length - content.length).line };
}

/**
 * The Markdown after a file's frontmatter and the line it starts on,
 * whatever is wrong inside the frontmatter, as long as its --- lines stand:
 * a fault there must not hide the faults of the text.
 */
export function markdownBody(text: string): { body: string; bodyLine: number } | undefined {
  const unopened = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?$/.test(unopened.split('\n')[0]) || !/\n---[ \t]*\r?(\n|$)/.test(unopened)) return undefined;
  return bodyOf(text, splitFrontMatter(text).content);
}

/**
 * Frontmatter text (a title, a heading, a chart's notes) is printed as
 * written: a :fact there would reach readers unchecked, and an invisible
 * character would make what they see differ from what was written.
 */
function checkPrintedText(source: YamlSource, problems: Problems): void {
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const directive = /(^|[^\\]):{1,3}(fact|value)\b\s*[[{]/.exec(value);
      if (directive) {
        problems.add(source.file, source.locate(path), `:${directive[2]} in ${path.join('.')} is printed as typed, unchecked`, 'frontmatter text is not checked against the data: write the figure in the section\'s text with :fact or :value, or write the number plainly');
      }
      const hidden = invisibleIn(value);
      if (hidden) problems.add(source.file, source.locate(path), `${path.join('.')} contains the invisible character ${hidden}`, INVISIBLE_HINT);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(source.data, []);
}
