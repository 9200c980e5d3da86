import * as Plot from '@observablehq/plot';
import { formatShort, formatTick, UNITS } from '../format.ts';
import { monthName } from '../period.ts';
import { annotatedDatum, type ChartData, type Datum } from './chartData.ts';
import { ACCENT, MUTED, PRIMARY, SERIES } from './palette.ts';

export interface Size {
  width: number;
  height: number;
}

/** Sizes every chart is drawn at: the phone layout and the wide one. */
export const SIZES = {
  narrow: { width: 360, height: 320 },
  wide: { width: 640, height: 380 },
} as const satisfies Record<string, Size>;

/**
 * A chart's data → Plot options. Pure: no DOM, no I/O. Series are labelled
 * directly at their last point (no legend: Plot wraps a legend in a
 * <figure>, and labels read better on a phone).
 */
export function plotOptions(chart: ChartData, size: Size): Plot.PlotOptions {
  const narrow = size.width < 480;
  const drawn = chart.data.filter((d) => d.y !== null);
  const colours = seriesColours(chart);
  const colour = (d: Datum) => (chart.series ? colours.get(d.series)! : d.highlight ? ACCENT : PRIMARY);
  // A line keeps one colour along its length; its highlighted points get their own dot.
  const lineColour = (d: Datum) => (chart.series ? colours.get(d.series)! : PRIMARY);
  const unit = UNITS[chart.unit];
  const marks: Plot.Markish[] = [];
  const zero = chart.spec.zero ?? (chart.type !== 'line' && chart.type !== 'dot');
  const hasNegative = drawn.some((d) => d.y! < 0);
  if (zero || hasNegative) marks.push(chart.type === 'barX' ? Plot.ruleX([0]) : Plot.ruleY([0]));

  const xValue = (d: Datum) => d.x;
  switch (chart.type) {
    case 'line':
    case 'area':
      if (chart.type === 'area') {
        marks.push(Plot.areaY(chart.data, { x: xValue, y: 'y', z: 'series', fill: lineColour, fillOpacity: 0.18, curve: 'linear' }));
      }
      marks.push(Plot.lineY(chart.data, { x: xValue, y: 'y', z: 'series', stroke: lineColour, strokeWidth: 2.5, curve: 'linear' }));
      // Isolated points (a month between two gaps) would be invisible as a line.
      marks.push(Plot.dot(isolated(chart.data), { x: xValue, y: 'y', fill: lineColour, r: 2.5 }));
      break;
    case 'dot':
      marks.push(Plot.dot(drawn, { x: xValue, y: 'y', fill: colour, r: narrow ? 3.5 : 4.5 }));
      break;
    case 'bar':
      marks.push(...barMarks(chart, drawn, colour));
      break;
    case 'barX': {
      const label = (d: Datum) => formatShort(d.y!, chart.unit);
      // Values sit just right of the bar's end, or right of zero for a
      // negative bar, so they never collide with the category labels.
      marks.push(
        Plot.barX(drawn, { y: 'label', x: 'y', fill: colour }),
        Plot.text(drawn.filter((d) => d.y! >= 0), { y: 'label', x: 'y', text: label, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
        Plot.text(drawn.filter((d) => d.y! < 0), { y: 'label', x: 0, text: label, textAnchor: 'start', dx: 4, fill: 'currentColor' }),
      );
      break;
    }
  }

  if (chart.type !== 'barX' && chart.type !== 'bar') {
    // Highlighted points get a dot and their value.
    const highlighted = drawn.filter((d) => d.highlight && !chart.highlightsSeries);
    marks.push(Plot.dot(highlighted, { x: xValue, y: 'y', fill: colour, r: 4.5}));
    marks.push(Plot.text(highlighted, { x: xValue, y: 'y', text: (d: Datum) => formatShort(d.y!, chart.unit), dy: -12, fontWeight: 'bold', fill: 'currentColor' }));
  }
  if (chart.series && chart.type !== 'barX') {
    marks.push(
      Plot.text(
        drawn,
        Plot.selectLast({ x: xValue, y: 'y', z: 'series', text: 'series', textAnchor: 'start', dx: 6, fill: colour, fontWeight: 'bold' } as Plot.TextOptions),
      ),
    );
  }
  marks.push(...annotationMarks(chart));

  const longestSeries = Math.max(0, ...[...colours.keys()].map((s) => s.length));
  const rightMargin = chart.series && chart.type !== 'barX' ? Math.min(narrow ? 90 : 130, 12 + longestSeries * 6.5) : 24;
  const longestLabel = Math.max(0, ...drawn.map((d) => d.label.length));
  return {
    width: size.width,
    height: chart.type === 'barX' ? Math.max(size.height * 0.6, 40 + drawn.length * (narrow ? 30 : 34)) : size.height,
    marginTop: 28,
    marginRight: chart.type === 'barX' ? 48 : rightMargin,
    marginLeft: chart.type === 'barX' ? Math.min(150, 12 + longestLabel * 6.5) : 48,
    marginBottom: 32,
    style: undefined,
    x: xScale(chart, narrow),
    y:
      chart.type === 'barX'
        ? { label: null, domain: [...drawn].sort((a, b) => b.y! - a.y!).map((d) => d.label) }
        : { label: `${unit.label === '%' ? 'per cent' : unit.label}`, grid: true, nice: true, zero: zero || undefined, tickFormat: (v: number) => formatTick(v, chart.unit), ticks: narrow ? 5 : 7 },
    marks,
  } as Plot.PlotOptions;
}

function xScale(chart: ChartData, narrow: boolean): Plot.ScaleOptions {
  if (chart.type === 'barX') {
    return { label: `${UNITS[chart.unit].label === '%' ? 'per cent' : UNITS[chart.unit].label}`, grid: true, nice: true, tickFormat: (v: number) => formatTick(v, chart.unit), ticks: narrow ? 4 : 6 };
  }
  switch (chart.xKind) {
    case 'time':
      return { type: 'utc', label: null, ticks: narrow ? 4 : 8 };
    case 'month':
      return { type: 'linear', label: null, domain: [1, 12], ticks: narrow ? [1, 4, 7, 10, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], tickFormat: (m: number) => monthName(m) };
    case 'category':
      return { type: 'band', label: null, padding: 0.25 };
  }
}

/** Bars over time span their period; several series share it side by side. */
function barMarks(chart: ChartData, drawn: Datum[], colour: (d: Datum) => string): Plot.Markish[] {
  if (chart.xKind === 'category' || chart.xKind === 'month') {
    return [Plot.barY(drawn, { x: 'x', y: 'y', fill: colour, ...(chart.series ? { fx: undefined } : {}) })];
  }
  const series = [...new Set(drawn.map((d) => d.series))];
  const slot = (d: Datum, edge: 0 | 1) => {
    const start = (d.x1 ?? (d.x as Date)).getTime();
    const end = (d.x2 ?? (d.x as Date)).getTime();
    const width = (end - start) / series.length;
    const i = series.indexOf(d.series);
    return new Date(start + width * (i + edge));
  };
  return [Plot.rectY(drawn, { x1: (d: Datum) => slot(d, 0), x2: (d: Datum) => slot(d, 1), y: 'y', fill: colour, insetLeft: 0.5, insetRight: 0.5 })];
}

function annotationMarks(chart: ChartData): Plot.Markish[] {
  const notes = (chart.spec.annotations ?? []).flatMap((a) => {
    const datum = annotatedDatum(chart.data, a);
    return datum ? [{ ...datum, note: a.text }] : [];
  });
  if (notes.length === 0) return [];
  if (chart.type === 'barX') {
    return [Plot.text(notes, { y: 'label', x: 'y', text: 'note', textAnchor: 'start', dx: 44, fontStyle: 'italic', fill: 'currentColor' } as Plot.TextOptions)];
  }
  return [
    Plot.dot(notes, { x: 'x', y: 'y', r: 6, stroke: 'currentColor', fill: 'none' }),
    Plot.text(notes, { x: 'x', y: 'y', text: 'note', dy: -30, lineWidth: 14, fontStyle: 'italic', fill: 'currentColor', textAnchor: 'end', dx: -8 } as Plot.TextOptions),
  ];
}

/** Highlighted series take the accent and the rest are muted; else the palette in order. */
function seriesColours(chart: ChartData): Map<string, string> {
  const names = [...new Set(chart.data.map((d) => d.series))];
  const emphasised = new Set(chart.data.filter((d) => d.highlight).map((d) => d.series));
  const map = new Map<string, string>();
  names.forEach((name, i) => {
    if (chart.highlightsSeries) map.set(name, emphasised.has(name) ? ACCENT : i === 0 ? PRIMARY : MUTED);
    else map.set(name, SERIES[i % SERIES.length]);
  });
  return map;
}

function isolated(data: Datum[]): Datum[] {
  return data.filter((d, i) => {
    if (d.y === null) return false;
    const before = data[i - 1];
    const after = data[i + 1];
    const joined = (o: Datum | undefined) => o !== undefined && o.series === d.series && o.y !== null;
    return !joined(before) && !joined(after);
  });
}

