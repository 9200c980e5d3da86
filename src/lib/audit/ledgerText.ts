import type { LedgerEntry } from './ledger.ts';
import { parsePeriod, periodLabelLong } from '../period.ts';

/** What the page's "How we checked these numbers" list says of one entry. */
export interface EntryText {
  /** The figure as the reader met it. */
  figure: string;
  /** What it measures, and for which period and categories. */
  measure: string;
  /** The data's value, written with all its digits. */
  data: string;
  /** How the build arrived at the value when it computed it; '' when read from the data. */
  computed: string;
  /** The source link's text: the site the row cites; '' when it cites none. */
  source: string;
  /** Who published the figure. */
  publisher: string;
}

type Derived = NonNullable<LedgerEntry['derived']>;

/** How each derivation reads in words, with the measure's label: "the change in Exports on a year earlier". */
const OPS: Record<string, (d: Derived) => string> = {
  yoy: (d) => `the change in ${d.ofLabel} on a year earlier`,
  mom: (d) => `the change in ${d.ofLabel} on the previous period`,
  change: (d) => `the difference in ${d.ofLabel} from the previous period`,
  change_yoy: (d) => `the difference in ${d.ofLabel} from a year earlier`,
  ytd: (d) => `the running sum of ${d.ofLabel} since January`,
  rolling12: (d) => `the sum of ${d.ofLabel} over the last twelve months`,
  diff: (d) => `${d.ofLabel} minus ${d.minusLabel ?? d.minus}`,
  share: (d) => `the share of ${d.ofLabel} in the total`,
  index: (d) => `${d.ofLabel} as an index`,
  rank: (d) => `the rank by ${d.ofLabel}`,
  sum: (d) => `the total of ${d.ofLabel} over ${over(d)}`,
  mean: (d) => `the average of ${d.ofLabel} over ${over(d)}`,
  last: (d) => `${d.ofLabel} at the end of ${over(d)}`,
  change_from: (d) => `the difference in ${d.ofLabel} from ${since(d)}`,
  pct_from: (d) => `the change in ${d.ofLabel}, in per cent, from ${since(d)}`,
  times_from: (d) => `${d.ofLabel} as a multiple of its value in ${since(d)}`,
};

/** What a gathered measure runs over: "the year", "the decade", "the whole table" (to: all). */
function over(d: Derived): string {
  return d.to === 'all' ? 'the whole table' : `the ${d.to ?? 'period'}`;
}

/** The period a change runs from, in words, and the value there: "October 2007 (707)". */
function since(d: Derived): string {
  const period = d.from === undefined ? undefined : parsePeriod(d.from);
  return `${period ? periodLabelLong(period) : d.from}${d.fromValue === undefined ? '' : ` (${d.fromValue})`}`;
}

/** The reader-facing words for one ledger entry. */
export function entryText(entry: LedgerEntry): EntryText {
  const period = entry.period === null ? undefined : parsePeriod(entry.period);
  const filters = Object.values(entry.filters).map(humanise);
  // A table without periods names its row by its categories alone.
  const when = period ? periodLabelLong(period) : entry.period ?? undefined;
  const { derived } = entry;
  return {
    figure: entry.text,
    measure: [entry.measureLabel, ...filters, ...(when ? [when] : [])].join(', '),
    data: entry.valueText,
    computed: derived ? `Computed by us: ${(OPS[derived.op] ?? ((d: Derived) => `${d.op} of ${d.ofLabel}`))(derived)}.` : '',
    source: entry.source.url ? host(entry.source.url) : '',
    publisher: entry.source.publisher,
  };
}

/** `rare_earths` → `rare earths`; other category values stay as written. */
function humanise(value: string): string {
  return value.replaceAll('_', ' ');
}

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
