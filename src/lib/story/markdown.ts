import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { position, remarkFacts, type DirectiveContext } from './directives.ts';
import { timed } from '../timings.ts';

/**
 * Editors' raw HTML is shown as the text they typed, never as markup: a
 * story page runs no script an editor or a dataset could smuggle in.
 */
function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node) => {
      (node as unknown as { type: string }).type = 'text';
    });
  };
}

/**
 * The page loads nothing from another site: a remote image would leak
 * readers' visits and break under the content security policy.
 */
function remarkLocalImages(context: DirectiveContext) {
  return (tree: Root) => {
    visit(tree, 'image', (node) => {
      if (!/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(node.url)) return;
      context.problems.add(
        context.file,
        position(context, node),
        `image "${node.url}" is not a file of this site`,
        'copy the image into public/ and refer to it by its path, e.g. ![chart](/images/chart.png)',
      );
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
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkHtmlAsText)
    .use(remarkFacts, context)
    .use(remarkLocalImages, context)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  return String(processor.processSync(context.body)).trim();
}
