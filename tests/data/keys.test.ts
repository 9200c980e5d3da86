import { describe, expect, test } from 'vitest';
import { BUILT_IN_UNITS } from '../../src/lib/format.ts';
import { parseTable } from '../../src/lib/data/parseTable.ts';
import { tableSchema } from '../../src/lib/data/schema.ts';
import { filterRows, valueAt, resolveKey, categoryValues } from '../../src/lib/data/keys.ts';
import { Problems } from '../../src/lib/problems.ts';
import type { Dataset, Table } from '../../src/lib/data/model.ts';

const spec = tableSchema.parse({
  file: 'd.csv',
  title: 'By destination',
  columns: { period: { type: 'period' }, destination: { type: 'category' }, exports: { type: 'number', unit: 'usd_bn' } },
});
const ytdSpec = tableSchema.parse({
  file: 'ytd.csv',
  title: 'Year to date',
  index: 'end',
  columns: { period: { type: 'period' }, exports: { type: 'number', unit: 'usd_bn' } },
});

function table(name: string, tableSpec: typeof spec, csv: string): Table {
  const problems = new Problems();
  const parsed = parseTable(name, tableSpec, `data/t/${name}.csv`, csv, problems);
  expect(problems.list).toEqual([]);
  return parsed;
}

const destinations = table(
  'destinations',
  spec,
  'period,destination,exports\n2025-02,EU,3\n2025-01,US,1\n2025-01,EU,2\n2025-02,US,4\n2025-01/02,Japan,5\n2025-01,Japan,6\n',
);
const ytd = table('ytd', ytdSpec, 'period,exports\n2025-01/02,10\n2025-01/03,15\n2025-03,5\n');
const dataset: Dataset = { name: 't', file: 'data/t/dataset.yaml', spec: {} as Dataset['spec'], units: BUILT_IN_UNITS, tables: new Map([['destinations', destinations], ['ytd', ytd]]) };
const key = (text: string) => {
  const resolved = resolveKey(dataset, text);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.value;
};

describe('filterRows()', () => {
  test('keeps the rows of the listed categories, in table order, detail rows only when asked', () => {
    const ids = (rows: { period: { id: string }; categories: Record<string, string> }[]) => rows.map((r) => `${r.period.id} ${r.categories.destination}`);
    expect(ids(filterRows(destinations, { destination: ['US', 'Japan'] }))).toEqual(['2025-01 US', '2025-01/02 Japan', '2025-02 US']);
    expect(ids(filterRows(destinations, { destination: ['Japan'] }, true))).toEqual(['2025-01 Japan', '2025-01/02 Japan']);
    expect(ids(filterRows(destinations, { destination: ['EU'], year: ['2025'] }))).toEqual(['2025-01 EU', '2025-02 EU']);
    expect(filterRows(destinations, { destination: ['Nowhere'] })).toEqual([]);
    expect(filterRows(destinations, {})).toHaveLength(5);
  });
});

describe('categoryValues()', () => {
  test('lists every value of a category and of year', () => {
    expect([...categoryValues(destinations, 'destination')].sort()).toEqual(['EU', 'Japan', 'US']);
    expect([...categoryValues(destinations, 'year')]).toEqual(['2025']);
  });
});

describe('valueAt()', () => {
  test('finds a value by period and category', () => {
    expect(valueAt(key('destinations.exports'), '2025-02', { destination: ['US'] })).toMatchObject({ ok: true, value: { value: 4 } });
    expect(valueAt(key('destinations.exports'), '2025-01', { destination: ['Japan'] })).toMatchObject({ ok: true, value: { value: 6 } });
  });

  test('finds a running total by its last month, and by its own span', () => {
    expect(valueAt(key('ytd.exports'), '2025-03', {})).toMatchObject({ ok: false, message: '2 rows of ytd.exports match 2025-03' });
    expect(valueAt(key('ytd.exports'), '2025-02', {})).toMatchObject({ ok: true, value: { value: 10 } });
    expect(valueAt(key('ytd.exports'), '2025-01/03', {})).toMatchObject({ ok: true, value: { value: 15 } });
  });

  test('reports several matches and no match', () => {
    expect(valueAt(key('destinations.exports'), '2025-02', {})).toMatchObject({ ok: false, message: '2 rows of destinations.exports match 2025-02' });
    expect(valueAt(key('destinations.exports'), '2024-05', { destination: ['US'] })).toMatchObject({ ok: false, hint: 'destinations runs from 2025-01 to 2025-02' });
  });
});
