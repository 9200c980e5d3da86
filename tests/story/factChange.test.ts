import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { renderMarkdown } from '../../src/lib/story/markdown.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { formatProblem, Problems } from '../../src/lib/problems.ts';
import type { FactRecord } from '../../src/lib/audit/factRecord.ts';
import { entryText } from '../../src/lib/audit/ledgerText.ts';
import { PROJECT } from '../helpers.ts';

/**
 * Monthly share prices, 2000–2010 (tests/fixtures/charts/data/stocks, from vega-datasets):
 * Google US$707 in October 2007, US$348.06 in March 2009; Apple US$7.07 in March 2003, US$223.02 in March 2010.
 */
const dataset = loadDataset(join(PROJECT, 'tests/fixtures/charts'), 'stocks', new Problems());
const FILE = 'content/s/01-a.md';
const GOOG = 'key=prices.price from=2007-10 at=2009-03 symbol=GOOG';
const AAPL = 'key=prices.price from=2003-03 at=2010-03 symbol=AAPL';

function check(body: string): { problems: string[]; facts: FactRecord[] } {
  const problems = new Problems();
  const facts: FactRecord[] = [];
  renderMarkdown({ file: FILE, body, bodyLine: 1, dataset, problems, facts });
  return { problems: problems.sorted().map(formatProblem), facts };
}

describe(':fact with from=: a change between two chosen periods', () => {
  test('a change in per cent, a difference in the unit and a multiple are each checked', () => {
    expect(check(`Google :fact[lost 51%]{${GOOG}}, :fact[down US$358.94]{${GOOG}}; Apple rose :fact[31.5 times]{${AAPL}}, or :fact[31.5-fold]{${AAPL}}.`).problems).toEqual([]);
  });

  test('a wrong figure is refused with the right one, and a direction word against the data', () => {
    expect(check(`Google :fact[lost 45%]{${GOOG}}.`).problems).toEqual([
      `${FILE}:1:8  fact "lost 45%" does not match the change in per cent in prices.price from 2007-10 to 2009-03 (symbol=GOOG): the text says lost 45%, the data gives lost 51% — correct the text to "lost 51%", or check the periods`,
    ]);
    expect(check(`Google :fact[gained 51%]{${GOOG}}.`).problems).toEqual([
      `${FILE}:1:8  fact "gained 51%" does not match the change in per cent in prices.price from 2007-10 to 2009-03 (symbol=GOOG): the text says +51, the data gives −51 — the data moved the other way: correct the direction word or sign, or check the periods`,
    ]);
    expect(check(`Apple rose :fact[8.6 times]{${AAPL}}.`).problems).toEqual([
      `${FILE}:1:12  fact "8.6 times" does not match the multiple in prices.price from 2003-03 to 2010-03 (symbol=AAPL): the text says 8.6 times, the data gives 31.5 times — correct the text to "31.5 times", or check the periods`,
    ]);
  });

  test('a multiple without from=, from= after at=, from= a period without a row, and from= with claim= are refused', () => {
    expect(check(':fact[8.6 times]{key=prices.price at=2010-03 symbol=AAPL}').problems).toEqual([
      `${FILE}:1:1  fact "8.6 times" states a multiple, and names no period to compare with — add from=… (the earlier period) to {key=prices.price …}: the multiple is the value at at= over the value at from=; or than="column=value" for another category at the same period`,
    ]);
    expect(check(':fact[lost 51%]{key=prices.price from=2009-03 at=2007-10 symbol=GOOG}').problems).toEqual([
      `${FILE}:1:1  fact "lost 51%": from=2009-03 is not before at=2007-10 — from= names the earlier period, at= the later one`,
    ]);
    expect(check(':fact[lost 51%]{key=prices.price from=2001-03 at=2009-03 symbol=GOOG}').problems[0]).toMatch(/^content\/s\/01-a\.md:1:1 {2}from=2001-03: no prices\.price for 2001-03 \(symbol=GOOG\)/);
    expect(check(`:fact[lost 51%]{${GOOG} claim=record}`).problems).toEqual([
      `${FILE}:1:1  fact "lost 51%" has both from= and claim= — claim= checks the figure at at=, from= a change: write them as two facts`,
    ]);
  });

  test('the ledger records the change and the period it runs from', () => {
    const [fact] = check(`Google :fact[lost 51%]{${GOOG}}.`).facts;
    expect(fact.data?.value).toBeCloseTo(-50.77, 2);
    expect(fact.data?.change).toMatchObject({ op: 'pct_from', from: '2007-10', fromValue: 707 });
    expect(fact.data?.row.period.id).toBe('2009-03');
  });
});

describe('ledger text of a change', () => {
  test('says what was computed from which period', () => {
    const derived = { op: 'pct_from', of: 'price', ofLabel: 'Price', from: '2007-10', fromValue: 707 };
    const entry = { text: 'lost 51%', period: '2009-03', filters: { symbol: 'GOOG' }, measureLabel: 'Price', valueText: '−50.8%', derived, source: { url: null, publisher: 'vega-datasets' } };
    expect(entryText(entry as never).computed).toBe('Computed by us: the change in Price, in per cent, from October 2007 (707).');
  });
});
