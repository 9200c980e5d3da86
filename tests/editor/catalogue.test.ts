/**
 * The catalogue of problems (src/lib/catalogue.ts) and the editors' guide
 * agree: every code has a row in the guide's error tables whose message is
 * the catalogue's example, and the guide names no code the catalogue lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE, say, type Entry } from '../../src/lib/catalogue.ts';
import { PROJECT } from '../helpers.ts';

const guide = readFileSync(join(PROJECT, 'content/README.md'), 'utf8');
const errors = guide.slice(guide.indexOf('## Errors and what to do about them'));
/** The guide's rows that start with a code: code → the message cell. */
const rows = new Map([...errors.matchAll(/^\| `([a-z0-9-]+)` \| `([^`]+)` \| \S/gm)].map((m) => [m[1], m[2]]));
const entries = Object.values(CATALOGUE) as Entry<readonly unknown[]>[];

describe('the catalogue of problems', () => {
  test('codes are kebab-case and unique', () => {
    for (const entry of entries) expect(entry.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
  });

  test('the guide lists every code, with its example message', () => {
    for (const entry of entries) expect(rows.get(entry.code), entry.code).toBe(entry.message(...entry.example));
  });

  test('the guide names no code the catalogue lacks', () => {
    expect([...rows.keys()].filter((code) => !entries.some((e) => e.code === code))).toEqual([]);
  });

  test('say() builds the message and the hint from the same arguments', () => {
    expect(say(CATALOGUE.unusedChartField, 'bar', 'log', ['scatter'])).toEqual({ message: 'type: bar does not use log:', hint: 'log: applies to type: scatter only; delete it, or change type:' });
    expect(say(CATALOGUE.layoutNeedsSeries, 'stack', 'area', undefined).hint).toBe('list several keys in data:, or add series: year');
  });
});
