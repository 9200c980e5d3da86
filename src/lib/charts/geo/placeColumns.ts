/**
 * Checks a table's columns of US places (`places: us-states` or
 * `us-counties` in dataset.yaml) against the map, when the dataset is
 * read: a value that names no shape is an error at its CSV cell, with the
 * nearest codes or names; data keyed to Connecticut's 2022 planning
 * regions, which the map's 2017 counties lack, is refused at the column's
 * `places:` in dataset.yaml.
 */
import type { Table } from '../../data/model.ts';
import { readCsv } from '../../data/csv.ts';
import type { Position, Problems } from '../../problems.ts';
import { findUsPlace, isUsPlaceSet, planningRegions, usPlaceHint } from './usAtlas.ts';

/** Rows reported one by one per column; the rest are counted in one problem. */
const LISTED = 10;

export function checkPlaceColumns(table: Table, csvText: string, yamlFile: string, locate: (path: readonly PropertyKey[]) => Position, problems: Problems): void {
  for (const [column, set] of Object.entries(table.places ?? {})) {
    if (!isUsPlaceSet(set)) continue;
    const values = new Set(table.rows.map((row) => row.categories[column]).filter((v) => v !== undefined && v !== ''));
    const at = locate(['tables', table.name, 'columns', column, 'places']);
    const regions = set === 'us-counties' ? new Set(planningRegions(values)) : new Set<string>();
    if (regions.size) {
      const shown = [...regions].slice(0, 3).join(', ');
      problems.add(
        yamlFile,
        at,
        `table ${table.name}: column "${column}" holds Connecticut's 2022 planning regions (${shown}${regions.size > 3 ? ', …' : ''}), but us-counties is the 2017 county map, with Connecticut's eight counties of before 2022 (09001–09015)`,
        `recode Connecticut's rows to its old counties where the source offers them, or leave them out of ${table.file}: Connecticut is then drawn as "no data"`,
      );
    }
    const unmatched = [...values].filter((v) => !regions.has(v) && !findUsPlace(set, v));
    if (unmatched.length === 0) continue;
    const bad = new Set(unmatched);
    const records = readCsv(csvText);
    const index = records[0]?.cells.findIndex((cell) => cell.trim() === column) ?? -1;
    const faulty = records.slice(1).filter((r) => bad.has((r.cells[index] ?? '').trim()));
    const what = set === 'us-states' ? 'state' : 'county';
    for (const record of faulty.slice(0, LISTED)) {
      const value = record.cells[index].trim();
      problems.add(table.file, record.positions[index], `no US ${what} on the map matches ${column} "${value}"`, usPlaceHint(set, value));
    }
    if (faulty.length > LISTED) {
      const rest = faulty.slice(LISTED);
      problems.add(table.file, rest[0].positions[index], `and ${rest.length} more rows whose ${column} matches no US ${what} (first: "${rest[0].cells[index].trim()}")`, usPlaceHint(set, rest[0].cells[index].trim()));
    }
  }
}
