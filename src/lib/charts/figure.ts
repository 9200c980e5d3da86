import type { ChartData } from './chartData.ts';
import { plotOptions, SIZES } from './plotOptions.ts';
import { renderChart } from './render.ts';
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
      narrow: renderChart(plotOptions(chart, SIZES.narrow), `${id}-n`),
      wide: renderChart(plotOptions(chart, SIZES.wide), `${id}-w`),
    },
    table: chartTable(chart),
    csv: chartCsv(chart),
  };
}
