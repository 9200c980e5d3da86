import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { frontMatterSchemas } from '../../src/lib/story/jsonSchemas.ts';
import { CHART_TYPES } from '../../src/lib/story/schema.ts';
import { FIXTURE, PROJECT } from '../helpers.ts';

const generated = frontMatterSchemas();
const committed = (name: string) => readFileSync(join(PROJECT, 'src/schemas', name), 'utf8');

/** Frontmatter of every Markdown file of the fixture project, read as the YAML extension reads it. */
function frontMatters(kind: 'index' | 'section'): { file: string; data: unknown }[] {
  const content = join(FIXTURE, 'content');
  return readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(content, d.name))
        .filter((f) => (kind === 'index' ? f === 'index.md' : /^\d+-.*\.md$/.test(f)))
        .map((f) => {
          const text = readFileSync(join(content, d.name, f), 'utf8');
          return { file: `${d.name}/${f}`, data: parse(matter(text, { engines: { yaml: () => ({}) } }).matter) };
        }),
    );
}

describe('frontMatterSchemas()', () => {
  test.each(Object.keys(generated))('src/schemas/%s is up to date with the zod schemas (run npm run schemas)', (name) => {
    expect(committed(name)).toBe(generated[name]);
  });

  const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
  const story = ajv.compile(JSON.parse(generated['story.schema.json']));
  const section = ajv.compile(JSON.parse(generated['section.schema.json']));

  test('frontMatterSchemas() accepts the frontmatter of every story and section of the fixture project', () => {
    const stories = frontMatters('index');
    const sections = frontMatters('section');
    expect(stories.length).toBeGreaterThanOrEqual(2);
    for (const { file, data } of stories) expect(story(data), `${file}: ${ajv.errorsText(story.errors)}`).toBe(true);
    for (const { file, data } of sections) expect(section(data), `${file}: ${ajv.errorsText(section.errors)}`).toBe(true);
  });

  test('frontMatterSchemas() refuses a misspelt field, an unknown chart type and a missing title', () => {
    expect(section({ chart: { data: 'monthly.exports', title: 't', captoin: 'x' } })).toBe(false);
    expect(section({ chart: { data: 'monthly.exports', title: 't', type: 'pie' } })).toBe(false);
    expect(section({ chart: { data: 'monthly.exports' } })).toBe(false);
    expect(story({ title: 't', published: '8 December 2025', dataset: 'trade' })).toBe(false);
  });

  test('frontMatterSchemas() offers the chart types and field descriptions for completion', () => {
    const json = JSON.parse(generated['section.schema.json']);
    expect(json.properties.chart.properties.type.enum).toEqual([...CHART_TYPES]);
    expect(json.properties.chart.properties.data.description).toMatch(/dataset key/);
  });
});
