import type { Unit } from '../../format.ts';
import type { DerivedOp } from './op.ts';

/** A place in a ranking: 1 is the largest. */
const RANK_UNIT: Unit = { name: 'rank', label: 'rank', kind: 'rank', scale: 1, prefix: 'No. ', suffix: '', words: [], decimals: 0 };

/** rank: each category's place among those of one period, 1 the largest; equal values share a place (1, 2, 2, 4). */
export const rank: DerivedOp = {
  name: 'rank',
  allows: ['across'],
  compute: {
    kind: 'across',
    values: (values) => {
      const order = values.map((_, i) => i).filter((i) => values[i] !== null).sort((a, b) => values[b]! - values[a]!);
      const places: (number | null)[] = values.map(() => null);
      order.forEach((index, place) => {
        const tied = place > 0 && values[order[place - 1]] === values[index];
        places[index] = tied ? places[order[place - 1]] : place + 1;
      });
      return places;
    },
  },
  unit: () => RANK_UNIT,
  words: (d) => `the rank by ${d.ofLabel}`,
};
