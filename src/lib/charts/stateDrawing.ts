/**
 * One drawing for the states of one chart (a section's chart and the
 * `state:` sections after it), at both sizes, and the stylesheet rules
 * that switch it from state to state. Pure apart from the server DOM
 * Plot draws into (render.ts).
 *
 * Kinds whose marks morph.ts can follow (`morphs` in their kind module:
 * lines, areas, bars, dots) are drawn this way, states that zoom (their
 * own scales) included; any other kind in a group is swapped state by state.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartData } from './model.ts';
import { plotOptions, SIZES } from './plotOptions.ts';
import { plotElement, serverDocument } from './render.ts';
import { keyAxes, keyMarks } from './markKeys.ts';
import { morph, type Morph } from './morph.ts';
import { zooms } from './states.ts';
import { contentKey, memo } from '../memo.ts';
import { cachedJson } from '../diskCache.ts';

/** The attribute a figure's own state is written in (no script, print). */
export const STATE_ATTRIBUTE = 'data-state';
/** The attribute the page's script sets to the state on screen. */
export const SHOWN_ATTRIBUTE = 'data-now';

export interface StateDrawing {
  wide: Morph;
  narrow: Morph;
}

/**
 * Whether a group of states can be drawn as one drawing: two or more, of
 * kinds that morph, each on the first's scales or zooming from it (its own
 * from/to on a time axis: its marks and ticks move to their new places).
 */
export function canMorph(charts: readonly ChartData[]): boolean {
  if (charts.length < 2) return false;
  const [first] = charts;
  return charts.every(
    (c) => c.kind.morphs === true && c.spec.facet === undefined && c.xKind === first.xKind && (c === first || zooms(first, c) || (c.domains !== undefined && c.domains === first.domains)),
  );
}

/**
 * The states' single drawing, at both sizes, or undefined when they cannot
 * share one frame. `prefix` names the classes of the marks that change.
 * Kept by a hash of what the states are drawn from and the prefix.
 */
export function drawStates(charts: readonly ChartData[], keys: readonly string[], prefix: string): StateDrawing | undefined {
  if (!canMorph(charts)) return undefined;
  const key = contentKey('states', keys, prefix);
  const drawn = memo(`states:${key}`, () =>
    cachedJson(`states-${key}`, () => {
      const wide = morphAt(charts, SIZES.wide, `${prefix}w`);
      const narrow = wide && morphAt(charts, SIZES.narrow, `${prefix}n`);
      return wide && narrow ? { wide, narrow } : null;
    }),
  );
  return drawn ?? undefined;
}

function morphAt(charts: readonly ChartData[], size: { width: number; height: number }, prefix: string): Morph | undefined {
  const options = sameFrame(charts.map((c) => plotOptions(c, size)));
  const document = serverDocument();
  return morph(options.map((o) => keyAxes(plotElement(keyMarks(o), document))), prefix);
}

type Frame = Pick<Plot.PlotOptions, 'width' | 'height' | 'marginTop' | 'marginRight' | 'marginBottom' | 'marginLeft'>;

/**
 * The states drawn in one frame: the widest of each margin, and the
 * tallest plot area. Marks are placed from data, so they follow.
 */
export function sameFrame(options: readonly Plot.PlotOptions[]): Plot.PlotOptions[] {
  const max = (pick: (o: Frame) => number | undefined) => Math.max(...options.map((o) => pick(o) ?? 0));
  const top = max((o) => o.marginTop);
  const bottom = max((o) => o.marginBottom);
  const left = max((o) => o.marginLeft);
  const right = max((o) => o.marginRight);
  const inner = max((o) => (o.height ?? 0) - (o.marginTop ?? 0) - (o.marginBottom ?? 0));
  return options.map((o) => ({ ...o, marginTop: top, marginBottom: bottom, marginLeft: left, marginRight: right, height: top + inner + bottom }));
}

/**
 * The rules that show each state: under the figure's own state attribute
 * (read without script and in print), and under the one the script sets
 * (on screen only, so that print shows every figure's own state). Every
 * state writes every property its marks change, so the script's rules
 * replace the figure's own whole.
 */
export function stateRules(drawing: StateDrawing): string {
  const block = (attribute: string) =>
    [drawing.wide, drawing.narrow]
      .flatMap((m) =>
        m.states.flatMap((rules, i) => {
          // Marks with the same declarations share one rule.
          const byDeclarations = new Map<string, string[]>();
          for (const [name, declarations] of rules) byDeclarations.set(declarations, [...(byDeclarations.get(declarations) ?? []), name]);
          return [...byDeclarations].map(([declarations, names]) => `[${attribute}="${i + 1}"] ${names.length > 1 ? `:is(${names.map((n) => `.${n}`).join(',')})` : `.${names[0]}`}{${declarations}}`);
        }),
      )
      .join('\n');
  const own = block(STATE_ATTRIBUTE);
  return own ? `${own}\n@media screen{\n${block(SHOWN_ATTRIBUTE)}\n}\n` : '';
}
