import { comparePeriods, follows, nextPeriod, parsePeriod, type Period } from '../period.ts';

/**
 * Claims a `:fact` may name with `claim=`: words about a figure's place in
 * its series ("a record", "the first fall since…", "doubled") that the
 * number alone does not check. Each is checked against the other periods
 * of the same series: the same key with the same categories.
 */
export const CLAIMS = [
  'max',
  'record',
  'equalled',
  'highest',
  'lowest',
  'min',
  'record-low',
  'equalled-low',
  'highest-since',
  'lowest-since',
  'first-fall',
  'first-rise',
  'more-than',
  'less-than',
  'doubled',
  'halved',
] as const;

export type ClaimName = (typeof CLAIMS)[number];

/** What each claim asserts, for messages and the editor's guide. */
export const CLAIM_MEANINGS: Record<ClaimName, string> = {
  max: 'the highest of its series up to that period',
  record: 'the highest of its series up to that period',
  equalled: 'as high as the highest of its series before it, and no higher: a tie',
  highest: 'the highest of its whole series, before and after',
  lowest: 'the lowest of its whole series, before and after',
  min: 'the lowest of its series up to that period',
  'record-low': 'the lowest of its series up to that period',
  'equalled-low': 'as low as the lowest of its series before it, and no lower: a tie',
  'highest-since': 'higher than every period after since=, and not above the figure at since=',
  'lowest-since': 'lower than every period after since=, and not below the figure at since=',
  'first-fall': 'negative, after positive figures (since= the last negative one)',
  'first-rise': 'positive, after negative figures (since= the last positive one)',
  'more-than': 'higher than the figure at than=',
  'less-than': 'lower than the figure at than=',
  doubled: 'at least twice the figure at than=',
  halved: 'at most half the figure at than=',
};

/** Which claims need which extra attribute. */
const NEEDS: Partial<Record<ClaimName, 'since' | 'than'>> = {
  'highest-since': 'since',
  'lowest-since': 'since',
  'more-than': 'than',
  'less-than': 'than',
  doubled: 'than',
  halved: 'than',
};
/** Claims that may take since= without needing it. */
const MAY_TAKE_SINCE: ClaimName[] = ['first-fall', 'first-rise'];

export function isClaimName(name: string): name is ClaimName {
  return (CLAIMS as readonly string[]).includes(name);
}

/** One period of a series and its value (null where the source gives none). */
export interface SeriesPoint {
  period: Period;
  value: number | null;
  /** A span of months drawn (and compared) at its average per month. */
  averaged?: boolean;
}

export interface ClaimRequest {
  claim: ClaimName;
  since?: string;
  than?: string;
}

export type ClaimResult = { ok: true } | { ok: false; message: string; hint: string };

/**
 * Whether the claim holds for `value` at `at` in `series` (every period of
 * the same key and categories, in order). `show` prints a value as the
 * page would. A contradiction names the period that contradicts it.
 */
export function checkClaim(
  request: ClaimRequest,
  at: Period,
  value: number,
  series: readonly SeriesPoint[],
  show: (v: number) => string,
  /** Finds the point since=/than= names, as the fact's own `at` is found; by default the period with that id. */
  find: (period: Period) => SeriesPoint | undefined = (period) => series.find((p) => p.period.id === period.id),
): ClaimResult {
  const { claim } = request;
  const meaning = CLAIM_MEANINGS[claim];
  const fail = (hint: string): ClaimResult => ({ ok: false, message: `claim=${claim} (${meaning}) does not hold`, hint });
  const needed = NEEDS[claim];
  for (const extra of ['since', 'than'] as const) {
    if (request[extra] !== undefined && needed !== extra && !(extra === 'since' && MAY_TAKE_SINCE.includes(claim))) {
      return { ok: false, message: `claim=${claim} takes no ${extra}=`, hint: needed ? `give ${needed}=YYYY-MM instead` : `delete ${extra}=` };
    }
  }
  if (needed && request[needed] === undefined) {
    return { ok: false, message: `claim=${claim} needs ${needed}=`, hint: `name the period it is compared with: ${needed}=YYYY-MM` };
  }
  const reference = request.since ?? request.than;
  let refPeriod: Period | undefined;
  if (reference !== undefined) {
    refPeriod = parsePeriod(reference);
    const name = request.since !== undefined ? 'since' : 'than';
    if (!refPeriod) return { ok: false, message: `malformed period ${name}="${reference}"`, hint: 'write YYYY-MM, or YYYY-MM/MM for a span' };
    if (comparePeriods(refPeriod, at) >= 0) return { ok: false, message: `${name}=${reference} is not before the fact's period ${at.id}`, hint: `name an earlier period` };
  }
  const before = series.filter((p) => comparePeriods(p.period, at) < 0 && p.value !== null) as (SeriesPoint & { value: number })[];
  const refPoint = refPeriod ? find(refPeriod) : undefined;
  if (refPeriod && (!refPoint || refPoint.value === null)) {
    return { ok: false, message: `no figure at ${refPeriod.id} to compare with`, hint: 'name a period of the same series that has a value' };
  }
  // A running total found at its last month (2024-12 for 2024-01/12) is compared as the row it is.
  if (refPoint) refPeriod = refPoint.period;
  const ref = refPoint?.value ?? null;
  const after = (p: SeriesPoint) => !refPeriod || comparePeriods(p.period, refPeriod) > 0;

  const shown = (p: SeriesPoint) => `${show(p.value!)}${p.averaged ? ' a month on average' : ''}`;
  const tie = (p: SeriesPoint & { value: number }, named: string, instead: string) =>
    fail(`${p.period.id} was the same (${shown(p)}): a tie is not ${named} — write that the figure equalled it, with claim=${instead}`);

  switch (claim) {
    case 'max':
    case 'record':
    case 'min':
    case 'record-low': {
      if (before.length === 0) return fail(`${at.id} is the first period of the series: there is nothing to beat`);
      const top = claim === 'max' || claim === 'record';
      const beats = extreme(before.filter((p) => (top ? p.value > value : p.value < value)), top ? 1 : -1);
      if (beats) return fail(`${beats.period.id} was ${top ? 'higher' : 'lower'} (${shown(beats)})`);
      const same = before.findLast((p) => p.value === value);
      return same ? tie(same, top ? 'a record' : 'a record low', top ? 'equalled' : 'equalled-low') : { ok: true };
    }
    case 'equalled':
    case 'equalled-low': {
      if (before.length === 0) return fail(`${at.id} is the first period of the series: there is nothing to equal`);
      const top = claim === 'equalled';
      const beats = extreme(before.filter((p) => (top ? p.value > value : p.value < value)), top ? 1 : -1);
      if (beats) return fail(`${beats.period.id} was ${top ? 'higher' : 'lower'} (${shown(beats)})`);
      return before.some((p) => p.value === value) ? { ok: true } : fail(`no earlier period was ${show(value)}: the figure beats them all, so it is a record (claim=${top ? 'record' : 'record-low'})`);
    }
    case 'highest':
    case 'lowest': {
      const others = series.filter((p) => p.value !== null && p.period.id !== at.id) as (SeriesPoint & { value: number })[];
      if (others.length === 0) return fail(`${at.id} is the only period of the series: there is nothing to compare`);
      const top = claim === 'highest';
      const beats = extreme(others.filter((p) => (top ? p.value > value : p.value < value)), top ? 1 : -1);
      return beats ? fail(`${beats.period.id} was ${top ? 'higher' : 'lower'} (${shown(beats)})`) : { ok: true };
    }
    case 'highest-since': {
      const higher = before.filter(after).find((p) => p.value >= value);
      if (higher) return fail(`${higher.period.id} was as high or higher (${shown(higher)})`);
      if (ref! < value) return fail(`${refPeriod!.id} was lower (${show(ref!)}): the figure is higher than that too, so name an earlier since=`);
      return gapIn(series, refPeriod!, at, fail);
    }
    case 'lowest-since': {
      const lower = before.filter(after).find((p) => p.value <= value);
      if (lower) return fail(`${lower.period.id} was as low or lower (${shown(lower)})`);
      if (ref! > value) return fail(`${refPeriod!.id} was higher (${show(ref!)}): the figure is lower than that too, so name an earlier since=`);
      return gapIn(series, refPeriod!, at, fail);
    }
    case 'first-fall':
    case 'first-rise': {
      const fall = claim === 'first-fall';
      const wrongWay = (v: number) => (fall ? v >= 0 : v <= 0);
      const word = fall ? 'negative' : 'positive';
      if (wrongWay(value)) return fail(`the figure at ${at.id} is not ${word} (${show(value)})`);
      const run = before.filter(after);
      const previous = run.at(-1);
      if (!previous) return fail(`no earlier figure${refPeriod ? ` after ${refPeriod.id}` : ''} to compare with`);
      // Without since= the claim is about the latest run: the figure before must go the other way.
      const same = refPeriod ? run.find((p) => !wrongWay(p.value)) : wrongWay(previous.value) ? undefined : previous;
      if (same) return fail(`${same.period.id} was already ${word} (${shown(same)})`);
      if (refPeriod && wrongWay(ref!)) return fail(`${refPeriod.id} was not ${word} (${show(ref!)}): name the last ${word} period as since=`);
      return gapIn(series, refPeriod ?? previous.period, at, fail);
    }
    case 'more-than':
    case 'less-than':
    case 'doubled':
    case 'halved':
      return compareWith(claim, value, ref!, refPeriod!.id, show);
  }
}

/** The claims that compare a figure with one other figure, named by than=. */
export const COMPARISONS: readonly ClaimName[] = ['more-than', 'less-than', 'doubled', 'halved'];

/**
 * Whether `value` stands to `ref` as the comparison claims (more-than,
 * less-than, doubled, halved); `name` says where `ref` is from in the hint
 * (a period, or another category of the same period).
 */
export function compareWith(claim: ClaimName, value: number, ref: number, name: string, show: (v: number) => string): ClaimResult {
  const fail = (hint: string): ClaimResult => ({ ok: false, message: `claim=${claim} (${CLAIM_MEANINGS[claim]}) does not hold`, hint });
  switch (claim) {
    case 'more-than':
      return value > ref ? { ok: true } : fail(`${name} was ${value === ref ? 'the same' : 'higher'} (${show(ref)})`);
    case 'less-than':
      return value < ref ? { ok: true } : fail(`${name} was ${value === ref ? 'the same' : 'lower'} (${show(ref)})`);
    case 'doubled':
      return ref > 0 && value >= 2 * ref ? { ok: true } : fail(`${name} was ${show(ref)}: twice that is ${show(2 * ref)}`);
    case 'halved':
      return ref > 0 && value >= 0 && value <= ref / 2 ? { ok: true } : fail(`${name} was ${show(ref)}: half of that is ${show(ref / 2)}`);
    default:
      return { ok: false, message: `claim=${claim} compares no two figures`, hint: `use than= with ${COMPARISONS.join(', ')}` };
  }
}

/**
 * A claim about a run of periods ("the first fall since…") rests on every
 * period of the run: a row without a figure, or a period with no row at
 * all, between `from` and `to` leaves it unshown. Names the first gap.
 */
function gapIn(series: readonly SeriesPoint[], from: Period, to: Period, fail: (hint: string) => ClaimResult): ClaimResult {
  const run = series
    .filter((p) => comparePeriods(p.period, from) >= 0 && comparePeriods(p.period, to) <= 0)
    .sort((a, b) => comparePeriods(a.period, b.period));
  // A running total found at its last month stands for its whole span.
  if (run[0]?.period.id !== from.id) run.unshift({ period: from, value: 0 });
  for (let i = 1; i < run.length; i++) {
    const [a, b] = [run[i - 1], run[i]];
    const hole = b.value === null ? b.period.id : !follows(a.period, b.period) ? missingSpan(a.period, b.period) : undefined;
    if (hole) return fail(`there is no figure for ${hole}, so the data cannot show the claim: fill the gap in the data, or state the claim without claim= and list it in claims.yaml with its source`);
  }
  return { ok: true };
}

/** The periods missing between `a` and `b`: "2025-01" or "2024-12 to 2025-01". */
function missingSpan(a: Period, b: Period): string {
  const first = nextPeriod(a);
  let last = first;
  for (let p = first, i = 0; comparePeriods(p, b) < 0 && i < 10_000; p = nextPeriod(p), i++) last = p;
  return first.id === last.id ? first.id : `${first.id} to ${last.id}`;
}

/** The highest (sign 1) or lowest (sign −1) point, the latest of equals: the fact that contradicts most plainly. */
function extreme<T extends { value: number }>(points: T[], sign: 1 | -1): T | undefined {
  return points.reduce<T | undefined>((best, p) => (best === undefined || sign * p.value >= sign * best.value ? p : best), undefined);
}
