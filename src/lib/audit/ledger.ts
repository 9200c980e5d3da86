import type { Story } from '../story/model.ts';
import type { Table } from '../data/model.ts';
import type { FactRecord, Rounding } from './factRecord.ts';
import type { RegisteredClaim } from '../story/claimsRegister.ts';
import { defaultFormat, formatValue, ownDigits, shownFactor } from '../format.ts';
import { formatSafeCsv } from '../csvSafe.ts';
import { unverifiedOf } from '../data/provenance.ts';

/** Where a figure's row came from: its own source, else the dataset's. */
export interface LedgerSource {
  /** The row's source address, else the dataset's first source's; null only when neither names one. */
  url: string | null;
  /** Whether `url` is the row's own or stands in from dataset.yaml. */
  urlFrom: 'row' | 'dataset';
  /** `verified`, or `unverified` when the figure rests on a row the dataset does not vouch for. */
  grade: 'verified' | 'unverified';
  /** The unverified rows it rests on (`file:line`), when it is unverified. */
  unverifiedRows: string[];
  /** The outlet the text attributes an unverified figure to (`unverified="…"`); null otherwise. */
  attributedTo: string | null;
  /** Who published the row's figure: the row's publisher, else the dataset's. */
  publisher: string;
  /** Whether `publisher` is named by the row itself or stands in from dataset.yaml. */
  publisherFrom: 'row' | 'dataset';
  /** The CSV file and line of the row. */
  file: string;
  line: number;
}

/** One entry of facts.json: a :fact or :value, where it stands and what it was checked against. */
export interface LedgerEntry {
  /** `<file>:<line>:<column>`, unique within the story. */
  id: string;
  directive: 'fact' | 'value';
  text: string;
  sentence: string;
  file: string;
  line: number;
  column: number;
  /** The section's name (`trillion` for 01-trillion.md); null in index.md. */
  section: string | null;
  key: string;
  /** The period as written in `at=`, and the row's own period (2025-11 finds 2025-01/11 in a running total); null for a table without periods. */
  at: string | null;
  period: string | null;
  filters: Record<string, string>;
  value: number;
  /** The unit's name (usd_bn, or one the dataset declares), and how tables name it. */
  unit: string;
  unitLabel: string;
  /** The value written out in its unit with all its digits: `US$1,076 billion`. */
  valueText: string;
  measureLabel: string;
  /** Set when the build computes the value (a change, a running sum) rather than reading it. */
  derived: { op: string; of: string; ofLabel: string; minus?: string; minusLabel?: string; to?: string; from?: string; fromValue?: number } | null;
  rounding: Rounding;
  source: LedgerSource;
  /** Charts of the story that draw this same value (row and measure). */
  charts: { id: string; title: string }[];
  /** The word claim the fact checks, when it names one (claim=…); null otherwise. */
  claim: string | null;
}

export interface Ledger {
  story: string;
  title: string;
  dataset: string;
  published: string;
  updated: string | null;
  /** The dataset's own sources, which stand for rows that name none. */
  datasetSources: { name: string; url: string }[];
  facts: LedgerEntry[];
  /** The claims register: claims the data cannot check, each with the source or figure behind it and where it stands. */
  claims: RegisteredClaim[];
}

/** The fact ledger of a sound story: one entry per :fact and :value, in reading order. */
export function buildLedger(story: Story): Ledger {
  const { spec } = story.dataset;
  return {
    story: story.slug,
    title: story.meta.title,
    dataset: story.dataset.name,
    published: story.meta.published,
    updated: story.meta.updated ?? null,
    datasetSources: spec.sources.map((s) => ({ name: s.name, url: s.url })),
    facts: story.facts.flatMap((record) => {
      const entry = ledgerEntry(story, record);
      return entry ? [entry] : [];
    }),
    claims: story.claims,
  };
}

function ledgerEntry(story: Story, record: FactRecord): LedgerEntry | undefined {
  const { data } = record;
  if (!data || record.key === undefined) return undefined;
  const { row, measure, table } = data;
  // A table without periods is looked up by its categories alone: no at=.
  const timeless = table.grain === 'none';
  if (record.at === undefined && !timeless) return undefined;
  const { publishers } = row;
  const url = row.sources[measure.name] || row.sources[''] || '';
  const fallback = story.dataset.spec.sources[0]?.url ?? null;
  const unverified = unverifiedOf(row, measure);
  const rowPublisher = publishers[measure.name] || publishers[''] || '';
  const section = story.sections.find((s) => s.file === record.file);
  const derived = measure.derived;
  return {
    id: `${record.file}:${record.line}:${record.column}`,
    directive: record.directive,
    text: record.text,
    sentence: record.sentence,
    file: record.file,
    line: record.line,
    column: record.column,
    section: section?.id ?? null,
    key: record.key,
    at: record.at ?? null,
    period: timeless ? null : row.period.id,
    filters: record.filters,
    value: data.value,
    unit: data.unit.name,
    unitLabel: data.unit.label,
    valueText: formatValue(data.value, data.unit, defaultFormat(data.unit), ownDigits(data.value * shownFactor(data.unit), 4), undefined, story.dataset.units),
    measureLabel: measure.label,
    derived: data.change
      ? { op: data.change.op, of: measure.name, ofLabel: measure.label, from: data.change.from, fromValue: data.change.fromValue }
      : derived
      ? {
          op: derived.op,
          of: derived.of,
          ofLabel: labelOf(story, table, derived.of),
          ...(derived.minus ? { minus: derived.minus, minusLabel: labelOf(story, table, derived.minus) } : {}),
          ...(derived.to ? { to: derived.to } : {}),
        }
      : null,
    rounding: data.rounding,
    source: {
      url: url || fallback,
      urlFrom: url ? 'row' : 'dataset',
      grade: unverified.length ? 'unverified' : 'verified',
      unverifiedRows: unverified.map((s) => `${s.file}:${s.line}`),
      attributedTo: record.attributed ?? null,
      publisher: rowPublisher || story.dataset.spec.publisher,
      publisherFrom: rowPublisher ? 'row' : 'dataset',
      file: table.file,
      line: row.line,
    },
    charts: story.charts
      .filter(({ chart }) => chart.data.some((d) => d.row === row && d.measure === measure && d.y !== null))
      .map(({ id, chart }) => ({ id, title: chart.spec.title })),
    claim: record.claim ?? null,
  };
}

/** A measure's label; a total over a coarser grain finds the column it gathers in the table read from the same file. */
function labelOf(story: Story, table: Table, name: string): string {
  const own = table.measures.get(name) ?? [...story.dataset.tables.values()].find((t) => t.file === table.file)?.measures.get(name);
  return own?.label ?? name;
}

/** facts.json: the ledger, indented for people who read it in a browser. */
export function ledgerJson(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

export const LEDGER_CSV_COLUMNS = [
  'id', 'directive', 'text', 'sentence', 'file', 'line', 'column', 'section', 'key', 'at', 'period', 'filters',
  'value', 'unit', 'derived', 'decimals', 'scale', 'rounded', 'accepts_from', 'accepts_to',
  'source_url', 'publisher', 'source_grade', 'attributed_to', 'data_file', 'data_line', 'charts', 'claim',
] as const;

/** facts.csv: one line per entry, safe to open in a spreadsheet. */
export function ledgerCsv(ledger: Ledger): string {
  const rows = ledger.facts.map((f) => [
    f.id, f.directive, f.text, f.sentence, f.file, f.line, f.column, f.section, f.key, f.at, f.period,
    Object.entries(f.filters).map(([c, v]) => `${c}=${v}`).join('; '),
    f.value, f.unit,
    f.derived ? `${f.derived.op} of ${f.derived.of}${f.derived.minus ? ` minus ${f.derived.minus}` : ''}${f.derived.from ? ` ${f.derived.from}` : ''}` : '',
    f.rounding.decimals, f.rounding.scale, f.rounding.rounded, f.rounding.accepts?.[0], f.rounding.accepts?.[1],
    f.source.url, f.source.publisher, f.source.grade, f.source.attributedTo, f.source.file, f.source.line,
    f.charts.map((c) => c.id).join(' '),
    f.claim,
  ]);
  return formatSafeCsv([[...LEDGER_CSV_COLUMNS], ...rows]);
}
