/**
 * The states of one chart as one drawing: the states' SVGs (drawn on the
 * same scales and frame, their marks keyed by markKeys.ts) laid over each
 * other, each mark drawn once, and for each state the CSS that puts every
 * mark where that state has it. The page switches states with one
 * attribute; the stylesheet does the rest (see states.ts for the rules'
 * selectors).
 *
 * How a mark changes between states, by what changes:
 * - it is in some states only: opacity;
 * - its colour: fill and stroke;
 * - a bar's height or place: a transform (fill-box, from its top-left);
 * - a dot's place: cx and cy;
 * - an axis tick, its label or gridline, or any text placed by a translate,
 *   keyed by its value: a transform to its place in each state (an axis
 *   that rescales on a zoom slides its ticks);
 * - a line that runs further in a later state: a clip that reveals it by x;
 * - a line or area that changes shape: its paths resampled to the same
 *   commands (reshape.ts), each state's drawing its own, and the others'
 *   in `data-d<state>` for the page's script to move it by SMIL from one
 *   to the next (Safari has no CSS `d`);
 * - anything else (a label's text or place, a path that cannot be
 *   resampled): two marks, one fading out as the other fades in (text
 *   swaps in one frame instead: the page's site.css steps its opacity).
 */
import { KEY_ATTRIBUTE } from './markKeys.ts';
import { matchShapes } from './reshape.ts';

/** Paint attributes a state may change through CSS. */
const PAINT = ['fill', 'stroke', 'fill-opacity', 'stroke-opacity'] as const;
/** Geometry each element kind may change through CSS. */
const GEOMETRY: Record<string, readonly string[]> = { rect: ['x', 'y', 'width', 'height'], circle: ['cx', 'cy'], path: ['d'], line: ['x1', 'y1', 'x2', 'y2'] };

/** One drawing of every state, and the CSS declarations of each state by class. */
export interface Morph {
  svg: string;
  /** When a path changes shape: the drawing as each state shows it (its paths' `d`), else `svg` serves every state. */
  svgs?: string[];
  /** For each state, in order: [class, declarations] (`opacity:0;fill:#b23e06`). */
  states: [string, string][][];
}

interface Node {
  id: string;
  /** Each state's element, undefined where the state lacks it. */
  els: (Element | undefined)[];
  children?: Node[];
  /** A path that changes shape: each state's path data, resampled to the same commands. */
  shapes?: (string | undefined)[];
  /** A text relabelled between states (a tick's "Aug", then "Aug 2025"): one mark per wording, shown where the state has it, each moving with the others. */
  shown?: boolean[];
}

/** The attribute prefix of a reshaped path's other states' path data: `data-d2`. */
export const SHAPE_ATTRIBUTE = 'data-d';
/** How a reshaped path moves: the states' CSS timing (site.css), as SMIL writes it. */
const RESHAPE = { attributeName: 'd', begin: 'indefinite', dur: '0.5s', fill: 'freeze', calcMode: 'spline', keyTimes: '0;1', keySplines: '.25 .1 .25 1' };

/**
 * Lays the states' SVG roots over each other. Returns undefined when they
 * are not drawn in one frame (other sizes or root attributes) or would
 * define one id twice, which leaves them to be shown one after the other. `prefix` makes the classes
 * given to changing marks unique on the page.
 */
export function morph(roots: readonly Element[], prefix: string): Morph | undefined {
  if (roots.length < 2 || new Set(roots.map((r) => attributesOf(r, new Set()))).size > 1) return undefined;
  for (const root of roots) placeTexts(root);
  const tree = merge(roots.map((r) => r));
  const states = roots.map((): [string, string][] => []);
  let count = 0;
  const reshaped: { el: Element; shapes: string[] }[] = [];
  const build = (node: Node, present: boolean[]): Element => {
    const here = node.els.map((e, i) => present[i] && e !== undefined);
    if (node.children) {
      const template = node.els.find((e) => e)!;
      const g = template.cloneNode(false) as Element;
      g.removeAttribute(KEY_ATTRIBUTE);
      for (const child of node.children) g.appendChild(build(child, here));
      return g;
    }
    const rules = leafRules(node.els.map((e, i) => (here[i] ? e : undefined)), node.shapes !== undefined, node.shown);
    const ref = rules.ref.cloneNode(true) as Element;
    ref.removeAttribute(KEY_ATTRIBUTE);
    if (rules.decls || node.shapes) {
      const name = `${prefix}${count++}`;
      ref.setAttribute('class', [ref.getAttribute('class'), name].filter(Boolean).join(' '));
      rules.decls?.forEach((d, i) => states[i].push([name, d]));
    }
    if (node.shapes) reshaped.push({ el: withAnimation(ref), shapes: nearestShapes(node.shapes, here) });
    return ref;
  };
  const svg = roots[0].cloneNode(false) as Element;
  for (const child of tree) svg.appendChild(build(child, roots.map(() => true)));
  // Two states defining one id differently (a clip, a gradient) cannot share a drawing.
  const ids = [...svg.querySelectorAll('[id]')].map((el) => el.getAttribute('id'));
  if (new Set(ids).size < ids.length) return undefined;
  return { svg: svg.outerHTML, ...(reshaped.length ? { svgs: roots.map((_, i) => inState(svg, reshaped, i)) } : {}), states };
}

/** Each state's path data; a state without the path shows it as the nearest state that has it does (faded out). */
function nearestShapes(shapes: readonly (string | undefined)[], here: readonly boolean[]): string[] {
  const present = here.map((h, i) => (h && shapes[i] !== undefined ? i : -1)).filter((i) => i >= 0);
  return shapes.map((d, i) => (here[i] && d !== undefined ? d : shapes[present.find((p) => p >= i) ?? present.at(-1)!]!));
}

/** A reshaped path with the SMIL animation that the page's script starts (with its from and to) when its state comes. */
function withAnimation(path: Element): Element {
  const animate = path.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'animate');
  for (const [name, value] of Object.entries(RESHAPE)) animate.setAttribute(name, value);
  path.appendChild(animate);
  return path;
}

/** The drawing as state `i` shows it: each reshaped path drawn in that state's shape, the other states' shapes beside it. */
function inState(svg: Element, reshaped: readonly { el: Element; shapes: string[] }[], i: number): string {
  for (const { el, shapes } of reshaped) {
    shapes.forEach((d, k) => (k === i ? el.removeAttribute(`${SHAPE_ATTRIBUTE}${k + 1}`) : el.setAttribute(`${SHAPE_ATTRIBUTE}${k + 1}`, d)));
    el.setAttribute('d', shapes[i]);
  }
  return svg.outerHTML;
}

/** The children of one element in every state, matched by key and merged in an order each state keeps. */
function merge(parents: readonly (Element | undefined)[]): Node[] {
  const merged: Node[] = [];
  const byId = new Map<string, Node>();
  parents.forEach((parent, s) => {
    if (!parent) return;
    const seen = new Map<string, number>();
    let at = -1;
    for (const child of parent.children) {
      const base = identity(child);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const id = `${base}#${n}`;
      let node = byId.get(id);
      if (!node) {
        node = { id, els: parents.map(() => undefined) };
        byId.set(id, node);
        merged.splice(at + 1, 0, node);
      }
      node.els[s] = child;
      at = merged.indexOf(node);
    }
  });
  for (const node of merged) {
    if (node.id.startsWith('g:')) node.children = merge(node.els);
  }
  return merged.flatMap(splitPaths).flatMap(splitTexts);
}

/**
 * Labels that move with their marks: a group's own `translate` (Plot's
 * dx and dy) is added to the place of each text in it, so that a label
 * moved aside in one state and not in another is one text at two places;
 * then neighbouring groups of texts alike in all else are one group (a
 * series' name, drawn as a mark of its own in each state, is found by its
 * key whatever group held it).
 */
function placeTexts(parent: Element): void {
  for (const child of [...parent.children]) {
    if (child.tagName.toLowerCase() !== 'g' || child.children.length === 0) continue;
    const texts = [...child.children].every((c) => c.tagName.toLowerCase() === 'text' && translation(c));
    const own = translation(child);
    if (!texts) placeTexts(child);
    else if (own) {
      for (const text of child.children) {
        const [x, y] = translation(text)!;
        text.setAttribute('transform', `translate(${round(x + own[0])},${round(y + own[1])})`);
      }
      child.removeAttribute('transform');
    }
  }
  let previous: Element | undefined;
  for (const child of [...parent.children]) {
    const texts = child.tagName.toLowerCase() === 'g' && child.children.length > 0 && [...child.children].every((c) => c.tagName.toLowerCase() === 'text');
    if (texts && previous && attributesOf(previous, new Set()) === attributesOf(child, new Set())) {
      previous.append(...child.children);
      child.remove();
    } else previous = texts ? child : undefined;
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A keyed text worded differently between states: one mark per wording (see Node.shown). */
function splitTexts(node: Node): Node[] {
  if (node.children || node.shapes) return [node];
  const words = [...new Set(node.els.flatMap((e) => (e?.tagName.toLowerCase() === 'text' ? [e.textContent ?? ''] : [])))];
  if (words.length < 2) return [node];
  return words.map((word) => ({ ...node, id: `${node.id}@${word}`, shown: node.els.map((e) => e?.textContent === word) }));
}

/**
 * What makes two elements of two states the same mark: a group's own
 * attributes; a keyed element's key and whatever CSS cannot change of it;
 * anything else, all of it.
 */
function identity(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const key = el.getAttribute(KEY_ATTRIBUTE);
  if (tag === 'g' && el.children.length > 0) return `g:${attributesOf(el, new Set([KEY_ATTRIBUTE]))}|${key ?? ''}`;
  if (key === null) return `h:${el.outerHTML}`;
  // A place given by a translate can move; a gridline can move, but neither turn nor stretch.
  const changeable = new Set<string>([KEY_ATTRIBUTE, ...PAINT, ...(GEOMETRY[tag] ?? []), ...(translation(el) ? ['transform'] : [])]);
  const direction = tag === 'line' ? `|${coordinate(el, 'x2') - coordinate(el, 'x1')},${coordinate(el, 'y2') - coordinate(el, 'y1')}` : '';
  // A keyed text may be reworded (splitTexts).
  return `k:${tag}|${key}|${attributesOf(el, changeable)}|${tag === 'text' ? '' : (el.textContent ?? '')}${direction}`;
}

const coordinate = (el: Element, name: string) => Number(el.getAttribute(name) ?? 0);

/** An element's `translate(x,y)` transform as numbers, or undefined when it has none or another. */
function translation(el: Element): [number, number] | undefined {
  const match = /^translate\(\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?\s*\)$/.exec(el.getAttribute('transform') ?? '');
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

const cssTranslate = ([x, y]: readonly number[]) => `translate(${Math.round(x * 100) / 100}px,${Math.round(y * 100) / 100}px)`;

function attributesOf(el: Element, except: Set<string>): string {
  return [...el.attributes]
    .filter((a) => !except.has(a.name))
    .map((a) => `${a.name}=${a.value}`)
    .sort()
    .join(' ');
}

/**
 * A line whose path in one state is not the start of its longest path cannot
 * be revealed: it changes shape (its paths resampled to the same commands),
 * or, where they cannot be, becomes a mark of its own there.
 */
function splitPaths(node: Node): Node[] {
  if (node.children || !node.els.some((e) => e?.tagName.toLowerCase() === 'path')) return [node];
  const longest = longestPath(node.els);
  const apart = node.els.map((e) => (e && !isStart(e.getAttribute('d') ?? '', longest) ? e : undefined));
  if (!apart.some(Boolean)) return [node];
  const shapes = matchShapes(node.els.map((e) => e?.getAttribute('d') ?? undefined));
  if (shapes) return [{ ...node, shapes }];
  return [{ ...node, els: node.els.map((e, i) => (apart[i] ? undefined : e)) }, { id: `${node.id}~`, els: apart }];
}

function longestPath(els: readonly (Element | undefined)[]): string {
  return els.reduce((best, e) => {
    const d = e?.getAttribute('d') ?? '';
    return d.length > best.length ? d : best;
  }, '');
}

/** Whether path `d` draws the start of `whole`: the same straight segments (M and L only), up to a vertex. */
function isStart(d: string, whole: string): boolean {
  return d === whole || (/^M[ML\d.,\s-]*$/.test(whole) && whole.startsWith(d) && /^[LM]/.test(whole.slice(d.length)));
}

/**
 * The element to draw (the state where the mark is largest: the longest
 * line, the tallest bar, else the last state that has it) and, when it
 * changes at all, each state's declarations.
 */
function leafRules(els: readonly (Element | undefined)[], reshaped = false, worded?: readonly boolean[]): { ref: Element; decls?: string[] } {
  const present = els.map((e, i) => (e ? i : -1)).filter((i) => i >= 0);
  const tag = els[present[0]]!.tagName.toLowerCase();
  const refIndex = tag === 'path' ? present.reduce((a, b) => ((els[b]!.getAttribute('d') ?? '').length > (els[a]!.getAttribute('d') ?? '').length ? b : a)) : tag === 'rect' ? present.reduce((a, b) => (area(els[b]!) > area(els[a]!) ? b : a)) : (present.findLast((i) => worded?.[i] !== false) ?? present.at(-1)!);
  const ref = els[refIndex]!;
  // A state without the mark shows it as the nearest state that has it does, faded out.
  const shown = els.map((e, i) => e ?? els[present.find((p) => p >= i) ?? present.at(-1)!]!);
  const base = tag === 'rect' ? baselineOf(shown, ref) : 'top';
  const changes = shown.map((el, i) => declarations(el, ref, els[i] !== undefined && worded?.[i] !== false, reshaped ? '' : tag, base));
  const names = [...new Set(changes.flatMap((c) => [...c.keys()]))];
  if (names.length === 0) return { ref };
  // A bar standing on its baseline scales from it (through zero when a state turns it the other way).
  if (names.includes('transform') && base === 'bottom') for (const c of changes) c.set('transform-origin', '0 100%');
  if (names.includes('transform') && base === 'bottom') names.push('transform-origin');
  // Every state writes every property that any state changes, so that one state's rules replace another's whole.
  return { ref, decls: changes.map((c) => names.map((name) => `${name}:${c.get(name) ?? refValue(ref, name)}`).join(';')) };
}

function refValue(ref: Element, name: string): string {
  switch (name) {
    case 'opacity':
      return ref.getAttribute('opacity') ?? '1';
    case 'transform': {
      // A tick's own translate, written as CSS replaces the attribute.
      const own = translation(ref);
      return own ? cssTranslate(own) : 'none';
    }
    case 'clip-path':
      return 'inset(0px 0px 0px 0px)';
    case 'cx':
    case 'cy':
      return `${ref.getAttribute(name) ?? 0}px`;
    default:
      return ref.getAttribute(name) ?? 'inherit';
  }
}

/** How state element `el` differs from the drawn `ref`: CSS property → value. */
function declarations(el: Element, ref: Element, present: boolean, tag: string, base: Baseline): Map<string, string> {
  const out = new Map<string, string>();
  if (!present) out.set('opacity', '0');
  for (const name of PAINT) {
    const value = el.getAttribute(name);
    if (value !== ref.getAttribute(name)) out.set(name, value ?? 'inherit');
  }
  if (tag === 'rect') {
    const transform = rectTransform(el, ref, base);
    if (transform) out.set('transform', transform);
  } else if (tag === 'circle') {
    for (const name of ['cx', 'cy']) if (el.getAttribute(name) !== ref.getAttribute(name)) out.set(name, `${el.getAttribute(name) ?? 0}px`);
  } else if (tag === 'line') {
    const shift = [coordinate(el, 'x1') - coordinate(ref, 'x1'), coordinate(el, 'y1') - coordinate(ref, 'y1')];
    if (shift.some((v) => Math.abs(v) >= 0.01)) out.set('transform', cssTranslate(shift));
  } else if (tag === 'path') {
    const reveal = revealInset(el.getAttribute('d') ?? '', ref.getAttribute('d') ?? '');
    if (reveal) out.set('clip-path', `inset(0px ${reveal}px 0px 0px)`);
  }
  const place = translation(el);
  if (place && el.getAttribute('transform') !== ref.getAttribute('transform')) out.set('transform', cssTranslate(place));
  return out;
}

function area(el: Element): number {
  return Number(el.getAttribute('width') ?? 0) * Number(el.getAttribute('height') ?? 0);
}

/** The edge of the drawn bar that stays put: its foot on the baseline. */
type Baseline = 'top' | 'bottom';

const edges = (el: Element) => {
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((n) => Number(el.getAttribute(n) ?? 0));
  return { x, w, h, top: y, bottom: y + h };
};
const near = (a: number, b: number) => Math.abs(a - b) < 0.01;

/**
 * Which edge of the drawn bar is its foot: the bottom when any state's bar
 * shares it or hangs from it (a value on the other side of zero), else the
 * top (a bar below zero, or bars that share no edge at all).
 */
function baselineOf(states: readonly Element[], ref: Element): Baseline {
  const r = edges(ref);
  return states.some((el) => {
    const e = edges(el);
    return (near(e.bottom, r.bottom) || near(e.top, r.bottom)) && !near(e.top, r.top);
  })
    ? 'bottom'
    : 'top';
}

/**
 * The transform that takes bar `ref` onto bar `el`, from ref's foot (its
 * `base` edge, the transform's origin), or '' when they coincide. A bar on
 * the other side of the baseline is a negative scale, so the bar passes
 * through zero on its way there; bars that share no edge move and scale.
 */
function rectTransform(el: Element, ref: Element, base: Baseline): string {
  const e = edges(el);
  const r = edges(ref);
  if (near(e.x, r.x) && near(e.w, r.w) && near(e.top, r.top) && near(e.bottom, r.bottom)) return '';
  const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
  const sx = r.w > 0 ? e.w / r.w : 1;
  const scale = r.h > 0 ? e.h / r.h : 1;
  const foot = base === 'bottom' ? r.bottom : r.top;
  // The same side of the foot, the other side, or elsewhere (moved).
  const [sy, dy] =
    near(base === 'bottom' ? e.bottom : e.top, foot) ? [scale, 0]
    : near(base === 'bottom' ? e.top : e.bottom, foot) ? [-scale, 0]
    : [scale, (base === 'bottom' ? e.bottom : e.top) - foot];
  return `translate(${round(e.x - r.x)}px,${round(dy)}px) scale(${round(sx, 4)},${round(sy, 4)})`;
}

/** How far left of the drawn line's right edge a state's shorter line ends, or 0 when it is the whole line. */
function revealInset(d: string, whole: string): number {
  if (d === whole) return 0;
  const xs = (path: string) => [...path.matchAll(/[ML]\s*(-?[\d.]+)/g)].map((m) => Number(m[1]));
  const end = Math.max(...xs(d));
  const right = Math.max(...xs(whole));
  return Math.max(0, Math.round((right - end) * 10) / 10);
}
