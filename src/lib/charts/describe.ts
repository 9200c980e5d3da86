import { formatValue, ownDigits, unitHeading } from '../format.ts';
import { grainNoun, monthNameLong, periodLabel } from '../period.ts';
import { describeTotals, isGrouped, isStacked } from './stack.ts';
import { shownDigits, valueLabel, type ChartData, type Datum } from './model.ts';
import { kindOf as chartKind } from './kinds/registry.ts';
import { markUnverified, unverifiedNote } from './provenance.ts';
import { seasonalPattern } from './seasons.ts';
import { logAxes } from './frame.ts';


/**
 * A text description of what a chart shows, made from its data: what kind
 * of chart, of which measure and unit, over what span; then for each series
 * where it starts and ends, its high and low; then the highlighted values.
 * Screen readers get it as the chart's text; everyone can read it.
 */
export function describeChart(chart: ChartData): string {
  const unverified = unverifiedNote(chart);
  return unverified ? `${describeData(chart)} ${unverified}` : describeData(chart);
}

function describeData(chart: ChartData): string {
  const own = chartKind(chart.type).describe?.(chart);
  if (own) return [...own, ...annotationSentences(chart)].join(' ');
  const drawn = chart.data.filter((d) => d.y !== null);
  const value = (d: Datum) => markUnverified(formatValue(d.y!, chart.unit, undefined, shownDigits(d), chart.locale), d);
  // A span's figure is its average per month, said so, so that months compare with months.
  // "in March 2025", but "on 4 March 2025" and "in the 1920s".
  const when = (d: Datum) => `${d.period.grain === 'day' && chart.xKind !== 'category' ? 'on' : 'in'} ${d.period.grain === 'decade' ? 'the ' : ''}${d.label}`;
  const at = (d: Datum) => (d.span ? `${value(d)} a month on average in ${d.label}` : `${value(d)} ${when(d)}`);
  const sentences = [`${kindOf(chart)} of ${lower(measureNames(chart))} (${unitWords(chart)})${chart.spec.facet === undefined ? byWhat(chart) : panelsOf(chart)}${spanOf(chart, drawn)}.`];
  if (isStacked(chart)) sentences.push(describeTotals(chart, (y) => formatValue(y, chart.unit, undefined, ownDigits(y, 1), chart.locale)) ?? '');

  if (chart.xKind === 'category') {
    const sorted = [...drawn].sort((a, b) => b.y! - a.y!);
    // Bars of several series in one category are told apart by their series.
    const named = (d: Datum) => (chart.series && d.series && !d.label.includes(d.series) ? `${d.label} (${d.series})` : d.label);
    // A long ranking is told by its ends; the data table has the rest.
    if (sorted.length > 12) sentences.push(`Highest: ${sorted.slice(0, 5).map((d) => `${named(d)} ${value(d)}`).join(', ')}. Lowest: ${sorted.slice(-3).map((d) => `${named(d)} ${value(d)}`).join(', ')}.`);
    else sentences.push(`${sorted.map((d) => `${named(d)} ${value(d)}`).join(', ')}.`);
  } else {
    for (const series of groupBySeries(drawn)) {
      const [first, last] = [series.data[0], series.data.at(-1)!];
      const high = series.data.reduce((a, b) => (b.y! > a.y! ? b : a));
      const low = series.data.reduce((a, b) => (b.y! < a.y! ? b : a));
      const name = series.name ? `${series.name}: ` : '';
      const seasons = seasonalPattern(series.data);
      if (seasons) {
        // Where the calendar cut a seasonal series says nothing; its rhythm and extremes do.
        sentences.push(`${capitalise(`${name}rises and falls with the time of year, on average highest in ${monthNameLong(seasons.peak)} and lowest in ${monthNameLong(seasons.trough)}; highest ${at(high)}, lowest ${at(low)}`)}.`);
        continue;
      }
      const verb = last.y! > first.y! ? 'rises' : last.y! < first.y! ? 'falls' : 'stays';
      let text = series.data.length === 1 ? `${name}${at(first)}` : `${name}${verb} from ${at(first)} to ${at(last)}`;
      if (high !== first && high !== last) text += `; highest ${at(high)}`;
      if (low !== first && low !== last) text += `; lowest ${at(low)}`;
      sentences.push(`${capitalise(text)}.`);
    }
    const below = drawn.filter((d) => d.y! < 0).length;
    if (below > 0 && below < drawn.length) sentences.push(`Below zero in ${below} of ${drawn.length} ${periodsNoun(chart, drawn)}.`);
  }

  const highlighted = drawn.filter((d) => d.highlight && !chart.highlightsSeries);
  if (chart.highlightsSeries) {
    const names = [...new Set(drawn.filter((d) => d.highlight).map((d) => d.series))];
    sentences.push(`Highlighted: ${names.join(' and ')}.`);
  } else if (highlighted.length > 0 && highlighted.length <= 6) {
    const named = (d: Datum) => (d.series && !d.label.includes(d.series) ? `${d.series}, ${valueLabel(d)}` : valueLabel(d));
    sentences.push(`Highlighted: ${highlighted.map((d) => `${named(d)}, ${value(d)}`).join('; ')}.`);
  }
  sentences.push(...annotationSentences(chart));
  // A few gaps are named, so a reader knows which; many are counted.
  const missing = chart.data.filter((d) => d.y === null);
  const noun = chart.xKind === 'category' ? chart.x : 'period';
  if (missing.length > 0 && missing.length <= 4) sentences.push(`No figure for ${listed(missing.map((d) => d.label))}.`);
  else if (missing.length > 4) sentences.push(`No figure for ${missing.length} ${plural(noun)}.`);
  return sentences.join(' ');
}

/** Reference lines, shaded spans and event markers, in words. */
function annotationSentences(chart: ChartData): string[] {
  return chart.annotations.flatMap((a) => {
    if (a.kind === 'reference') return [`A line marks ${a.text} (${formatValue(a.value, chart.unit, undefined, ownDigits(a.value, 2), chart.locale)}).`];
    if (a.kind === 'span') return [`Shaded: ${a.text}, ${a.from.id === a.to.id ? periodLabel(a.from) : `${periodLabel(a.from)} to ${periodLabel(a.to)}`}.`];
    if (a.kind === 'event') return [`Marked: ${a.text}, ${periodLabel(a.at)}.`];
    const d = a.datum;
    const series = d.series && !d.label.includes(d.series) ? ` (${d.series})` : '';
    return [`Note at ${valueLabel(d)}${series}: ${a.text}${/[.!?]$/.test(a.text) ? '' : '.'}`];
  });
}

/** The kind of chart, with its layout: stacked, grouped, small multiples. */
function kindOf(chart: ChartData): string {
  if (chart.spec.facet !== undefined) return 'Small multiples';
  if (isStacked(chart)) return `Stacked ${lower(chartKind(chart.type).name)}`;
  if (isGrouped(chart)) return 'Grouped bar chart';
  return chartKind(chart.type).name;
}

function panelsOf(chart: ChartData): string {
  const count = new Set(chart.data.map((d) => d.series)).size;
  const by = chart.series === 'measure' ? 'measure' : chart.series === 'year' ? 'year' : chart.series;
  return `, one ${lower(chartKind(chart.type).name)} per ${by}, ${count} panels on the same scale`;
}

function measureNames(chart: ChartData): string {
  return [...new Set(chart.measures.map((m) => m.label))].join(' and ');
}

function unitWords(chart: ChartData): string {
  return `${unitHeading(chart.unit)}${logAxes(chart.spec).has('y') ? ', log scale' : ''}`;
}

/** What the drawn values are counted in: days, months, quarters or years; "periods" where a span of months stands among single ones, or without a grain. */
function periodsNoun(chart: ChartData, drawn: Datum[]): string {
  const grain = chart.table.grain;
  const counted = grain === 'day' || grain === 'quarter' || grain === 'year' || (grain === 'month' && !drawn.some((d) => d.span || d.period.from !== d.period.to));
  return counted ? grainNoun(grain, drawn.length) : drawn.length === 1 ? 'period' : 'periods';
}

function byWhat(chart: ChartData): string {
  if (!chart.series || chart.series === 'measure') return '';
  const count = new Set(chart.data.map((d) => d.series)).size;
  return `, ${count} ${chart.series === 'year' ? (count === 1 ? 'year' : 'years') : `${chart.series} series`}`;
}

function spanOf(chart: ChartData, drawn: Datum[]): string {
  if (drawn.length === 0) return '';
  if (chart.xKind === 'category') {
    const count = new Set(drawn.map((d) => d.label)).size;
    const periods = [...new Set(drawn.map((d) => d.period.id))];
    // A table without periods has no period to name.
    const period = periods.length === 1 ? periodLabel(drawn[0].period) : '';
    return `, ${count} ${plural(chart.x)}${period ? `, ${period}` : ''}`;
  }
  if (chart.xKind === 'month') return ', by month of the year';
  // A number column along x has no span of time to name.
  if (chart.xKind === 'number') return '';
  const sorted = [...drawn].sort((a, b) => (a.x as Date).getTime() - (b.x as Date).getTime());
  return `, ${sorted[0].label} to ${sorted.at(-1)!.label}`;
}

function listed(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function plural(word: string): string {
  return /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
}

function groupBySeries(data: Datum[]): { name: string; data: Datum[] }[] {
  const groups = new Map<string, Datum[]>();
  for (const d of data) {
    const group = groups.get(d.series);
    if (group) group.push(d);
    else groups.set(d.series, [d]);
  }
  return [...groups].map(([name, rows]) => ({ name, data: rows }));
}

function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
