/**
 * What an editor may write under `chart:` (and `state:`), as zod schemas,
 * and the types the chart modules read (ChartSpec, StateSpec). This module
 * stands below every chart kind: it accepts any `type:` string, and the
 * story schema (story/schema.ts) narrows `type:` to the kinds of the
 * registry, so that the registry, which imports every kind, stays on top.
 */
import { z } from 'zod';

/** A period written in YAML: `2025-11` or `2025-01/02` (a string either way). */
export const periodText = z.union([z.string(), z.number()]).transform(String);
export const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);
/** Text a reader sees: blank is refused, not published as an empty heading. */
export const words = z.string().trim().min(1);

export const annotationSchema = z.strictObject({
  at: periodText.optional().describe('A note at a drawn value: the period (2025-11) or category it points at.'),
  text: words.describe('The note or label, short.'),
  series: scalarText.optional().describe('For a note on a chart with several series: which one it belongs to.'),
  value: z.number().optional().describe("A reference line at this value, in the chart's unit (1000 on a chart in US$ billion is US$1 trillion)."),
  from: periodText.optional().describe('A shaded span of time starting with this period.'),
  to: periodText.optional().describe('Last period of a shaded span (default: the end of the chart).'),
  event: periodText.optional().describe('An event marker: a line at the start of this period.'),
});

/** Every chart field, `type:` as any string (story/schema.ts checks it against the registry). */
export const chartShape = {
  data: oneOrMany(z.string()).describe('A dataset key (table.measure, e.g. monthly.exports), or several keys of one table drawn as series.'),
  type: z.string().default('line').describe('Chart type (default line).'),
  x: z.string().optional().describe('What runs along the chart: period (default), month (Jan–Dec, to compare years) or a category column.'),
  series: z.string().optional().describe('What splits the data into series: year, measure or a category column.'),
  where: z.record(z.string(), oneOrMany(scalarText)).optional().describe('Keep only rows whose category (or year) has one of these values, e.g. { commodity: soybeans }.'),
  top: z.number().int().min(1).max(100).optional().describe('Keep the N categories (along x, else the series) with the largest values in the latest period drawn, chosen by the data; a declared total is left out.'),
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
  lon: z.string().optional().describe('For symbolMap and locator: the number column of longitudes that puts each row on the map (default: a column named lon, longitude or lng).'),
  lat: z.string().optional().describe('For symbolMap and locator: the number column of latitudes (default: a column named lat or latitude).'),
  map: z.enum(['world', 'us']).optional().describe('For symbolMap: the map its circles are drawn on, world (Equal Earth) or us (the states, with Alaska, Hawaii and Puerto Rico inset). Default: us when x is a column of US places, else world.'),
  classes: z.enum(['equal', 'quantile']).optional().describe('For choropleths: colour classes of equal width over a nice range (equal, the default) or of equal counts, about a fifth of the places each (quantile), for a skewed measure such as county unemployment.'),
  layout: z.enum(['stack', 'group']).optional().describe('For bars with series: stack them or set them side by side (group); for areas with series: stack.'),
  facet: z.string().optional().describe('Small multiples: one panel per value of this category column (or of the series), on shared scales.'),
  sort: z.enum(['declared', 'value', '-value']).optional().describe("Order of the categories along a bar chart: declared (the column's order: in dataset.yaml, else alphabetical), value (smallest first) or -value (largest first). Default: declared, but largest first for barX without a declared order."),
  values: z.enum(['highlighted', 'all', 'none']).optional().describe('Which marks have their value written beside them: highlighted ones (default), all, or none.'),
};

export const chartSpecSchema = z.strictObject(chartShape);

/** A chart as the chart modules read it: `type` is a registered kind's type once the story schema has passed it. */
export type ChartSpec = z.infer<typeof chartSpecSchema>;

/** A step that changes the chart before it: any chart field, each optional. */
export type StateSpec = Partial<ChartSpec>;
