import type { ChartData } from './chartData.ts';
import { plotOptions, SIZES, type Size } from './plotOptions.ts';
import { cleanSvg, plotSvg } from './render.ts';
import { contentKey, memo } from '../memo.ts';
import { describeChart } from './describe.ts';
import { chartTable, chartCsv, type DataTable } from './table.ts';

/** Everything a page needs to show one chart as a complete figure. */
export interface Figure {
  id: string;
  title: string;
  caption?: string;
  /** Notes the data requires: spans, running sums, gaps. */
  notes: string[];
  source: string;
  description: string;
  svg: { narrow: string; wide: string };
  table: DataTable;
  csv: string;
}

/** Renders a chart at both sizes and gathers its description, table and CSV. */
export function makeFigure(id: string, chart: ChartData, defaultSource: string): Figure {
  return {
    id,
    title: chart.spec.title,
    caption: chart.spec.caption,
    notes: chart.notes,
    source: chart.spec.source ?? defaultSource,
    description: chart.spec.description ?? describeChart(chart),
    svg: {
      narrow: drawChart(chart, SIZES.narrow, `${id}-n`),
      wide: drawChart(chart, SIZES.wide, `${id}-w`),
    },
    table: chartTable(chart),
    csv: chartCsv(chart),
  };
}

/**
 * The chart's SVG at `size`, drawn once per distinct drawing: Plot's
 * output is kept by a hash of everything plotOptions reads, and only the
 * ids are made unique to this figure.
 */
function drawChart(chart: ChartData, size: Size, id: string): string {
  const { spec, type, unit, xKind, x, series, highlightsSeries, data } = chart;
  const key = contentKey('svg', size, spec, type, unit, xKind, x, series, highlightsSeries, data);
  return cleanSvg(memo(key, () => plotSvg(plotOptions(chart, size))), id);
}
