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

const OPS: Record<string, string> = {
  yoy: 'change on a year earlier',
  mom: 'change on the previous month',
  ytd: 'running sum since January',
  rolling12: 'sum of the last twelve months',
  diff: 'difference',
};

/** The reader-facing words for one ledger entry. */
export function entryText(entry: LedgerEntry): EntryText {
  const period = parsePeriod(entry.period);
  const filters = Object.values(entry.filters).map(humanise);
  const when = period ? periodLabelLong(period) : entry.period;
  const { derived } = entry;
  return {
    figure: entry.text,
    measure: [entry.measureLabel, ...filters, when].join(', '),
    data: entry.valueText,
    computed: derived
      ? `Computed by us from ${derived.minusLabel ? `${derived.ofLabel} and ${derived.minusLabel}` : derived.ofLabel} (${OPS[derived.op] ?? derived.op}).`
      : '',
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
