import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { annotationSchema, chartSchema, CHART_TYPES, sectionSchema, storySchema } from '../../src/lib/story/schema.ts';
import { COLUMN_TYPES, columnSchema, datasetSchema, DERIVATIONS, derivedSchema, measureSchema, tableSchema, unitSchema } from '../../src/lib/data/schema.ts';
import { claimEntrySchema, claimsFileSchema } from '../../src/lib/story/claimsRegister.ts';
import { FORMAT_NAMES, UNIT_NAMES } from '../../src/lib/format.ts';
import { PROJECT } from '../helpers.ts';
import { settingsSchema, themeSchema } from '../../src/lib/settings.ts';

const GUIDE = readFileSync(join(PROJECT, 'content/README.md'), 'utf8');

/** The guide's text under `heading`, up to the next heading of the same or a higher level. */
function part(heading: string): string {
  const lines = GUIDE.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`content/README.md has no heading "${heading}"`);
  const level = lines[start].indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Names in the first column of the first table of `text` whose header starts with `column`. */
function tableNames(text: string, column = 'field'): string[] {
  const rows = text.split('\n').filter((line) => line.startsWith('|'));
  const header = rows.findIndex((row) => row.split('|')[1].trim() === column);
  if (header < 0) throw new Error(`no table with a "${column}" column`);
  const names: string[] = [];
  for (const row of rows.slice(header + 2)) {
    const cell = row.split('|')[1].trim();
    if (cell === column || /^-+$/.test(cell)) break; // the next table
    const name = /^`([^`]+)`$/.exec(cell)?.[1];
    if (name) names.push(name);
  }
  return names.sort();
}

const fields = (schema: z.ZodObject) => Object.keys(schema.shape).sort();
const sorted = (values: readonly string[]) => [...values].sort();

const longShape = (tableSchema.shape.long as unknown as z.ZodOptional<z.ZodObject>).unwrap();
const sourceShape = (datasetSchema.shape.sources as unknown as z.ZodArray<z.ZodObject>).element;

describe('content/README.md documents every field of every schema', () => {
  test.each([
    ['Story fields', storySchema],
    ['Section fields', sectionSchema],
    ['Chart fields', chartSchema],
    ['Annotation fields', annotationSchema],
    ['Dataset fields', datasetSchema],
    ['Source fields', sourceShape],
    ['Table fields', tableSchema],
    ['Column fields', columnSchema],
    ['Long table fields', longShape],
    ['Measure fields', measureSchema],
    ['Derived measure fields', derivedSchema],
    ['Unit fields', unitSchema],
    ['Site settings: content/site.yaml', settingsSchema],
    ['Brand colour fields', themeSchema],
    ['Claims register fields', claimsFileSchema],
    ['Claim entry fields', claimEntrySchema],
  ] as const)('%s', (heading, schema) => {
    expect(tableNames(part(heading))).toEqual(fields(schema as unknown as z.ZodObject));
  });

  test('every chart type has its own heading with an example', () => {
    const types = part('Chart types');
    const documented = [...types.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1]);
    expect(sorted(documented)).toEqual(sorted(CHART_TYPES));
    for (const type of CHART_TYPES) expect(types).toContain(`  type: ${type}\n`);
  });

  test('every format, unit, column type and derived op is listed', () => {
    expect(tableNames(part('`:value` — the data, printed'), 'format')).toEqual(sorted(FORMAT_NAMES));
    expect(tableNames(part('Units'), 'unit')).toEqual(sorted(UNIT_NAMES));
    expect(tableNames(part('Column types'), 'type')).toEqual(sorted(COLUMN_TYPES));
    expect(tableNames(part('Derived measures'), 'op')).toEqual(sorted(DERIVATIONS));
  });

  test('its examples pass the schemas they illustrate', () => {
    const blocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1].replace(/^---\n|\n---\n[\s\S]*$/g, ''));
    expect(storySchema.safeParse(parse(blocks(part('Story fields'))[0])).error).toBeUndefined();
    expect(sectionSchema.safeParse(parse(blocks(part('Section fields'))[0])).error).toBeUndefined();
    const charts = blocks(part('Chart types'));
    expect(charts).toHaveLength(CHART_TYPES.length);
    for (const chart of charts) expect(sectionSchema.safeParse(parse(chart)).error).toBeUndefined();
    const layouts = blocks(part('Chart layouts'));
    expect(layouts.length).toBeGreaterThanOrEqual(2);
    for (const chart of layouts) expect(sectionSchema.safeParse(parse(chart)).error).toBeUndefined();
    for (const chart of blocks(part('Annotation fields'))) expect(sectionSchema.safeParse(parse(chart)).error).toBeUndefined();
    expect(datasetSchema.safeParse(parse(blocks(part('Datasets: dataset.yaml'))[0])).error).toBeUndefined();
    expect(settingsSchema.safeParse(parse(blocks(part('Site settings: content/site.yaml'))[0])).error).toBeUndefined();
  });

  test('tableNames() fails when a field is missing, so the checks above can fail', () => {
    const trimmed = part('Story fields').replace(/^\| `dek` .*\n/m, '');
    expect(tableNames(trimmed)).not.toEqual(fields(storySchema));
  });
});

describe('links within the guide', () => {
  test('every #anchor names a heading of the guide, as GitHub makes its ids', () => {
    // Headings outside code blocks, slugged as GitHub does: lower case, punctuation dropped, spaces to dashes, repeats numbered.
    const ids = new Set<string>();
    const seen = new Map<string, number>();
    let fenced = false;
    for (const line of GUIDE.split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      if (fenced || !/^#{1,6} /.test(line)) continue;
      const slug = line.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      ids.add(n ? `${slug}-${n}` : slug);
    }
    const anchors = [...GUIDE.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(10);
    expect(anchors.filter((a) => !ids.has(a))).toEqual([]);
  });
});

describe('the guide starts with bringing your own data', () => {
  test('"Bring your own data" is the first section after the commands, short, and links to the details', () => {
    const sections = GUIDE.split('\n').filter((line) => line.startsWith('## '));
    expect(sections[0]).toBe('## Bring your own data');
    const text = part('Bring your own data');
    expect(text.split('\n').length).toBeLessThan(40);
    expect(GUIDE.indexOf('## Bring your own data')).toBeGreaterThan(GUIDE.indexOf('npm run check'));
    expect(text).toContain('(#your-own-data-step-by-step)');
    // Every link in it has its heading in the guide.
    const anchors = new Set(GUIDE.split('\n').filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')));
    for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors).toContain(anchor);
  });
});
