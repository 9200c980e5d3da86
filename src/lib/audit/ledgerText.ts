import type { LedgerEntry } from './ledger.ts';
import { parsePeriod, periodLabelLong } from '../period.ts';
import { derivedOp } from '../data/ops/registry.ts';

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

/**
 * How a change that a fact works out (`from=`) reads in words; a dataset's
 * derived measures say it themselves (ops/, `words`).
 */
const FACT_OPS: Record<string, (d: Derived) => string> = {
  change_from: (d) => `the difference in ${d.ofLabel} from ${since(d)}`,
  pct_from: (d) => `the change in ${d.ofLabel}, in per cent, from ${since(d)}`,
  times_from: (d) => `${d.ofLabel} as a multiple of its value in ${since(d)}`,
};

/** The period a change runs from, in words, and the value there: "October 2007 (707)". */
function since(d: Derived): string {
  const period = d.from === undefined ? undefined : parsePeriod(d.from);
  return `${period ? periodLabelLong(period) : d.from}${d.fromValue === undefined ? '' : ` (${d.fromValue})`}`;
}

function howComputed(d: Derived): string {
  const words = derivedOp(d.op)?.words ?? FACT_OPS[d.op];
  return words ? words(d) : `${d.op} of ${d.ofLabel}`;
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
    computed: derived ? `Computed by us: ${howComputed(derived)}.` : '',
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
