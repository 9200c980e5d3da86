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
  /** The key of what each datum draws, when it is not the datum itself (keyedBy). */
  [KEY_OF]?: (d: unknown) => string;
}

const KEY_OF = Symbol('key of');

/**
 * `mark`, whose elements are keyed by `key` of their datum rather than by
 * the datum: a series' name is one label wherever the series ends.
 */
export function keyedBy<M>(mark: M, key: (d: unknown) => string): M {
  (mark as KeyedMark)[KEY_OF] = key;
  return mark;
}

/** The attribute that carries a drawn element's key. */
export const KEY_ATTRIBUTE = 'data-key';

/** `options` with every mark's elements keyed (the marks are changed in place). */
export function keyMarks(options: Plot.PlotOptions): Plot.PlotOptions {
  for (const mark of flatMarks(options.marks)) {
    const render = mark.render;
    mark.render = function (index, scales, values, dimensions, context) {
      const node = render.call(this, index, scales, values, dimensions, context);
      if (node) label(node, index, this.data, values, this[KEY_OF] ?? datumKey);
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
function label(node: Element, index: number[], data: ArrayLike<unknown> | undefined, values: Values, key: (d: unknown) => string): void {
  const children = [...node.children];
  if (!data || !index) return;
  if (children.length === index.length) {
    children.forEach((child, i) => child.setAttribute(KEY_ATTRIBUTE, key(data[index[i]])));
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
 * (outside any mark's render), so that a tick kept by a rescaled axis is
 * followed to its new place: along time by the day it stands at (so that
 * "Aug" and "Aug 2025" are one tick, relabelled), else by the label it
 * carries. A group whose count differs from its labels' is left unkeyed.
 */
export function keyAxes(root: Element): Element {
  for (const axis of ['x', 'y']) {
    const labels = root.querySelector(`g[aria-label="${axis}-axis tick label"]`);
    if (!labels) continue;
    const day = dayOf(root, axis, labels);
    const names = [...labels.children].map((label) => day?.(label) ?? label.textContent ?? '');
    for (const group of [labels, root.querySelector(`g[aria-label="${axis}-axis tick"]`), root.querySelector(`g[aria-label="${axis}-grid"]`)]) {
      if (group?.children.length !== names.length) continue;
      [...group.children].forEach((el, i) => el.hasAttribute(KEY_ATTRIBUTE) || el.setAttribute(KEY_ATTRIBUTE, `tick:${names[i]}`));
    }
  }
  return root;
}

interface Scale {
  type?: string;
  invert?: (pixel: number) => unknown;
}

/** On a time axis along x, the day (`2025-08-01`) a tick label stands at; undefined on any other axis. */
function dayOf(root: Element, axis: string, labels: Element): ((label: Element) => string | undefined) | undefined {
  const scale = (root as unknown as { scale?: (name: string) => Scale | undefined }).scale?.(axis);
  if (axis !== 'x' || !scale?.invert || (scale.type !== 'utc' && scale.type !== 'time')) return undefined;
  const shift = translateX(labels);
  return (label) => {
    const t = scale.invert!(translateX(label) + shift);
    return t instanceof Date ? new Date(Math.round(t.getTime() / 864e5) * 864e5).toISOString().slice(0, 10) : undefined;
  };
}

const translateX = (el: Element) => Number(/^translate\(\s*(-?[\d.]+)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? 0);
