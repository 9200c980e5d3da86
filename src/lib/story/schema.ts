import { z } from 'zod';
import { AGREEMENT_CODES, type AgreementCode } from './agreementCodes.ts';

import { CHART_TYPES } from '../charts/kinds/registry.ts';
import { chartShape, periodText, words } from '../charts/spec.ts';

/** Chart types a section may ask for: one per kind in the registry (charts/kinds/registry.ts). */
export { CHART_TYPES, type ChartType } from '../charts/kinds/registry.ts';
export { annotationSchema } from '../charts/spec.ts';
export type { ChartSpec, StateSpec } from '../charts/spec.ts';

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

/** A section's chart: every chart field, with `type:` one of the registry's kinds. */
export const chartSchema = z.strictObject({
  ...chartShape,
  type: z.enum(CHART_TYPES).default('line').describe('Chart type (default line).'),
});

/**
 * A step that keeps the previous chart and changes it: any chart field,
 * each replacing the previous state's (annotations, highlight, data, from/to).
 */
export const stateSchema = z.strictObject({
  ...chartSchema.shape,
  data: chartSchema.shape.data.optional(),
  type: z.enum(CHART_TYPES).optional().describe('Chart type (default: the previous state\'s).'),
  title: words.optional().describe('Chart title (default: the previous state\'s).'),
});

export const sectionSchema = z.strictObject({
  heading: z.string().optional().describe('Heading of this step.'),
  chart: chartSchema.optional().describe('The chart shown with this step; without one, the previous chart stays.'),
  state: stateSchema.optional().describe("Keeps the previous chart and changes it: the previous chart's fields, with these replacing them."),
  accept: z.array(z.enum(Object.keys(AGREEMENT_CODES) as [AgreementCode, ...AgreementCode[]])).min(1).optional().describe('Warnings of the chart-and-text checks that this step accepts on purpose: off-chart, baseline, few-places, two-values, rounding.'),
});

export const updateSchema = z.strictObject({
  date: date.describe('When the story was corrected or updated, YYYY-MM-DD.'),
  note: words.describe('What changed, for readers: "Corrected: …" for a correction.'),
});

export const storySchema = z.strictObject({
  title: words.describe('Headline.'),
  dek: z.string().optional().describe('One or two sentences under the headline.'),
  byline: z.string().optional().describe('Who wrote it.'),
  dateline: words.optional().describe('Where the story was written from, shown beside the byline (Beijing).'),
  big_number: words.optional().describe("Shows the lede's first :fact large above the lede, with these words under it saying what the figure is."),
  published: date.describe('Publication date, YYYY-MM-DD.'),
  updated: date.optional().describe('Date of the last update, YYYY-MM-DD (default: the latest of updates).'),
  updates: z.array(updateSchema).min(1).optional().describe('Corrections and updates shown to readers, each with its date and a note.'),
  dataset: z.string().describe('The dataset the story draws on: a folder under data/.'),
  through: periodText.optional().describe('The last period the story reports (YYYY-MM): later data is left out of charts.'),
  lead: z.string().optional().describe('Section (file name without number and .md) whose chart is the share image.'),
});

export type SectionFrontMatter = z.infer<typeof sectionSchema>;
export type StoryFrontMatter = z.infer<typeof storySchema>;
export type StoryUpdate = z.infer<typeof updateSchema>;
