import { formatValue, UNITS } from '../format.ts';
import type { ChartData, Datum } from './chartData.ts';

const TYPE_NAMES = { line: 'Line chart', area: 'Area chart', bar: 'Bar chart', barX: 'Bar chart', dot: 'Dot chart' } as const;

/**
 * A text description of what a chart shows, made from its data: the type,
 * the measure, the range of each series and the highlighted values. Screen
 * readers get it instead of the drawing; everyone can read it.
 */
export function describeChart(chart: ChartData): string {
  const drawn = chart.data.filter((d) => d.y !== null);
  const measures = [...new Set(chart.measures.map((m) => m.label))].join(' and ');
  const unit = UNITS[chart.unit].label;
  const by = chart.series && chart.series !== 'measure' ? `, by ${chart.series}` : '';
  const sentences = [`${TYPE_NAMES[chart.type]} of ${lower(measures)} (${unit})${by}.`];
  const print = (d: Datum) => `${formatValue(d.y!, chart.unit)} in ${d.label}`;

  if (chart.xKind === 'category') {
    const sorted = [...drawn].sort((a, b) => b.y! - a.y!);
    sentences.push(`${sorted.map((d) => `${d.label}: ${formatValue(d.y!, chart.unit)}`).join('; ')}.`);
  } else {
    for (const series of groupBySeries(drawn)) {
      const [first, last] = [series.data[0], series.data.at(-1)!];
      const high = series.data.reduce((a, b) => (b.y! > a.y! ? b : a));
      const low = series.data.reduce((a, b) => (b.y! < a.y! ? b : a));
      const name = series.name ? `${series.name}: ` : '';
      let text = `${name}from ${print(first)} to ${print(last)}`;
      if (high !== first && high !== last) text += `, highest ${print(high)}`;
      if (low !== first && low !== last) text += `, lowest ${print(low)}`;
      sentences.push(`${text}.`);
    }
  }
  const highlighted = drawn.filter((d) => d.highlight && !chart.highlightsSeries);
  if (highlighted.length > 0 && highlighted.length <= 6 && chart.xKind !== 'category') {
    sentences.push(`Highlighted: ${highlighted.map((d) => `${d.series ? `${d.series} ` : ''}${d.label}, ${formatValue(d.y!, chart.unit)}`).join('; ')}.`);
  }
  const missing = chart.data.filter((d) => d.y === null).length;
  if (missing > 0) sentences.push(`${missing} ${missing === 1 ? 'period has' : 'periods have'} no figure.`);
  return sentences.join(' ');
}

function groupBySeries(data: Datum[]): { name: string; data: Datum[] }[] {
  const groups = new Map<string, Datum[]>();
  for (const d of data) groups.set(d.series, [...(groups.get(d.series) ?? []), d]);
  return [...groups].map(([name, rows]) => ({ name, data: rows }));
}

function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
