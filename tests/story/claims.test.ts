import { describe, expect, test } from 'vitest';
import { checkClaim, CLAIMS, type ClaimRequest, type SeriesPoint } from '../../src/lib/story/claims.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { checkEdited } from '../fixtures/mini.ts';

const FIRST = 'content/mini/01-first.md';
const FACT = ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}';

/** A monthly series from [period, value] pairs. */
function series(...points: [string, number | null][]): SeriesPoint[] {
  return points.map(([id, value]) => ({ period: parsePeriod(id)!, value }));
}

const GROWTH = series(['2024-09', -2], ['2024-10', 3], ['2024-11', 4], ['2024-12', 1.5], ['2025-01', 6], ['2025-02', -1.1], ['2025-03', 5.9]);
const show = (v: number) => v.toFixed(1);

function check(request: ClaimRequest, at: string, data = GROWTH) {
  const period = parsePeriod(at)!;
  const value = data.find((p) => p.period.id === at)!.value!;
  return checkClaim(request, period, value, data, show);
}

describe('checkClaim()', () => {
  test('max holds for the highest value so far, and names the period that beats it otherwise', () => {
    expect(check({ claim: 'max' }, '2025-01')).toEqual({ ok: true });
    expect(check({ claim: 'record' }, '2024-11')).toEqual({ ok: true });
    const beaten = check({ claim: 'max' }, '2025-03');
    expect(beaten).toMatchObject({ ok: false, hint: '2025-01 was higher (6.0)' });
  });

  test('max refuses the first period of a series, which beats nothing', () => {
    expect(check({ claim: 'max' }, '2024-09')).toMatchObject({ ok: false, hint: expect.stringContaining('first period') });
  });

  test('min and record-low look for the lowest value so far', () => {
    expect(check({ claim: 'min' }, '2024-10')).toMatchObject({ ok: false, hint: '2024-09 was lower (-2.0)' });
    expect(check({ claim: 'record-low' }, '2025-02')).toMatchObject({ ok: false, hint: '2024-09 was lower (-2.0)' });
  });

  test('first-fall: negative after a positive figure, or after positives all the way back to since=', () => {
    expect(check({ claim: 'first-fall' }, '2025-02')).toEqual({ ok: true });
    expect(check({ claim: 'first-fall', since: '2024-09' }, '2025-02')).toEqual({ ok: true });
    expect(check({ claim: 'first-fall' }, '2025-03')).toMatchObject({ ok: false, hint: 'the figure at 2025-03 is not negative (5.9)' });
    // since= that is not the last fall: October was a rise, so "since October" misstates the run.
    expect(check({ claim: 'first-fall', since: '2024-10' }, '2025-02')).toMatchObject({ ok: false, hint: expect.stringContaining('2024-10 was not negative') });
    const twice = series(['2025-01', 2], ['2025-02', -1], ['2025-03', -3]);
    expect(check({ claim: 'first-fall' }, '2025-03', twice)).toMatchObject({ ok: false, hint: '2025-02 was already negative (-1.0)' });
  });

  test('a tie is not a record: record and record-low refuse it and name claim=equalled, which holds only for a tie', () => {
    const heat = series(['2015-07-30', 34.4], ['2015-08-01', 30.1], ['2016-06-05', 34.4]);
    expect(check({ claim: 'record' }, '2016-06-05', heat)).toMatchObject({
      ok: false,
      hint: '2015-07-30 was the same (34.4): a tie is not a record — write that the figure equalled it, with claim=equalled',
    });
    expect(check({ claim: 'equalled' }, '2016-06-05', heat)).toEqual({ ok: true });
    expect(check({ claim: 'equalled' }, '2015-08-01', heat)).toMatchObject({ ok: false, hint: '2015-07-30 was higher (34.4)' });
    const cold = series(['2024-01', -3], ['2024-02', 1], ['2024-03', -3]);
    expect(check({ claim: 'record-low' }, '2024-03', cold)).toMatchObject({ ok: false, hint: expect.stringContaining('a tie is not a record low') });
    expect(check({ claim: 'equalled-low' }, '2024-03', cold)).toEqual({ ok: true });
    expect(check({ claim: 'equalled' }, '2024-02', cold)).toMatchObject({ ok: false, hint: expect.stringContaining('so it is a record (claim=record)') });
  });

  test('first-fall and first-rise across a gap are refused, naming the missing periods', () => {
    const gap = series(['2024-10', 3], ['2024-11', null], ['2024-12', -1]);
    expect(check({ claim: 'first-fall' }, '2024-12', gap)).toMatchObject({ ok: false, hint: expect.stringMatching(/^there is no figure for 2024-11, so the data cannot show the claim/) });
    const missingRows = series(['2024-08', -2], ['2024-09', 3], ['2025-01', -1]);
    expect(check({ claim: 'first-fall' }, '2025-01', missingRows)).toMatchObject({ ok: false, hint: expect.stringContaining('no figure for 2024-10 to 2024-12') });
    expect(check({ claim: 'first-rise' }, '2024-09', missingRows)).toEqual({ ok: true });
    const inRun = series(['2024-01', -1], ['2024-02', 2], ['2024-04', 1], ['2024-05', -2]);
    expect(check({ claim: 'first-fall', since: '2024-01' }, '2024-05', inRun)).toMatchObject({ ok: false, hint: expect.stringContaining('no figure for 2024-03') });
    const levels = series(['2024-01', 9], ['2024-02', null], ['2024-03', 5], ['2024-04', 7]);
    expect(check({ claim: 'highest-since', since: '2024-01' }, '2024-04', levels)).toMatchObject({ ok: false, hint: expect.stringContaining('no figure for 2024-02') });
    // A span that runs into the next month is no gap.
    const spans = series(['2025-01/02', 4], ['2025-03', -1]);
    expect(check({ claim: 'first-fall' }, '2025-03', spans)).toEqual({ ok: true });
  });

  test('first-rise mirrors first-fall', () => {
    expect(check({ claim: 'first-rise' }, '2024-10')).toEqual({ ok: true });
    expect(check({ claim: 'first-rise' }, '2024-11')).toMatchObject({ ok: false, hint: '2024-10 was already positive (3.0)' });
  });

  test('highest-since: above every figure after since=, and not above the one at since=', () => {
    const levels = series(['2024-01', 9], ['2024-02', 4], ['2024-03', 5], ['2024-04', 7]);
    expect(check({ claim: 'highest-since', since: '2024-01' }, '2024-04', levels)).toEqual({ ok: true });
    expect(check({ claim: 'highest-since', since: '2024-02' }, '2024-04', levels)).toMatchObject({ ok: false, hint: expect.stringContaining('2024-02 was lower (4.0)') });
    const dip = series(['2024-01', 9], ['2024-02', 8], ['2024-03', 5], ['2024-04', 7]);
    expect(check({ claim: 'highest-since', since: '2024-01' }, '2024-04', dip)).toMatchObject({ ok: false, hint: '2024-02 was as high or higher (8.0)' });
    const trough = series(['2024-01', 3], ['2024-02', 8], ['2024-03', 5]);
    expect(check({ claim: 'lowest-since', since: '2024-01' }, '2024-03', trough)).toEqual({ ok: true });
    expect(check({ claim: 'lowest-since', since: '2024-01' }, '2024-03', dip)).toMatchObject({ ok: false, hint: expect.stringContaining('2024-01 was higher (9.0)') });
  });

  test('comparisons with than=: more-than, less-than, doubled, halved', () => {
    const levels = series(['2024-01', 4], ['2024-02', 8.5], ['2024-03', 2]);
    expect(check({ claim: 'doubled', than: '2024-01' }, '2024-02', levels)).toEqual({ ok: true });
    expect(check({ claim: 'more-than', than: '2024-01' }, '2024-02', levels)).toEqual({ ok: true });
    expect(check({ claim: 'halved', than: '2024-01' }, '2024-03', levels)).toEqual({ ok: true });
    expect(check({ claim: 'doubled', than: '2024-02' }, '2024-03', levels)).toMatchObject({ ok: false, hint: '2024-02 was 8.5: twice that is 17.0' });
    expect(check({ claim: 'less-than', than: '2024-03' }, '2024-03', levels)).toMatchObject({ ok: false, message: 'than=2024-03 is not before the fact\'s period 2024-03' });
  });

  test('refuses a missing, stray or unusable comparison period', () => {
    expect(check({ claim: 'doubled' }, '2025-01')).toMatchObject({ ok: false, message: 'claim=doubled needs than=' });
    expect(check({ claim: 'max', since: '2024-10' }, '2025-01')).toMatchObject({ ok: false, message: 'claim=max takes no since=' });
    expect(check({ claim: 'more-than', than: 'last year' }, '2025-01')).toMatchObject({ ok: false, message: 'malformed period than="last year"' });
    expect(check({ claim: 'more-than', than: '2023-05' }, '2025-01')).toMatchObject({ ok: false, message: 'no figure at 2023-05 to compare with' });
  });

  test('highest and lowest look at the whole series, later periods included', () => {
    expect(check({ claim: 'highest' }, '2025-01')).toEqual({ ok: true });
    expect(check({ claim: 'highest' }, '2024-11')).toMatchObject({ ok: false, hint: '2025-01 was higher (6.0)' });
    expect(check({ claim: 'lowest' }, '2024-09')).toEqual({ ok: true });
  });

  test('every claim has a meaning the guide can print', () => {
    expect(CLAIMS.length).toBeGreaterThanOrEqual(10);
  });
});

describe(':fact with claim=, checked by npm run check', () => {
  test('a claim the data bears out passes', () => {
    expect(checkEdited(FIRST, FACT, ':fact[US$15 billion]{key=monthly.exports at=2025-03 claim=record}')).toEqual([]);
  });

  test('a contradicted claim is an error at the fact, naming the period that contradicts it', () => {
    expect(checkEdited(FIRST, FACT, ':fact[US$22 billion]{key=monthly.exports at=2025-01/02 claim=max}')).toEqual([
      `${FIRST}:10:80  fact "US$22 billion": claim=max (the highest of its series up to that period) does not hold for monthly.exports at 2025-01/02 — 2024-03 was higher (US$12.0 billion)`,
    ]);
  });

  test('a span drawn at its average per month is compared at that average: a single month beats a larger two-month total', () => {
    // 2025-01/02 is US$22 billion for two months, US$11 billion a month; March's US$15 billion is the record.
    expect(checkEdited(FIRST, FACT, ':fact[US$15 billion]{key=monthly.exports at=2025-03 claim=max}')).toEqual([]);
    expect(checkEdited(FIRST, FACT, ':fact[US$16 billion]{key=monthly.exports at=2025-04 claim=more-than than=2025-01/02}')).toEqual([]);
    expect(checkEdited(FIRST, FACT, ':fact[US$12 billion]{key=monthly.exports at=2024-03 claim=record-low}')).toEqual([
      `${FIRST}:10:80  fact "US$12 billion": claim=record-low (the lowest of its series up to that period) does not hold for monthly.exports at 2024-03 — 2024-01/02 was lower (US$10.0 billion a month on average)`,
    ]);
  });

  test('an unknown claim, or since= without one, is refused with a suggestion', () => {
    expect(checkEdited(FIRST, FACT, ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03 claim=maxx}')).toEqual([
      `${FIRST}:10:80  unknown claim "maxx" on fact "up 25 per cent" — did you mean "max"?`,
    ]);
    expect(checkEdited(FIRST, FACT, ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03 since=2024-03}')).toEqual([
      `${FIRST}:10:80  since= on fact "up 25 per cent" without a claim — add claim=… (${CLAIMS.join(', ')}), or delete since=`,
    ]);
  });

  test('than="column=value" compares with another category at the same period', () => {
    const fact = (attributes: string) => checkEdited(FIRST, FACT, `:fact[US$4.5 billion]{key=partners.exports at=2025-03 partner="United States" ${attributes}}`);
    expect(fact('claim=doubled than="partner=Japan"')).toEqual([]);
    expect(fact('claim=more-than than="partner=Japan"')).toEqual([]);
    expect(fact('claim=less-than than="partner=Japan"')).toEqual([
      `${FIRST}:10:80  fact "US$4.5 billion": claim=less-than (lower than the figure at than=) does not hold for partners.exports at 2025-03 (partner=United States) — Japan was lower (US$2.3 billion)`,
    ]);
    expect(checkEdited(FIRST, FACT, ':fact[US$2.25 billion]{key=partners.exports at=2025-03 partner=Japan claim=halved than="partner=United States"}')).toEqual([]);
  });

  test('than="column=value" is refused for a claim that compares no two figures, a column that is no category, the fact\'s own category or one without a figure', () => {
    const fact = (attributes: string) => checkEdited(FIRST, FACT, `:fact[US$4.5 billion]{key=partners.exports at=2025-03 partner="United States" ${attributes}}`);
    expect(fact('claim=max than="partner=Japan"')).toEqual([
      `${FIRST}:10:80  fact "US$4.5 billion": claim=max takes no than="partner=Japan" for partners.exports at 2025-03 (partner=United States) — a category is compared with more-than, less-than, doubled, halved only`,
    ]);
    expect(fact('claim=more-than than="partnr=Japan"')).toEqual([
      `${FIRST}:10:80  fact "US$4.5 billion": than="partnr=Japan" names no category column of table partners for partners.exports at 2025-03 (partner=United States) — did you mean "partner"?`,
    ]);
    expect(fact('claim=more-than than="partner=United States"')).toEqual([
      `${FIRST}:10:80  fact "US$4.5 billion": than="partner=United States" names the fact's own partner for partners.exports at 2025-03 (partner=United States) — name another partner to compare with`,
    ]);
    expect(fact('claim=more-than than="partner=Mexico"')).toHaveLength(1);
    expect(fact('claim=more-than than="partner=Mexico"')[0]).toContain('no figure for partner=Mexico to compare with');
  });

  test('claim= on a :value is an unknown attribute there', () => {
    expect(checkEdited(FIRST, 'format=usd_bn}', 'format=usd_bn claim=max}')).toEqual([
      `${FIRST}:10:26  unknown attribute "claim" on :value — use one of key, at, format, digits, offchart, unverified`,
    ]);
  });
});
