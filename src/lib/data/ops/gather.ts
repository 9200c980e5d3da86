import { round, type OpRow } from './op.ts';

/**
 * The sum of `of` over the rows of a coarser period, or their average over
 * `count` periods: none unless the rows cover it one after another with
 * every value present.
 */
export function total(rows: readonly OpRow[], of: string, covered: boolean, average: number | undefined): number | null {
  if (!covered) return null;
  let sum = 0;
  for (const row of rows) {
    const v = row.values[of] ?? null;
    if (v === null) return null;
    sum += v;
  }
  return round(average === undefined ? sum : sum / average);
}

/** What a gathered measure runs over, in words: "the year", "the decade", "the whole table" (to: all). */
export function over(to: string | undefined): string {
  return to === 'all' ? 'the whole table' : `the ${to ?? 'period'}`;
}
