import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { join, normalize } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { escapeOf, isFile } from '../files.ts';
import { INVISIBLE_HINT, invisibleIn } from './invisible.ts';
import { MARKDOWN_ID_PREFIX } from './pageIds.ts';
import { visit } from 'unist-util-visit';
import { position, remarkFacts, type DirectiveContext } from './directives.ts';
import { timed } from '../timings.ts';
import { positionAt } from '../problems.ts';
import { markdownLimitAt } from './markdownLimits.ts';

/**
 * Editors' raw HTML is shown as the text they typed, never as markup: a
 * story page runs no script an editor or a dataset could smuggle in. An
 * HTML comment is refused: published, it would send its draft note to
 * every reader who views the page's source.
 */
function remarkHtmlAsText(context: DirectiveContext) {
  return (tree: Root) => {
    visit(tree, 'html', (node) => {
      if (/^\s*<!--/.test(node.value)) {
        context.problems.add(context.file, position(context, node), 'HTML comment in the text', 'delete it: a comment is published in the page\'s source for any reader to see; keep draft notes outside content/');
        node.value = '';
      }
      (node as unknown as { type: string }).type = 'text';
    });
  };
}

/**
 * The page loads nothing from another site: a remote image would leak
 * readers' visits and break under the content security policy. The rule
 * holds for every way of writing an image, ![x](url) and ![x][ref] with
 * [ref]: url alike; a local image must be a file in public/.
 */
function remarkLocalImages(context: DirectiveContext) {
  return (tree: Root) => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    const checked = new Set<Definition>();
    visit(tree, (node: Nodes) => {
      if (node.type === 'image') checkImage(node.url, node, context);
      if (node.type !== 'imageReference') return;
      const definition = definitions.get(node.identifier);
      if (definition && !checked.has(definition)) {
        checked.add(definition);
        checkImage(definition.url, definition, context);
      }
    });
  };
}

/** Longest piece of an address a problem repeats: a data: URI can run to megabytes. */
const SHOWN_URL = 60;

function shortUrl(url: string): string {
  return url.length > SHOWN_URL ? `${url.slice(0, SHOWN_URL - 1)}…` : url;
}

function checkImage(url: string, node: Nodes, context: DirectiveContext): void {
  const at = position(context, node);
  const { problems, file } = context;
  if (/^\s*data:/i.test(url)) {
    problems.add(file, at, `image written as a data: address (${Math.ceil(url.length / 1024)} KB of text)`, 'save the image as a file in public/ and refer to it by its path, e.g. ![chart](/images/chart.png)');
    return;
  }
  if (/^([a-z][a-z0-9+.-]*:|\/\/|\\)/i.test(url.trim())) {
    problems.add(file, at, `image "${shortUrl(url)}" is not a file of this site`, 'copy the image into public/ and refer to it by its path, e.g. ![chart](/images/chart.png)');
    return;
  }
  const path = url.replace(/[?#].*$/, '');
  if (!path.startsWith('/')) {
    problems.add(file, at, `image "${shortUrl(url)}" is a relative path`, `write its path from public/, starting with /, e.g. ![chart](/images/${path.split('/').at(-1) || 'chart.png'})`);
    return;
  }
  if (context.root === undefined) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const inPublic = `public${normalize(decoded)}`;
  const escape = escapeOf(context.root, inPublic);
  if (escape || inPublic.startsWith('public/..') || !isFile(join(context.root, inPublic))) {
    problems.add(file, at, `image "${shortUrl(url)}" is not a file in public/`, escape ? 'copy the image itself into public/: a link that leads out of the project is not published' : `put the image at ${shortUrl(inPublic)}, or correct the path`);
  }
}

/**
 * Footnotes: a [^note] without its definition would print as written, a
 * definition nobody refers to is dropped, and a repeated one is ignored;
 * each is reported. Their ids are made unique on the page (`idPrefix`).
 */
function remarkFootnotes(context: DirectiveContext) {
  return (tree: Root) => {
    const defined = new Map<string, FootnoteDefinition>();
    const referred = new Set<string>();
    visit(tree, (node: Nodes) => {
      if (node.type === 'footnoteReference') referred.add(node.identifier);
      if (node.type === 'footnoteDefinition') {
        if (defined.has(node.identifier)) {
          context.problems.add(context.file, position(context, node), `footnote [^${node.label ?? node.identifier}] is defined twice`, 'keep one definition: only the first would be published');
        } else defined.set(node.identifier, node);
      }
      if (node.type === 'text') {
        for (const match of node.value.matchAll(/\[\^([^\]\s[]+)\]/g)) {
          const start = position(context, node);
          context.problems.add(context.file, { line: start.line, column: start.column + match.index }, `footnote [^${match[1]}] has no definition`, `add a line "[^${match[1]}]: the note" below the paragraph, or delete the reference`);
        }
      }
    });
    for (const [identifier, node] of defined) {
      if (!referred.has(identifier)) {
        context.problems.add(context.file, position(context, node), `footnote [^${node.label ?? identifier}] is never referred to`, `refer to it in the text with [^${node.label ?? identifier}], or delete it`);
      }
    }
  };
}

/**
 * Headings print what they say: no directive (a :fact there would be
 * published as typed, unchecked) and no invisible character. Links to an
 * #id on the page are collected, to be checked against the page's ids.
 */
function remarkHeadingsAndAnchors(context: DirectiveContext) {
  return (tree: Root) => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });
    visit(tree, (node: Nodes) => {
      if (node.type === 'heading') {
        const hidden = invisibleIn(toString(node));
        if (hidden) context.problems.add(context.file, position(context, node), `heading contains the invisible character ${hidden}`, INVISIBLE_HINT);
      }
      const target = node.type === 'link' ? node : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
      if (target && target.url.startsWith('#') && context.anchor) {
        let id = target.url.slice(1);
        try {
          id = decodeURIComponent(id);
        } catch {
          // kept as written: it will not match any id
        }
        context.anchor(position(context, target as Nodes), id);
      }
    });
  };
}

/**
 * remark-rehype names every footnote list's label "footnote-label": give it
 * the file's prefix, so that two sections with footnotes repeat no id.
 */
function rehypeFootnoteLabel(prefix: string) {
  const label = 'footnote-label';
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const properties = node.properties;
      if (properties.id === label) properties.id = `${prefix}${label}`;
      const described = properties.ariaDescribedBy;
      if (Array.isArray(described)) properties.ariaDescribedBy = described.map((id) => (id === label ? `${prefix}${label}` : id));
      else if (described === label) properties.ariaDescribedBy = [`${prefix}${label}`];
    });
  };
}

/** Sanitising is a second guard: it also drops `javascript:` links. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'data'],
  attributes: {
    ...defaultSchema.attributes,
    data: ['value', ['className', 'fact', 'value']],
  },
};

/** Markdown body → HTML, with every directive checked against the data. */
export function renderMarkdown(context: DirectiveContext): string {
  return timed('markdown', () => render(context));
}

function render(context: DirectiveContext): string {
  // A body the parser would take minutes over, or recurse through until
  // the stack runs out, is refused at the place that passes the limit.
  const limit = markdownLimitAt(context.body);
  if (limit) {
    const at = positionAt(context.body, limit.offset);
    context.problems.add(context.file, { line: at.line + context.bodyLine - 1, column: at.column }, limit.message, limit.hint);
    return '';
  }
  // Ids are prefixed here, once: sanitizing would prefix them again and
  // leave footnote links pointing at ids that do not exist.
  const prefix = context.idPrefix ?? MARKDOWN_ID_PREFIX;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkHtmlAsText, context)
    .use(remarkHeadingsAndAnchors, context)
    .use(remarkFacts, context)
    .use(remarkLocalImages, context)
    .use(remarkFootnotes, context)
    .use(remarkRehype, { clobberPrefix: prefix })
    .use(rehypeFootnoteLabel, prefix)
    .use(rehypeSanitize, { ...schema, clobberPrefix: '' })
    .use(rehypeStringify);
  try {
    return String(processor.processSync(context.body)).trim();
  } catch (error) {
    // The limits above keep nesting shallow; should some other shape still
    // recurse too deep, it is this file's problem, not the whole story's.
    if (!(error instanceof RangeError)) throw error;
    context.problems.add(context.file, { line: context.bodyLine, column: 1 }, `Markdown nested too deep to read (${error.message})`, 'simplify the nesting of lists, quotes, links and emphasis in this file');
    return '';
  }
}
