/**
 * The one check that closes every kind's holes: a chart field that the
 * chart's kind does not honour (kinds/kind.ts) is refused at its line,
 * naming the kinds that do use it, rather than ignored.
 */
import type { ChartSpec } from './spec.ts';
import type { ChartProblem } from './model.ts';
import { KIND_FIELDS, type ChartKind } from './kinds/kind.ts';
import { KINDS, kindOf } from './kinds/registry.ts';
import { CATALOGUE, say } from '../catalogue.ts';

/** A problem for each field of `spec` that its kind does not honour. */
export function unhonouredFields(spec: ChartSpec): ChartProblem[] {
  const kind = kindOf(spec.type);
  return KIND_FIELDS.filter((field) => spec[field] !== undefined && !kind.honours.includes(field)).map((field) => {
    const users = (KINDS as readonly ChartKind[]).filter((k) => k.honours.includes(field)).map((k) => k.type);
    return {
      field,
      onKey: true,
      ...say(CATALOGUE.unusedChartField, spec.type, field, users),
    };
  });
}
