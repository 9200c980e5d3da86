import type { ChartSpec, StateSpec } from './spec.ts';
import type { ChartData, Domains } from './model.ts';
import { isStacked, stackExtent } from './stack.ts';
import { maxOf, minOf } from '../extent.ts';

export type { Domains } from './model.ts';

/**
 * The chart a `state:` step shows: the previous state's spec with the
 * step's fields replacing its own, so every chart field (annotations of any
 * kind, highlight, data, from/to) can change. A replaced `description` was
 * written for the drawing before, so it is dropped unless the state gives one.
 */
export function stateOf(previous: ChartSpec, state: StateSpec): ChartSpec {
  const { description: _description, ...kept } = previous;
  const changed = Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
  return { ...kept, ...changed } as ChartSpec;
}

/**
 * Gives the states of each chart one set of scales, so that what a step
 * changes (a series added, a highlight, a line) is the only thing that
 * moves. A state that zooms (its own from/to on a time axis) keeps scales
 * of its own; over the months of a year, from/to only pick what is drawn.
 */
export function fixScales(charts: readonly { id: string; chart: ChartData; group?: string }[]): void {
  const groups = new Map<string, ChartData[]>();
  for (const { id, chart, group } of charts) {
    const key = group ?? id;
    groups.set(key, [...(groups.get(key) ?? []), chart]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const [first] = members;
    const shared = members.filter((c) => c.xKind === first.xKind && !zooms(first, c));
    if (shared.length < 2) continue;
    const domains = sharedDomains(shared);
    for (const chart of shared) Object.assign(chart, { domains, sharedWith: shared });
  }
}

/** Whether state `c` zooms from `first`: only along time do from/to zoom; over the months of a year or categories they only choose what is drawn. */
export function zooms(first: ChartData, c: ChartData): boolean {
  return c.xKind === 'time' && (c.spec.from !== first.spec.from || c.spec.to !== first.spec.to);
}

/** The extent of every state's values (with zero where its marks need it) and of its time axis. */
export function sharedDomains(charts: readonly ChartData[]): Domains {
  const values: number[] = [];
  const times: number[] = [];
  for (const chart of charts) {
    const drawn = chart.data.filter((d) => d.y !== null);
    // A stack reaches as far as its piled-up layers.
    values.push(...(isStacked(chart) ? stackExtent(chart) : drawn.map((d) => d.y!)));
    values.push(...(chart.spec.annotations ?? []).flatMap((a) => (a.value === undefined ? [] : [a.value])));
    if (chart.zero) values.push(0);
    if (chart.xKind === 'time') {
      for (const d of chart.data) {
        const bar = chart.kind.bars === 'vertical' && d.x1 && d.x2;
        times.push(...(bar ? [d.x1!.getTime(), d.x2!.getTime()] : d.x instanceof Date ? [d.x.getTime()] : []));
      }
    }
  }
  const domains: Domains = {};
  if (values.length) domains.y = [minOf(values), maxOf(values)];
  if (times.length) domains.x = [new Date(minOf(times)), new Date(maxOf(times))];
  return domains;
}
