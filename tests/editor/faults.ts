/**
 * Thirty slips an editor could make in a story and its data (the fixture
 * project's: tests/fixtures/newsroom, which editors never touch), one
 * per fault kind the guide lists. Each names the file and line where the
 * problem must be reported, and words the report must contain.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_TYPES } from '../../src/lib/charts/kinds/registry.ts';

export interface Fault {
  name: string;
  /** Project-relative file the problem must name. */
  file: string;
  line: number;
  says: string;
  /** Breaks a copy of the project under `root`. */
  apply(root: string): void;
}

const STORY = 'content/surplus';
const DATA = 'data/trade';

/** Replaces `from` with `to` in `file`; fails when the real file no longer holds `from`. */
function replace(file: string, from: string | RegExp, to: string) {
  return (root: string) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`${file} no longer contains ${String(from)}: update this fault`);
    writeFileSync(path, changed);
  };
}

function fault(name: string, file: string, line: number, says: string, apply: (root: string) => void): Fault {
  return { name, file, line, says, apply };
}

export const FAULTS: Fault[] = [
  // Markdown and YAML
  fault('malformed frontmatter', `${STORY}/01-trillion.md`, 2, 'the quote " opened here is never closed', replace(`${STORY}/01-trillion.md`, 'heading: A record', 'heading: "A record')),
  fault('missing frontmatter', `${STORY}/02-running-total.md`, 1, 'missing frontmatter', replace(`${STORY}/02-running-total.md`, /^---[\s\S]*?\n---\n/, '')),
  fault('tab-indented block', `${STORY}/01-trillion.md`, 5, 'tab used for indentation', replace(`${STORY}/01-trillion.md`, '  type: dot', '\ttype: dot')),
  fault('duplicate key', `${STORY}/03-november-exports.md`, 6, 'duplicate key "type"', replace(`${STORY}/03-november-exports.md`, '  type: bar\n', '  type: bar\n  type: line\n')),
  fault('unclosed frontmatter', `${STORY}/05-monthly-surplus.md`, 1, 'frontmatter is not closed', replace(`${STORY}/05-monthly-surplus.md`, /\n---\n/, '\n\n')),
  // Fields
  fault('unknown field', `${STORY}/01-trillion.md`, 3, 'unknown field "chrat" — did you mean "chart"?', replace(`${STORY}/01-trillion.md`, 'chart:', 'chrat:')),
  fault('missing required field', `${STORY}/03-november-exports.md`, 3, 'missing required field "chart.title"', replace(`${STORY}/03-november-exports.md`, /\n {2}title: .*/, '')),
  fault('wrong type', `${STORY}/index.md`, 5, 'invalid published: "yesterday" is not a date', replace(`${STORY}/index.md`, /published: .*/, 'published: yesterday')),
  fault('unknown chart type', `${STORY}/06-united-states.md`, 5, `invalid chart.type: pie (expected ${CHART_TYPES.join(', ')})`, replace(`${STORY}/06-united-states.md`, 'type: bar', 'type: pie')),
  fault('x column the table lacks', `${STORY}/07-other-markets.md`, 6, 'no column "destinaton" to use as x — did you mean "destination"?', replace(`${STORY}/07-other-markets.md`, 'x: destination', 'x: destinaton')),
  fault('series column the table lacks', `${STORY}/02-running-total.md`, 7, 'no column "yaer" to split series by', replace(`${STORY}/02-running-total.md`, 'series: year', 'series: yaer')),
  fault('where column the table lacks', `${STORY}/06-united-states.md`, 6, 'no column "country" to filter on', replace(`${STORY}/06-united-states.md`, 'where: { destination:', 'where: { country:')),
  // Data references
  fault('unknown dataset', `${STORY}/index.md`, 6, 'unknown dataset "trad" — did you mean "trade"?', replace(`${STORY}/index.md`, 'dataset: trade', 'dataset: trad')),
  fault('unknown table', `${STORY}/03-november-exports.md`, 12, 'unknown table "quarterly"', replace(`${STORY}/03-november-exports.md`, 'key=monthly.exports at', 'key=quarterly.exports at')),
  fault('unknown key', `${STORY}/04-imports.md`, 12, 'unknown dataset key "monthly.import" — did you mean "monthly.imports"?', replace(`${STORY}/04-imports.md`, 'key=monthly.imports at', 'key=monthly.import at')),
  fault('period outside the data', `${STORY}/05-monthly-surplus.md`, 13, 'no monthly.balance for 2026-11 — monthly runs from 2023-01 to 2025-11; state a period inside it', replace(`${STORY}/05-monthly-surplus.md`, 'key=monthly.balance at=2025-11', 'key=monthly.balance at=2026-11')),
  fault('period with a missing value', `${STORY}/07-other-markets.md`, 14, 'destinations.exports_yoy has no value for 2025-11 (destination=South Korea)', replace(`${STORY}/07-other-markets.md`, 'destination="Japan"', 'destination="South Korea"')),
  fault(':fact without a number', `${STORY}/05-monthly-surplus.md`, 13, 'fact "a record" states no number', replace(`${STORY}/05-monthly-surplus.md`, '[US$111.68 billion]', '[a record]')),
  fault(':fact that disagrees', `${STORY}/01-trillion.md`, 17, 'the text says US$992.8 billion, the data gives US$992.2 billion', replace(`${STORY}/01-trillion.md`, 'US$992.2 billion', 'US$992.8 billion')),
  fault(':fact in the wrong direction', `${STORY}/06-united-states.md`, 12, 'the data moved the other way', replace(`${STORY}/06-united-states.md`, 'fell 28.6 per cent', 'rose 28.6 per cent')),
  fault(':value with an unknown format', `${STORY}/04-imports.md`, 12, 'invalid format: usd_bln', replace(`${STORY}/04-imports.md`, 'format=usd_bn', 'format=usd_bln')),
  // Story structure
  fault('two sections with one number', `${STORY}/05-tariffs.md`, 1, 'two sections share number 05 (also 05-monthly-surplus.md)', (root) => writeFileSync(join(root, STORY, '05-tariffs.md'), '---\nheading: Tariffs\n---\n\nTariffs were cut in October.\n')),
  fault('empty section', `${STORY}/11-what-next.md`, 11, 'empty section', replace(`${STORY}/11-what-next.md`, /\n---\n[\s\S]*$/, '\n---\n')),
  fault('story without sections', `${STORY}/index.md`, 1, 'story has no sections', (root) => {
    for (const name of readdirSync(join(root, STORY))) if (name !== 'index.md') rmSync(join(root, STORY, name));
  }),
  fault('lead that does not exist', `${STORY}/index.md`, 8, 'lead section "trillon" does not exist — did you mean "trillion"?', replace(`${STORY}/index.md`, 'lead: trillion', 'lead: trillon')),
  // CSV and dataset.yaml
  fault('non-number in a number column', `${DATA}/monthly.csv`, 34, '"33o.3" is not a number in column "exports"', replace(`${DATA}/monthly.csv`, '2025-11,330.3,', '2025-11,33o.3,')),
  fault('malformed period', `${DATA}/destinations.csv`, 2, 'malformed period "2025-13"', replace(`${DATA}/destinations.csv`, '2025-11,United States,', '2025-13,United States,')),
  fault('duplicated period', `${DATA}/monthly.csv`, 34, 'duplicated period 2025-10 (first on line 33)', replace(`${DATA}/monthly.csv`, '2025-11,330.3,', '2025-10,330.3,')),
  fault('missing required column', `${DATA}/commodities.csv`, 1, 'missing required column "flow"', replace(`${DATA}/commodities.csv`, /^(period,commodity),flow,/, '$1,')),
  fault('row with too few cells', `${DATA}/destinations.csv`, 4, 'too few cells: 5 where the header has 6', replace(`${DATA}/destinations.csv`, '2025-11,Japan,,4.3,', '2025-11,Japan,4.3,')),
  fault('empty CSV file', `${DATA}/destinations_ytd.csv`, 1, 'empty CSV file', (root) => writeFileSync(join(root, DATA, 'destinations_ytd.csv'), '')),
  fault('unknown unit in dataset.yaml', `${DATA}/dataset.yaml`, 34, 'unknown unit "usd_bln" for column "exports" — did you mean "usd_bn"?', replace(`${DATA}/dataset.yaml`, 'exports: { type: number, unit: usd_bn, label: Exports }', 'exports: { type: number, unit: usd_bln, label: Exports }')),
];
