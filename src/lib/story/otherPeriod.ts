import type { Measure, Row, Table } from '../data/model.ts';
import { unitOf } from '../data/model.ts';
import { lastMonthId } from '../period.ts';
import { checkFigure, type StatedFigure } from './factLiteral.ts';

/**
 * The period of the same series (same key, same categories) whose value a
 * refused figure does match, nearest to the one `at=` named: the likelier
 * slip is the period, and a hint must not lead the editor to publish the
 * wrong period's figure. Written as at= takes it.
 */
export function periodThatMatches(figure: StatedFigure, table: Table, measure: Measure, row: Row): string | undefined {
  if (table.grain === 'none') return undefined;
  const same = (other: Row) => !other.detail && other !== row && table.categories.every((c) => other.categories[c] === row.categories[c]);
  const at = table.rows.indexOf(row);
  let best: { distance: number; row: Row } | undefined;
  for (const [index, other] of table.rows.entries()) {
    const value = other.values[measure.name];
    const unit = unitOf(measure, other);
    if (value === null || value === undefined || !unit || !same(other) || !checkFigure(figure, value, unit).ok) continue;
    const distance = Math.abs(index - at);
    if (!best || distance < best.distance) best = { distance, row: other };
  }
  if (!best) return undefined;
  const period = best.row.period;
  return table.index === 'end' ? lastMonthId(period) : period.id;
}
