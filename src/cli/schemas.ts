/**
 * `npm run schemas`: writes the JSON Schemas of story and section
 * frontmatter (made from the zod schemas) to src/schemas/, where VS Code's
 * YAML extension reads them. Run it after changing src/lib/story/schema.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { frontMatterSchemas } from '../lib/story/jsonSchemas.ts';

const SCHEMA_DIR = resolve(import.meta.dirname, '../schemas');

mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [name, text] of Object.entries(frontMatterSchemas())) {
  writeFileSync(join(SCHEMA_DIR, name), text);
  console.log(`wrote ${relative(process.cwd(), join(SCHEMA_DIR, name))}`);
}
