/**
 * Chart and text agree: checks that what a step's sentence says is what its
 * chart shows. Each finding is a warning (the page still builds) with a code
 * an editor can accept for one section (`accept: [code]`), except a label
 * that calls an averaged mark a total, which is an error: it states a wrong
 * figure on the chart itself.
 *
 * Pure: reads a loaded story (its sections, charts and fact records) and
 * returns problems; it never draws.
 */
import type { Problem, Position } from '../problems.ts';
import type { ChartData, Datum } from '../charts/chartData.ts';
import { annotatedDatum, shownDigits } from '../charts/chartData.ts';
import { formatShort, ownDigits } from '../format.ts';
import { startsAtZero } from '../charts/frame.ts';
import { kindOf } from '../charts/kinds/registry.ts';
import type { FactRecord } from '../audit/factRecord.ts';
import type { Row } from '../data/model.ts';
import type { AgreementCode } from './agreementCodes.ts';

/** Fewer places than this on a choropleth: land area, not the data, decides what is seen. */
export const FEW_PLACES = 10;

/** Words that call a mark a sum. */
const TOTAL_WORDS = /\b(combined|total|totals|together|altogether|in all|cumulative)\b/i;

/** A chart fault at a field under `chart:` (as chartData reports them). */
export interface ChartFinding {
  field: string;
  message: string;
  hint?: string;
  /** Set for a warning: the code a section's `accept:` names to silence it. */
  code?: AgreementCode;
}

/**
 * What one chart's own fields get wrong: a note that calls a span drawn at
 * its monthly average a total (an error), and forms a graphics desk would
 * redraw (warnings).
 */
export function chartFindings(chart: ChartData): ChartFinding[] {
  const found: ChartFinding[] = [];
  (chart.spec.annotations ?? []).forEach((spec, i) => {
    const datum = spec.at === undefined ? undefined : annotatedDatum(chart.data, spec);
    if (datum?.span && TOTAL_WORDS.test(spec.text)) {
      const word = TOTAL_WORDS.exec(spec.text)![0];
      const show = (v: number, digits: number) => formatShort(v, chart.unit, digits, chart.locale);
      found.push({
        field: `annotations.${i}.text`,
        message: `note "${spec.text}" says "${word}" on a mark drawn at its average per month (${datum.label} is drawn at ${show(datum.y!, shownDigits(datum))}; the ${datum.span.months} months' total is ${show(datum.span.total, ownDigits(datum.span.total, 2))})`,
        hint: `write what the mark shows, e.g. "${datum.label}, monthly average"; the total stands in the data table, and the text may state it with a :fact`,
      });
    }
  });
  const drawn = chart.data.filter((d) => d.y !== null);
  if (chart.kind.shades) {
    const places = new Set(drawn.map((d) => String(d.x)));
    if (places.size > 0 && places.size < FEW_PLACES) {
      found.push({ field: 'type', code: 'few-places', message: `a map of ${places.size} place${places.size === 1 ? '' : 's'}: their land area, not their values, decides what a reader sees`, hint: 'draw sorted bars (type: barX) or dots instead, or accept it with accept: [few-places] in this section' });
    }
  }
  if (drawn.length === 2 && !chart.spec.facet) {
    found.push({ field: 'data', code: 'two-values', message: 'a chart of two values', hint: 'say the two figures in the text and give this step no chart (or a chart of more), or accept it with accept: [two-values]' });
  }
  return found;
}

/** What the story-level checks need of a section. */
export interface SectionView {
  file: string;
  shows: number;
  /** Where its chart: (or state:) block starts; the section's first line otherwise. */
  chartAt?: Position;
  /** Warning codes the section accepts. */
  accept: readonly string[];
  /** True when this section names its own chart (not a state of the one before). */
  ownChart: boolean;
}

/**
 * Warnings over a whole story: figures that are not on their step's chart,
 * a measure redrawn on another baseline from one step to the next, and one
 * figure rounded two ways. `charts` is the story's chart list (a section's
 * `shows` indexes it); `facts` every :fact and :value in reading order.
 */
export function storyFindings(sections: readonly SectionView[], charts: readonly { id: string; chart: ChartData; section: { file: string } }[], facts: readonly FactRecord[]): Problem[] {
  const found: Problem[] = [];
  const warn = (section: SectionView | undefined, file: string, at: Position, code: AgreementCode, message: string, hint: string) => {
    if (section?.accept.includes(code)) return;
    found.push({ file, line: at.line, column: at.column, message, hint, code, warning: true });
  };
  const bySection = new Map(sections.map((s) => [s.file, s]));

  for (const fact of facts) {
    const section = bySection.get(fact.file);
    if (!section || !fact.data || !fact.key || fact.offchart || charts.length === 0) continue;
    const shown = charts[section.shows];
    if (!shown || drawsFigure(shown.chart, fact)) continue;
    const elsewhere = charts.find((c) => drawsFigure(c.chart, fact));
    const what = `${fact.key}${fact.at ? ` at ${fact.at}` : ''}${Object.keys(fact.filters).length ? ` (${Object.entries(fact.filters).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`;
    warn(
      section,
      fact.file,
      fact,
      'off-chart',
      `"${fact.text}" (${what}) is not on the chart shown with this step ("${shown.chart.spec.title}")`,
      elsewhere
        ? `the chart of ${elsewhere.section.file} draws it: move the sentence to that step, draw the figure here too (a state: that adds it), or mark it offchart: {… offchart}`
        : 'draw it on this step\'s chart (a state: with its data, period or category), or mark it as context the chart does not show: {… offchart}',
    );
  }

  for (let i = 1; i < sections.length; i++) {
    const before = charts[sections[i - 1].shows];
    const now = charts[sections[i].shows];
    const section = sections[i];
    if (!before || !now || before === now || !section.ownChart) continue;
    const shared = now.chart.keys.filter((k) => before.chart.keys.includes(k));
    if (shared.length === 0) continue;
    const at = section.chartAt ?? { line: 1, column: 1 };
    const measure = now.chart.measures.find((m) => shared.some((k) => k.endsWith(`.${m.name}`)))?.label ?? shared[0];
    const kind = (c: ChartData) => kindOf(c.type).family ?? c.type;
    const changes: string[] = [];
    if (kind(before.chart) !== kind(now.chart)) changes.push(`from ${kind(before.chart)} to ${kind(now.chart)}`);
    const zeroBefore = startsAtZero(before.chart);
    const zeroNow = startsAtZero(now.chart);
    if (zeroBefore !== zeroNow) changes.push(zeroBefore ? 'from a zero baseline to a cut-off one' : 'from a cut-off baseline to zero');
    const zoomed = now.chart.spec.from !== undefined || now.chart.spec.to !== undefined;
    if (changes.length && !zoomed) {
      warn(section, section.file, at, 'baseline', `${measure} is redrawn ${changes.join(' and ')} after the step before: a reader sees a jump the data does not make`, 'keep the step before\'s kind and baseline (zero: true), zoom on purpose with from:/to:, or accept it with accept: [baseline]');
    }
  }

  // One figure, one rounding: the same value written with other decimals in the text or on a chart label.
  const seen = new Map<string, { fact: FactRecord; decimals: number }>();
  for (const fact of facts) {
    if (!fact.data || fact.data.rounding.scale !== 1 || !fact.key) continue;
    const id = figureId(fact.key, fact.data.row);
    const decimals = fact.data.rounding.decimals;
    const section = bySection.get(fact.file);
    const first = seen.get(id);
    if (first && first.decimals !== decimals) {
      warn(section, fact.file, fact, 'rounding', `"${fact.text}" gives ${decimals} decimal${decimals === 1 ? '' : 's'} where ${first.fact.file}:${first.fact.line} gives ${first.decimals} for the same figure`, `round the figure the same way in both places (or accept it with accept: [rounding])`);
      continue;
    }
    if (!first) seen.set(id, { fact, decimals });
    const shown = section ? charts[section.shows] : undefined;
    const labelled = shown && labelledDatum(shown.chart, fact);
    if (labelled && shownDigits(labelled) !== decimals) {
      const digits = shownDigits(labelled);
      warn(section, fact.file, fact, 'rounding', `"${fact.text}" gives ${decimals} decimal${decimals === 1 ? '' : 's'} where the chart's label gives ${digits}`, 'write the figure as the chart labels it, or turn the label off (values: none)');
    }
  }
  return found;
}

/** True when the chart draws (or annotates) the row the fact was checked against, for its key. */
function drawsFigure(chart: ChartData, fact: FactRecord): boolean {
  if (!fact.data || !fact.key) return false;
  const row = fact.data.row;
  return chart.data.some((d) => d.key === fact.key && d.row !== undefined && sameRow(d.row, row));
}

/** The highlighted datum whose value the chart writes beside it, for the fact's figure. */
function labelledDatum(chart: ChartData, fact: FactRecord): Datum | undefined {
  const which = chart.spec.values ?? 'highlighted';
  if (which === 'none' || !fact.data) return undefined;
  return chart.data.find((d) => d.y !== null && !d.span && d.key === fact.key && d.row !== undefined && sameRow(d.row, fact.data!.row) && (which === 'all' || (d.highlight && !chart.highlightsSeries)));
}

function sameRow(a: Row, b: Row): boolean {
  if (a === b) return true;
  if (a.period.id !== b.period.id) return false;
  const keys = new Set([...Object.keys(a.categories), ...Object.keys(b.categories)]);
  for (const k of keys) if (a.categories[k] !== b.categories[k]) return false;
  return true;
}

function figureId(key: string, row: Row): string {
  return `${key}@${row.period.id}@${Object.entries(row.categories).sort().map(([k, v]) => `${k}=${v}`).join('&')}`;
}

