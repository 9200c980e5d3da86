import { z } from 'zod';
import { sectionSchema, storySchema } from './schema.ts';

/**
 * JSON Schemas of the story and section frontmatter, made from the zod
 * schemas that validate them, for editors' autocomplete. `npm run schemas`
 * writes them to src/schemas/; a test fails when those files fall behind.
 */
export function frontMatterSchemas(): Record<string, string> {
  return {
    'story.schema.json': toJson(storySchema, 'Plotline story (content/<story>/index.md frontmatter)'),
    'section.schema.json': toJson(sectionSchema, 'Plotline section (content/<story>/NN-slug.md frontmatter)'),
  };
}

function toJson(schema: z.ZodType, title: string): string {
  // What an editor writes is the input side: transforms are invisible to YAML.
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any', override: dateAsText });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

/** A date is written YYYY-MM-DD in YAML; the Date branch of the union exists only for YAML 1.1 parsers. */
function dateAsText(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type !== 'union' || !def.options.some((o) => o._zod.def.type === 'date')) return;
  const { description } = ctx.jsonSchema;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, description ? { description } : {});
}
