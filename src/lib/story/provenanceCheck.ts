import type { FactData } from '../audit/factRecord.ts';
import { describeSources, unverifiedOf } from '../data/provenance.ts';

/**
 * Whether a figure may stand where it stands: one that rests on an
 * unverified row needs `unverified="Outlet"`, and the sentence must name
 * that outlet, so that the reader knows whose figure it is; a verified
 * figure carries no such attribute. Undefined when all is well.
 */
export function provenanceFault(
  label: string,
  data: FactData,
  attributed: string | undefined,
  sentence: string,
): { message: string; hint: string } | undefined {
  // A change between two periods rests on both rows.
  const sources = [...unverifiedOf(data.row, data.measure), ...(data.change ? unverifiedOf(data.change.fromRow, data.measure) : [])];
  const name = attributed?.trim();
  if (sources.length === 0) {
    if (attributed === undefined) return undefined;
    return { message: `${label} has unverified="${attributed}" but rests on verified rows only`, hint: 'delete unverified=' };
  }
  const rows = `${sources.length === 1 ? 'an unverified row' : 'unverified rows'}, ${describeSources(sources)}`;
  if (!name) {
    return {
      message: `${label} rests on ${rows}`,
      hint: 'find a better source for the row; or name the outlet in the sentence ("according to …") and add unverified="<the outlet>"; or cut the figure',
    };
  }
  if (!sentence.toLowerCase().includes(name.toLowerCase())) {
    return { message: `${label} is attributed to "${name}" but its sentence does not name it`, hint: `say in the sentence whose figure it is ("according to ${name}"); it rests on ${rows}` };
  }
  return undefined;
}
