import type { Row, Table } from '../data/model.ts';
import { filterRows, type Filter } from '../data/keys.ts';
import type { ClaimName, ClaimResult } from './claims.ts';

/** Claims a table without periods can check: a row's place among the table's categories. */
const AMONG_CATEGORIES: readonly ClaimName[] = ['highest', 'lowest'];

/**
 * A claim on a table without periods (a ranking of states): `highest` and
 * `lowest` compare the row with the other values of the table's first
 * category column (every state), holding any other category the fact names;
 * a category declared as the total of the others is left out. Claims about
 * periods (a record, a first fall, since= or than=) are refused: the table
 * has none.
 */
export function checkCategoryClaim(claim: ClaimName, table: Table, measure: string, row: Row, filter: Filter, show: (v: number) => string): ClaimResult {
  const column = table.categories[0];
  if (!AMONG_CATEGORIES.includes(claim) || column === undefined) {
    return {
      ok: false,
      message: `claim=${claim} compares periods`,
      hint: `table ${table.name} has none: ${column === undefined ? 'delete claim=' : `use claim=highest or claim=lowest, the figure's place among the ${column} values of the table`}`,
    };
  }
  const others = filterRows(table, Object.fromEntries(Object.entries(filter).filter(([name]) => name !== column)))
    .filter((r) => r !== row && r.categories[column] !== table.totals?.[column]);
  const value = row.values[measure];
  const valued = others.filter((r) => r.values[measure] !== null && r.values[measure] !== undefined);
  const top = claim === 'highest';
  const meaning = `${top ? 'the highest' : 'the lowest'} among the ${column} values of ${table.name}`;
  if (valued.length === 0 || value === null || value === undefined) {
    return { ok: false, message: `claim=${claim} (${meaning}) does not hold`, hint: `${row.categories[column]} is the only ${column} with a figure: there is nothing to compare` };
  }
  const beats = valued.filter((r) => (top ? r.values[measure]! > value : r.values[measure]! < value));
  const best = beats.reduce<Row | undefined>((b, r) => (b === undefined || (top ? r.values[measure]! > b.values[measure]! : r.values[measure]! < b.values[measure]!) ? r : b), undefined);
  if (best) return { ok: false, message: `claim=${claim} (${meaning}) does not hold`, hint: `${best.categories[column]} is ${top ? 'higher' : 'lower'} (${show(best.values[measure]!)})` };
  const tie = valued.find((r) => r.values[measure] === value);
  if (tie) return { ok: false, message: `claim=${claim} (${meaning}) does not hold`, hint: `${tie.categories[column]} is the same (${show(value)}): a tie is not ${top ? 'the highest' : 'the lowest'} — write that they share it` };
  return { ok: true };
}
