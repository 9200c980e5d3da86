import { z } from 'zod';
import { AGREEMENT_CODES, type AgreementCode } from './agreementCodes.ts';

import { CHART_TYPES } from '../charts/kinds/registry.ts';

/** Chart types a section may ask for: one per kind in the registry (charts/kinds/registry.ts). */
export { CHART_TYPES, type ChartType } from '../charts/kinds/registry.ts';

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
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);
/** Text a reader sees: blank is refused, not published as an empty heading. */
const words = z.string().trim().min(1);

export const annotationSchema = z.strictObject({
  at: periodText.optional().describe('A note at a drawn value: the period (2025-11) or category it points at.'),
  text: words.describe('The note or label, short.'),
  series: scalarText.optional().describe('For a note on a chart with several series: which one it belongs to.'),
  value: z.number().optional().describe("A reference line at this value, in the chart's unit (1000 on a chart in US$ billion is US$1 trillion)."),
  from: periodText.optional().describe('A shaded span of time starting with this period.'),
  to: periodText.optional().describe('Last period of a shaded span (default: the end of the chart).'),
  event: periodText.optional().describe('An event marker: a line at the start of this period.'),
});

export const chartSchema = z.strictObject({
  data: oneOrMany(z.string()).describe('A dataset key (table.measure, e.g. monthly.exports), or several keys of one table drawn as series.'),
  type: z.enum(CHART_TYPES).default('line').describe('Chart type (default line).'),
  x: z.string().optional().describe('What runs along the chart: period (default), month (Jan–Dec, to compare years) or a category column.'),
  series: z.string().optional().describe('What splits the data into series: year, measure or a category column.'),
  where: z.record(z.string(), oneOrMany(scalarText)).optional().describe('Keep only rows whose category (or year) has one of these values, e.g. { commodity: soybeans }.'),
  from: periodText.optional().describe('First period drawn, YYYY-MM.'),
  to: periodText.optional().describe('Last period drawn, YYYY-MM.'),
  highlight: oneOrMany(scalarText).optional().describe('Periods, categories or series to emphasise.'),
  annotations: z.array(annotationSchema).optional().describe('Notes, reference lines, shaded spans and event markers drawn on the chart.'),
  title: words.describe('Chart title.'),
  caption: z.string().optional().describe('What the chart shows, under it.'),
  description: z.string().optional().describe('Replaces the generated text description of the chart.'),
  source: z.string().optional().describe("Replaces the dataset's source line."),
  zero: z.boolean().optional().describe('Include zero on the value axis (default: yes for bars and areas).'),
  size: z.string().optional().describe('For scatter: a number column of the same table that sizes each dot (area in proportion).'),
  log: oneOrMany(z.enum(['x', 'y'])).optional().describe('Axes drawn on a log scale: x, y or both ([x, y]); every value on them must be above zero.'),
  regions: z.record(z.string(), z.array(z.string()).min(1)).optional().describe('For maps: places in the data that stand for several countries, e.g. { European Union: [Austria, Belgium, …] }, by name or ISO code.'),
  partial: z.boolean().optional().describe('For US maps: draw the places without data as "no data" even when more than a few per cent of them lack it (default: that is an error).'),
  layout: z.enum(['stack', 'group']).optional().describe('For bars with series: stack them or set them side by side (group); for areas with series: stack.'),
  facet: z.string().optional().describe('Small multiples: one panel per value of this category column (or of the series), on shared scales.'),
  sort: z.enum(['declared', 'value', '-value']).optional().describe("Order of the categories along a bar chart: declared (the column's order: in dataset.yaml, else alphabetical), value (smallest first) or -value (largest first). Default: declared, but largest first for barX without a declared order."),
  values: z.enum(['highlighted', 'all', 'none']).optional().describe('Which marks have their value written beside them: highlighted ones (default), all, or none.'),
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

export type ChartSpec = z.infer<typeof chartSchema>;
export type StateSpec = z.infer<typeof stateSchema>;
export type SectionFrontMatter = z.infer<typeof sectionSchema>;
export type StoryFrontMatter = z.infer<typeof storySchema>;
export type StoryUpdate = z.infer<typeof updateSchema>;
