import { describe, expect, test } from 'vitest';
import { decodeGraph, encodeGraph, indexGraph } from '../src/lib/graphCodec.ts';

/** A small stand-in for a dataset: tables in a Map, rows with shared periods, a frozen constant. */
function makeRoot() {
  const none = Object.freeze({ id: '' });
  const march = { id: '2025-03' };
  const rows = [
    { period: march, values: { exports: 1 } },
    { period: none, values: { exports: 2 } },
  ];
  const tables = new Map([['monthly', { name: 'monthly', rows, measures: new Map([['exports', { label: 'Exports' }]]) }]]);
  return { dataset: { name: 'trade', tables }, kinds: [{ type: 'line', options: () => ({}) }] };
}

describe('encodeGraph() and decodeGraph()', () => {
  test('objects of the root come back as the new root\'s own objects; the rest as copies', () => {
    const writer = makeRoot();
    const table = writer.dataset.tables.get('monthly')!;
    const story = {
      dataset: writer.dataset,
      kind: writer.kinds[0],
      when: new Date(Date.UTC(2025, 2, 1)),
      data: [{ row: table.rows[0], measure: table.measures.get('exports') }, { row: table.rows[1] }],
      byId: new Map([['a', { x: 1 }]]),
    };
    const bytes = encodeGraph(story, indexGraph(writer));
    // Another process: the same dataset loaded again, as new objects.
    const reader = makeRoot();
    const back = decodeGraph(bytes, reader) as typeof story;
    const readTable = reader.dataset.tables.get('monthly')!;
    expect(back.dataset).toBe(reader.dataset);
    expect(back.kind).toBe(reader.kinds[0]);
    expect(back.data[0].row).toBe(readTable.rows[0]);
    expect(back.data[0].measure).toBe(readTable.measures.get('exports'));
    expect(back.data[1].row.period).toBe(readTable.rows[1].period);
    expect(back.when).toEqual(story.when);
    expect(back.byId.get('a')).toEqual({ x: 1 });
  });

  test('keeps what the graph shares shared, and cycles', () => {
    const root = makeRoot();
    const section = { id: 'one', html: '<p>One</p>' };
    const story: { sections: object[]; charts: { section: object }[]; self?: object } = { sections: [section], charts: [{ section }] };
    story.self = story;
    const back = decodeGraph(encodeGraph(story, indexGraph(root)), root) as typeof story;
    expect(back.charts[0].section).toBe(back.sections[0]);
    expect(back.self).toBe(back);
  });

  test('refuses to encode a function or a class instance outside the root', () => {
    const index = indexGraph(makeRoot());
    expect(() => encodeGraph({ draw: () => 1 }, index)).toThrow(/function/);
    expect(() => encodeGraph({ at: new URL('https://example.org') }, index)).toThrow(/instance of URL/);
    // A function of the root's is pointed at, not stored.
    const root = makeRoot();
    expect(decodeGraph(encodeGraph({ kind: root.kinds[0] }, indexGraph(root)), root)).toEqual({ kind: root.kinds[0] });
  });

  test('throws when a path leads nowhere under the new root', () => {
    const writer = makeRoot();
    const bytes = encodeGraph({ row: writer.dataset.tables.get('monthly')!.rows[1] }, indexGraph(writer));
    const shorter = makeRoot();
    shorter.dataset.tables.get('monthly')!.rows.pop();
    expect(() => decodeGraph(bytes, shorter)).toThrow(/leads nowhere/);
  });

  test('a key named like the prototype stays a key', () => {
    const root = makeRoot();
    const value = JSON.parse('{"__proto__": {"polluted": true}, "plain": 1}') as Record<string, unknown>;
    const back = decodeGraph(encodeGraph(value, indexGraph(root)), root) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'plain']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
