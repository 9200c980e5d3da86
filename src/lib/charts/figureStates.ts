/**
 * Gives each state of a chart after the first what it adds to the one
 * before (stateChange.ts), and the figures of each chart whose states can
 * share one drawing (stateDrawing.ts) that drawing, their state's number
 * and the rules that switch it. The figures keep their own drawing for
 * embeds and images.
 */
import type { ChartData } from './model.ts';
import { drawingKey, type Figure } from './figure.ts';
import { cleanSvg } from './render.ts';
import { drawStates, stateRules } from './stateDrawing.ts';
import { stateChange } from './stateChange.ts';

export function addStates(charts: readonly { id: string; chart: ChartData; group?: string }[], figures: Figure[]): void {
  const groups = new Map<string, number[]>();
  charts.forEach((c, i) => groups.set(c.group ?? c.id, [...(groups.get(c.group ?? c.id) ?? []), i]));
  let n = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const states = members.map((i) => charts[i].chart);
    members.forEach((i, k) => {
      if (k > 0) figures[i].change = stateChange(states[k - 1], states[k]);
    });
    const drawing = drawStates(states, states.map(drawingKey), `s${n}`);
    if (!drawing) continue;
    n++;
    const css = stateRules(drawing);
    members.forEach((i, k) => {
      const id = figures[i].id;
      figures[i].states = {
        // The drawing as this state shows it: a path that changes shape is drawn in its own.
        svg: { wide: cleanSvg(drawing.wide.svgs?.[k] ?? drawing.wide.svg, `${id}-w`), narrow: cleanSvg(drawing.narrow.svgs?.[k] ?? drawing.narrow.svg, `${id}-n`) },
        state: k + 1,
        css,
      };
    });
  }
}

/** The rules of every chart of a story whose states share one drawing: its stylesheet, '' when there are none. */
export function storyStateCss(figures: readonly Figure[]): string {
  return [...new Set(figures.flatMap((f) => (f.states ? [f.states.css] : [])))].join('');
}
