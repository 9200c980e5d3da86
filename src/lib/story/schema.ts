import { z } from 'zod';

/** Chart types a section may ask for. */
export const CHART_TYPES = ['line', 'area', 'bar', 'barX', 'dot'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

const date = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date written YYYY-MM-DD`, params: { hint: 'write the date as year-month-day, e.g. 2025-12-08' } });
      return z.NEVER;
    }
    // Round-tripping refuses dates that do not exist (2025-02-30).
    if (Number.isNaN(Date.parse(text)) || new Date(text).toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date in the calendar`, params: { hint: 'check the month and the day' } });
      return z.NEVER;
    }
    return text;
  });

/** A period written in YAML: `2025-11` or `2025-01/02` (a string either way). */
const periodText = z.union([z.string(), z.number()]).transform(String);
const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

export const annotationSchema = z.strictObject({
  at: periodText,
  text: z.string(),
  /** For charts with several series: which one the note belongs to. */
  series: scalarText.optional(),
});

export const chartSchema = z.strictObject({
  /** One dataset key, or several keys of the same table drawn as series. */
  data: oneOrMany(z.string()),
  type: z.enum(CHART_TYPES).default('line'),
  /** What runs along the chart: `period` (default), `month` (Jan–Dec, to compare years) or a category column. */
  x: z.string().optional(),
  /** What splits the data into series: `year`, `measure` or a category column. */
  series: z.string().optional(),
  /** Keep only rows whose category (or year) has one of these values. */
  where: z.record(z.string(), oneOrMany(scalarText)).optional(),
  /** First and last period drawn. */
  from: periodText.optional(),
  to: periodText.optional(),
  /** Values of x (periods or categories) or of the series to emphasise. */
  highlight: oneOrMany(scalarText).optional(),
  annotations: z.array(annotationSchema).optional(),
  title: z.string(),
  caption: z.string().optional(),
  /** Replaces the generated text description of the chart. */
  description: z.string().optional(),
  source: z.string().optional(),
  /** Include the zero line (default: yes for bars and areas). */
  zero: z.boolean().optional(),
});

export const sectionSchema = z.strictObject({
  heading: z.string().optional(),
  chart: chartSchema.optional(),
});

export const storySchema = z.strictObject({
  title: z.string(),
  dek: z.string().optional(),
  byline: z.string().optional(),
  published: date,
  updated: date.optional(),
  /** Folder under data/. */
  dataset: z.string(),
  /** The last period the story reports: later data is left out of charts. */
  through: periodText.optional(),
  /** Section (file name without number and .md) whose chart is the share image. */
  lead: z.string().optional(),
});

export type ChartSpec = z.infer<typeof chartSchema>;
export type SectionFrontMatter = z.infer<typeof sectionSchema>;
export type StoryFrontMatter = z.infer<typeof storySchema>;
