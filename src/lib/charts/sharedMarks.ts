/**
 * A page carries every chart twice, drawn for a phone and for a wide
 * screen. Where a mark of the narrow drawing is the wide one's stretched
 * (same bars or lines, over the same domains, only the frame differs), the
 * narrow drawing shows the wide mark through `<use>` with a scale and shift
 * instead of carrying its geometry again. Each mark is checked point by
 * point before it is shared: a mark that does not match within a fraction
 * of a pixel (other data after thinning, other domains, dots that would turn
 * into ellipses) keeps its own drawing.
 */

/** Marks whose geometry is plain rects or paths of x,y pairs. */
const SHAREABLE = new Set(['bar', 'rect', 'line', 'area']);
/** How far, in the narrow drawing's units, a shared point may land from where the narrow drawing puts it. */
const TOLERANCE = 0.6;

interface Axis {
  wide: number[];
  narrow: number[];
}

/**
 * Shares the marks of `narrow` that are `wide`'s stretched: each such wide
 * group gets an id (`m0`, `m1`…) and its narrow twin becomes a
 * `<use href="#^m0">`, to be resolved to the wide drawing's id (see cleanSvg).
 * Returns how many marks are shared.
 */
export function shareMarks(wide: Element, narrow: Element): number {
  const byLabel = (svg: Element) => {
    const groups = new Map<string, Element[]>();
    for (const g of [...svg.children].filter((c) => c.tagName.toLowerCase() === 'g')) {
      const label = g.getAttribute('aria-label') ?? '';
      if (SHAREABLE.has(label)) groups.set(label, [...(groups.get(label) ?? []), g]);
    }
    return groups;
  };
  const wideGroups = byLabel(wide);
  let shared = 0;
  for (const [label, narrowGroups] of byLabel(narrow)) {
    narrowGroups.forEach((n, i) => {
      const w = wideGroups.get(label)?.[i];
      const matrix = w && stretch(w, n);
      if (!w || !matrix) return;
      const id = `m${shared++}`;
      w.setAttribute('id', id);
      // Stretched unevenly by the <use>, a line keeps its width on screen.
      for (const child of w.children) if (child.tagName.toLowerCase() === 'path') child.setAttribute('vector-effect', 'non-scaling-stroke');
      const use = narrow.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'use');
      use.setAttribute('href', `#^${id}`);
      use.setAttribute('transform', `matrix(${matrix.map((v) => Math.round(v * 1e4) / 1e4).join(' ')})`);
      n.replaceWith(use);
    });
  }
  return shared;
}

/**
 * The matrix (a 0 0 d e f) that takes group `w` onto group `n`, or undefined
 * when they are not the same marks stretched.
 */
function stretch(w: Element, n: Element): [number, number, number, number, number, number] | undefined {
  if (!sameFrame(w, n)) return undefined;
  const x: Axis = { wide: [], narrow: [] };
  const y: Axis = { wide: [], narrow: [] };
  const wc = [...w.children];
  const nc = [...n.children];
  if (wc.length === 0 || wc.length !== nc.length) return undefined;
  for (let i = 0; i < wc.length; i++) {
    const a = coordinates(wc[i]);
    const b = coordinates(nc[i]);
    if (!a || !b || a.x.length !== b.x.length || !sameAttributes(wc[i], nc[i])) return undefined;
    // One by one: a path of 100,000 points spread as arguments would overflow the stack.
    for (const [into, from] of [[x.wide, a.x], [x.narrow, b.x], [y.wide, a.y], [y.narrow, b.y]]) for (const v of from) into.push(v);
  }
  const sx = fit(x);
  const sy = fit(y);
  if (!sx || !sy) return undefined;
  return [sx[0], 0, 0, sy[0], sx[1], sy[1]];
}

/** Scale and shift taking the wide values onto the narrow ones, if every value lands within tolerance. */
function fit({ wide, narrow }: Axis): [number, number] | undefined {
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < wide.length; i++) {
    if (wide[i] < wide[lo]) lo = i;
    if (wide[i] > wide[hi]) hi = i;
  }
  const span = wide[hi] - wide[lo];
  if (!(span > 1)) return undefined;
  const scale = (narrow[hi] - narrow[lo]) / span;
  const shift = narrow[lo] - scale * wide[lo];
  if (!(scale > 0)) return undefined;
  return wide.every((v, i) => Math.abs(scale * v + shift - narrow[i]) <= TOLERANCE) ? [scale, shift] : undefined;
}

/**
 * A child's points: a rect's corners, or the x,y pairs of a path made of
 * absolute M, L and Z. Anything else (a transformed element, a circle, a
 * curve or arc) is not shared.
 */
function coordinates(el: Element): { x: number[]; y: number[] } | undefined {
  if (el.hasAttribute('transform')) return undefined;
  const tag = el.tagName.toLowerCase();
  if (tag === 'rect') {
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(el.getAttribute(name) ?? 0));
    return [x, y, width, height].every(Number.isFinite) ? { x: [x, x + width], y: [y, y + height] } : undefined;
  }
  if (tag !== 'path') return undefined;
  const d = el.getAttribute('d') ?? '';
  if (!/^[MLZ\d.,\s-]+$/.test(d)) return undefined;
  const numbers = (d.match(/-?\d*\.?\d+/g) ?? []).map(Number);
  if (numbers.length === 0 || numbers.length % 2) return undefined;
  return { x: numbers.filter((_, i) => i % 2 === 0), y: numbers.filter((_, i) => i % 2 === 1) };
}

/** Groups that draw alike: the same attributes, not moved, nothing referenced by url() (a clip path would not follow). */
function sameFrame(w: Element, n: Element): boolean {
  if (w.hasAttribute('transform') || n.hasAttribute('transform')) return false;
  return !/url\(/.test(w.outerHTML) && !/url\(/.test(n.outerHTML) && sameAttributes(w, n);
}

/** The same presentation attributes, geometry aside. */
function sameAttributes(a: Element, b: Element): boolean {
  const geometry = new Set(['x', 'y', 'width', 'height', 'd', 'id']);
  const of = (el: Element) =>
    [...el.attributes]
      .filter((attribute) => !geometry.has(attribute.name))
      .map((attribute) => `${attribute.name}=${attribute.value}`)
      .sort()
      .join(' ');
  return of(a) === of(b);
}
