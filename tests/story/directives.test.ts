import { describe, expect, test } from 'vitest';
import { checkEdited, checkMini, edit } from '../fixtures/mini.ts';

const FIRST = 'content/mini/01-first.md';
const SECOND = 'content/mini/02-second.md';
const INDEX = 'content/mini/index.md';

const problemsOf = checkEdited;

describe('remarkFacts()', () => {
  test('reports an unknown table, suggesting the nearest key', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at', 'key=montly.exports at')).toEqual([
      `${FIRST}:10:26  unknown dataset key "montly.exports" — did you mean "monthly.exports"?`,
    ]);
    expect(problemsOf(FIRST, 'key=monthly.exports at', 'key=weekly.sales at')).toEqual([
      `${FIRST}:10:26  unknown table "weekly" in dataset key "weekly.sales" — tables in trade: monthly, ytd, partners`,
    ]);
  });

  test('reports an unknown key with a did-you-mean over every key, derived ones included', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports_yoy', 'key=monthly.export_yoy')).toEqual([
      `${FIRST}:10:80  unknown dataset key "monthly.export_yoy" — did you mean "monthly.exports_yoy"?`,
    ]);
    expect(problemsOf(FIRST, 'key=monthly.exports at', 'key=monthly.surplus at')).toEqual([
      `${FIRST}:10:26  unknown dataset key "monthly.surplus" — measures of monthly: exports, imports, balance, exports_yoy`,
    ]);
  });

  test('reports a period outside the data with the range it covers', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at=2025-03', 'key=monthly.exports at=2025-12')).toEqual([
      `${FIRST}:10:26  no monthly.exports for 2025-12 — monthly runs from 2024-01 to 2025-04; state a period inside it, or add the month to data/trade/monthly.csv`,
    ]);
  });

  test('reports a period inside the data that has no row', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at=2025-03', 'key=monthly.exports at=2024-06')).toEqual([
      `${FIRST}:10:26  no monthly.exports for 2024-06 — data/trade/monthly.csv has no row for 2024-06; monthly runs from 2024-01 to 2025-04`,
    ]);
  });

  test('reports a period whose value the source does not give', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at=2025-03', 'key=monthly.imports at=2025-04')).toEqual([
      `${FIRST}:10:26  monthly.imports has no value for 2025-04 — the source gives no figure there; state another period or leave the figure out`,
    ]);
  });

  test('reports a malformed period', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at=2025-03', 'key=monthly.exports at=March')).toEqual([
      `${FIRST}:10:26  malformed period at="March" — write 2007 for a year, 2024-Q3 for a quarter, 2025-03 for a month, 2025-01/02 for a span of months or 2015-06-30 for a day`,
    ]);
  });

  test('finds a year-to-date total by its last month', () => {
    expect(problemsOf(INDEX, 'US$17 billion', 'US$17 billion')).toEqual([]);
    expect(problemsOf(INDEX, 'at=2025-03', 'at=2025-02')).toEqual([
      `${INDEX}:9:33  fact "US$17 billion" does not match ytd.balance at 2025-02: the text says US$17 billion, the data gives US$11 billion — did you mean at=2025-03? ytd.balance gives "US$17 billion" there; if at=2025-02 is right, the text should read "US$11 billion"`,
    ]);
  });

  test('reports a category value that is not in the table', () => {
    expect(problemsOf(SECOND, 'partner="United States"', 'partner="United Sates"')).toEqual([
      `${SECOND}:10:36  no partner "United Sates" in partners — did you mean "United States"?`,
    ]);
  });

  test('reports a :fact whose text has no number', () => {
    expect(problemsOf(SECOND, ':fact[US$4.5 billion]', ':fact[a lot]')).toEqual([
      `${SECOND}:10:36  fact "a lot" states no number — put the figure itself inside the brackets, e.g. :fact[US$111.68 billion]{…}`,
    ]);
  });

  test('reports a :fact that disagrees, with both figures written alike', () => {
    expect(problemsOf(FIRST, 'up 25 per cent', 'up 52 per cent')).toEqual([
      `${FIRST}:10:80  fact "up 52 per cent" does not match monthly.exports_yoy at 2025-03: the text says up 52 per cent, the data gives up 25 per cent — correct the text to "up 25 per cent", or check the key and period`,
    ]);
    expect(problemsOf(FIRST, 'up 25 per cent', 'down 25 per cent')).toEqual([
      `${FIRST}:10:80  fact "down 25 per cent" does not match monthly.exports_yoy at 2025-03: the text says −25, the data gives +25 — the data moved the other way: correct the direction word or sign, or check the key and period`,
    ]);
    expect(problemsOf(SECOND, 'US$4.5 billion', 'US$4,500 million')).toEqual([]);
  });

  test('reports a :fact in a unit of another kind', () => {
    expect(problemsOf(SECOND, 'US$4.5 billion', '4.5 per cent')).toEqual([
      `${SECOND}:10:36  fact "4.5 per cent" states a percentage but the data is in US$ billion — check the key: partners.exports at 2025-03 (partner=United States) is a measure of another kind`,
    ]);
  });

  test('reports a :value with an unknown format, listing the formats', () => {
    expect(problemsOf(FIRST, 'format=usd_bn', 'format=usd_bln')).toEqual([
      `${FIRST}:10:26  invalid format: usd_bln (expected usd_bn, usd_tn, pct, pct_signed, pp, tonnes, mt, number, signed) — did you mean "usd_bn"?`,
    ]);
  });

  test('reports an unknown attribute, with the one it was meant to be', () => {
    expect(problemsOf(FIRST, 'format=usd_bn', 'formt=usd_bn')).toEqual([
      `${FIRST}:10:26  unknown attribute "formt" on :value — did you mean "format"?`,
    ]);
    expect(problemsOf(SECOND, 'partner="United States"', 'country="United States"')).toEqual([
      `${SECOND}:10:36  unknown attribute "country" on :fact — use one of key, at, claim, since, than, from, offchart, unverified, partner`,
    ]);
  });

  test('reports a directive without key or period', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports at=2025-03 ', 'at=2025-03 ')).toEqual([
      `${FIRST}:10:26  :value needs a key — add {key=table.measure at=YYYY-MM}`,
    ]);
    expect(problemsOf(FIRST, ' at=2025-03}', '}')).toEqual([
      `${FIRST}:10:80  :fact needs a period — add at=2025-04 to {key=monthly.exports_yoy …}`,
    ]);
  });

  test('reports a misspelt directive, and leaves text that only looks like one', () => {
    expect(problemsOf(FIRST, ':value{', ':valeu{')).toEqual([
      `${FIRST}:10:26  unknown directive ":valeu" — did you mean ":value"?`,
    ]);
    expect(problemsOf(FIRST, 'In March', 'At 10:30 in March')).toEqual([]);
  });

  test('does not blame the story for rows a faulty CSV lost', () => {
    expect(checkMini(edit('data/trade/partners.csv', '2025-03,United States,4.5', '2025-03,United States,4.5,extra'))).toEqual([
      'data/trade/partners.csv:2:1  too many cells: 4 where the header has 3 — quote any cell that contains a comma, and check for a missing or extra comma',
    ]);
  });
});

describe('remarkFacts() with careless directives', () => {
  test('reports an attribute block that does not parse, instead of "needs a key"', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports_yoy at=2025-03}', 'key=monthly.exports_yoy at=}')).toEqual([
      `${FIRST}:10:80  malformed attributes {key=monthly.exports_yoy at=} on :fact — write name=value pairs separated by spaces; quote a value with spaces or an empty one: destination="United States"`,
    ]);
    expect(problemsOf(FIRST, 'format=usd_bn}', 'format=}')).toEqual([
      `${FIRST}:10:26  malformed attributes {key=monthly.exports at=2025-03 format=} on :value — write name=value pairs separated by spaces; quote a value with spaces or an empty one: destination="United States"`,
    ]);
  });

  test('reports an attribute given twice, of which remark would keep the last', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports_yoy at=2025-03}', 'key=monthly.exports_yoy at=2024-03 at=2025-03}')).toEqual([
      `${FIRST}:10:80  attribute "at" given twice on :fact — keep one at=…: only the last would count`,
    ]);
    // A quoted value that merely contains "at=" is not a second attribute.
    expect(problemsOf(SECOND, 'partner="United States"', 'partner="United States" note="at=x"')).toEqual([
      `${SECOND}:10:36  unknown attribute "note" on :fact — use one of key, at, claim, since, than, from, offchart, unverified, partner`,
    ]);
  });

  test('reports words in the brackets of a :value, which would be dropped', () => {
    expect(problemsOf(FIRST, ':value{', ':value[US$15 billion]{')).toEqual([
      `${FIRST}:10:26  :value takes no text in brackets: "US$15 billion" — it prints the figure from the data; to check words of your own, write :fact[…]{…}`,
    ]);
  });

  test('reports a directive inside a :fact, which would go unchecked', () => {
    expect(problemsOf(FIRST, ':fact[up 25 per cent]', ':fact[up 25 per cent, to :value{key=monthly.exports at=2025-03}]')).toEqual([
      `${FIRST}:10:80  fact "up 25 per cent, to " contains a directive — a :fact states its figure in plain words; put any :value outside the brackets`,
    ]);
  });

  test('refuses format and digits on a :fact, which prints the words as written', () => {
    expect(problemsOf(FIRST, 'key=monthly.exports_yoy at=2025-03}', 'key=monthly.exports_yoy at=2025-03 digits=2}')).toEqual([
      `${FIRST}:10:80  unknown attribute "digits" on :fact — use one of key, at, claim, since, than, from, offchart, unverified`,
    ]);
  });

  test.each(['" "', '0x2', '1e0', '-1'])('refuses digits=%s, which Number() would read as a count', (digits) => {
    expect(problemsOf(FIRST, 'format=usd_bn}', `format=usd_bn digits=${digits}}`)).toEqual([
      `${FIRST}:10:26  invalid digits: ${digits === '" "' ? ' ' : digits} — write a whole number from 0 to 6`,
    ]);
  });

  test('refuses a fact written with more decimals than any published figure', () => {
    expect(problemsOf(FIRST, 'up 25 per cent', `up 25.${'0'.repeat(120)} per cent`)).toEqual([
      `${FIRST}:10:80  fact "up 25.${'0'.repeat(120)} per cent" gives 120 decimals — write at most 6, as published`,
    ]);
  });
});
