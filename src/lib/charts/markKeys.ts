/**
 * Stable keys on drawn marks, so that the states of one chart can be laid
 * over each other and each mark followed from state to state (morph.ts).
 * Each mark's render is wrapped (Plot's own `render` option, composed after
 * the mark is made): every element it draws gets `data-key`, from the datum
 * it draws (a dot, a bar, a label) or the series it joins (a line, an area).
 */
import type * as Plot from '@observablehq/plot';

type Render = (this: KeyedMark, index: number[], scales: unknown, values: Values, dimensions: unknown, context: unknown) => Element | null;
interface Values {
  channels?: Record<string, { value?: ArrayLike<unknown> } | undefined>;
}
interface KeyedMark {
  data?: ArrayLike<unknown>;
  render: Render;
}

/** The attribute that carries a drawn element's key. */
export const KEY_ATTRIBUTE = 'data-key';

/** `options` with every mark's elements keyed (the marks are changed in place). */
export function keyMarks(options: Plot.PlotOptions): Plot.PlotOptions {
  for (const mark of flatMarks(options.marks)) {
    const render = mark.render;
    mark.render = function (index, scales, values, dimensions, context) {
      const node = render.call(this, index, scales, values, dimensions, context);
      if (node) label(node, index, this.data, values);
      return node;
    };
  }
  return options;
}

function flatMarks(marks: unknown): KeyedMark[] {
  if (Array.isArray(marks)) return marks.flatMap(flatMarks);
  return marks && typeof marks === 'object' && typeof (marks as KeyedMark).render === 'function' ? [marks as KeyedMark] : [];
}

/** Keys the children of a mark's group: one per index (dots, bars, text), or one per series (lines, areas). */
function label(node: Element, index: number[], data: ArrayLike<unknown> | undefined, values: Values): void {
  const children = [...node.children];
  if (!data || !index) return;
  if (children.length === index.length) {
    children.forEach((child, i) => child.setAttribute(KEY_ATTRIBUTE, datumKey(data[index[i]])));
    return;
  }
  // Lines and areas: one path per series, in the order each series first appears.
  const z = values.channels?.z?.value;
  const series = z ? [...new Set(index.map((i) => String(z[i])))] : [''];
  if (children.length === series.length) children.forEach((child, i) => child.setAttribute(KEY_ATTRIBUTE, `series:${series[i]}`));
}

/**
 * What a datum is, whatever state draws it: its measure, series and period
 * for a drawn value; a tick's value; its own fields for anything else (a note, a rule's value).
 */
export function datumKey(d: unknown): string {
  if (d === null || typeof d !== 'object') return String(d);
  // A time axis's tick: its instant.
  if (d instanceof Date) return d.toISOString();
  const o = d as Record<string, unknown>;
  const period = o.period as { id?: string } | undefined;
  // Not its measure: a state that draws another measure moves the same bars.
  if (typeof o.key === 'string' && period && typeof period.id === 'string') return [o.series ?? '', period.id, o.label ?? ''].join('|');
  return Object.keys(o)
    .sort()
    .filter((k) => ['string', 'number', 'boolean'].includes(typeof o[k]))
    .map((k) => `${k}=${String(o[k])}`)
    .join('|');
}

/**
 * Keys the ticks, tick labels and gridlines of the axes Plot draws itself
 * (outside any mark's render) by the label each tick carries, so that a
 * tick kept by a rescaled axis is followed to its new place. A group whose
 * count differs from its labels' is left unkeyed.
 */
export function keyAxes(root: Element): Element {
  for (const axis of ['x', 'y']) {
    const labels = root.querySelector(`g[aria-label="${axis}-axis tick label"]`);
    if (!labels) continue;
    const names = [...labels.children].map((label) => label.textContent ?? '');
    for (const group of [labels, root.querySelector(`g[aria-label="${axis}-axis tick"]`), root.querySelector(`g[aria-label="${axis}-grid"]`)]) {
      if (group?.children.length !== names.length) continue;
      [...group.children].forEach((el, i) => el.hasAttribute(KEY_ATTRIBUTE) || el.setAttribute(KEY_ATTRIBUTE, `tick:${names[i]}`));
    }
  }
  return root;
}
