/**
 * A heatmap (Plot's cell mark): a row of cells per series, a column per
 * month of the year or per category, each cell coloured by its value in
 * classes with a key above (the classes of a shaded map). A missing value
 * is no cell.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, ChartKind, ChartProblem, Datum, KindInput, Size } from '../model.ts';
import { colourClasses, colourKey, KEY_HEIGHT } from '../geo/mapOptions.ts';
import { formatShort, formatValue, unitHeading } from '../../format.ts';
import { monthName } from '../../period.ts';
import { shownDigits } from '../model.ts';
import { CATALOGUE, say } from '../../catalogue.ts';

export const heatmap = {
  type: 'heatmap',
  name: 'Heatmap',
  honours: [],
  zero: false,
  options: (chart, size) => heatmapOptions(chart, size),
  describe: describeHeatmap,
  check: checkHeatmap,
} as const satisfies ChartKind;

function checkHeatmap({ spec, xKind, data }: KindInput, problems: ChartProblem[]): void {
  if (xKind !== 'month' && xKind !== 'category') problems.push({ field: spec.x === undefined ? 'type' : 'x', ...say(CATALOGUE.heatmapAxis, spec.x ?? 'period') });
  else if (data.every((d) => d.series === '')) problems.push({ field: 'type', ...say(CATALOGUE.heatmapRows) });
}

/** The cells' columns, in order: the twelve months, or the categories as the chart orders them. */
function columnsOf(chart: ChartData): (number | string)[] {
  if (chart.xKind === 'month') return Array.from({ length: 12 }, (_, i) => i + 1);
  return chart.order ?? [...new Set(chart.data.map((d) => String(d.x)))];
}

function heatmapOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const drawn = chart.data.filter((d) => d.y !== null);
  const rows = [...new Set(chart.data.map((d) => d.series))];
  const classes = colourClasses(drawn.map((d) => d.y!));
  const rowHeight = narrow ? 20 : 24;
  const marginLeft = Math.min(120, 12 + Math.max(...rows.map((r) => r.length)) * 6.5);
  const frame = { width: size.width, marginTop: KEY_HEIGHT + 4, marginRight: 8, marginBottom: 24, marginLeft };
  const height = frame.marginTop + rows.length * rowHeight + frame.marginBottom;
  const month = chart.xKind === 'month';
  const label = (d: Datum) => formatShort(d.y!, chart.unit, shownDigits(d), chart.locale);
  return {
    ...frame,
    height,
    style: undefined,
    x: { type: 'band', domain: columnsOf(chart), label: null, tickSize: 0, ...(month ? { tickFormat: (m: number) => (narrow ? monthName(m).charAt(0) : monthName(m)) } : {}) },
    y: { type: 'band', domain: rows, label: null, tickSize: 0 },
    marks: [
      colourKey(classes, chart, frame),
      Plot.cell(drawn, { x: 'x', y: 'series', fill: (d: Datum) => classes.colour(d.y!), inset: 0.5 }),
      // A highlighted cell is outlined and keeps its value written in it.
      Plot.cell(drawn.filter((d) => d.highlight), { x: 'x', y: 'series', stroke: 'currentColor', strokeWidth: 2, inset: 1 }),
      ...(narrow ? [] : [Plot.text(drawn.filter((d) => d.highlight), { x: 'x', y: 'series', text: label, fill: 'currentColor', className: 'halo' } as Plot.TextOptions)]),
    ],
  } as Plot.PlotOptions;
}

function describeHeatmap(chart: ChartData): string[] {
  const drawn = chart.data.filter((d) => d.y !== null);
  const rows = [...new Set(chart.data.map((d) => d.series))];
  const across = chart.xKind === 'month' ? 'month' : chart.x;
  const value = (d: Datum) => `${d.series} ${d.label} ${formatValue(d.y!, chart.unit, undefined, shownDigits(d), chart.locale)}`;
  const sorted = [...drawn].sort((a, b) => b.y! - a.y!);
  const missing = chart.data.length - drawn.length;
  return [
    `Heatmap of ${chart.measures.map((m) => m.label).join(', ')} (${unitHeading(chart.unit)}), a row per ${chart.series ?? 'series'} (${rows.join(', ')}) and a column per ${across}, each cell coloured by its value's class in the key.`,
    `Highest: ${sorted.slice(0, 3).map(value).join(', ')}. Lowest: ${sorted.slice(-3).reverse().map(value).join(', ')}.`,
    ...(missing ? [`${missing} ${missing === 1 ? 'cell has' : 'cells have'} no value.`] : []),
  ];
}
