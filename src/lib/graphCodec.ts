/**
 * A graph of plain values (objects, arrays, Maps, Sets, Dates) to bytes and
 * back, where every object it shares with a `root` (a dataset, the chart
 * kinds) is written as its path from that root and read back as the root's
 * own object: so a story's check is stored without a copy of its dataset,
 * and comes back pointing into the dataset loaded now. Node's structured
 * serialiser (node:v8) does the rest, keeping objects shared within the
 * graph shared.
 *
 * A path read back must lead to an object under the new root, or decoding
 * throws; the caller then does the work again. Encoding throws on what the
 * serialiser would lose: a function, or an instance of a class not under
 * the root.
 */
import { deserialize, serialize } from 'node:v8';

/** A step from an object to one it holds: a property, an array's index, a Map's key, a Set's nth member. */
type Step = string | number | { key: string | number } | { nth: number };

interface Link {
  parent: object | undefined;
  step: Step | undefined;
}

/** How a reference to the root's object at `path` is written. */
const REF = '\u0000ref';

/** The objects under `root` (itself included), each with the link it was first reached by. */
export type GraphIndex = Map<object, Link>;

export function indexGraph(root: object): GraphIndex {
  const index: GraphIndex = new Map([[root, { parent: undefined, step: undefined }]]);
  const queue: object[] = [root];
  const visit = (parent: object, step: Step, child: unknown) => {
    if (child === null || typeof child !== 'object' || index.has(child)) return;
    index.set(child, { parent, step });
    if (container(child)) queue.push(child);
  };
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    if (Array.isArray(at)) at.forEach((child, n) => visit(at, n, child));
    else if (at instanceof Map) {
      for (const [key, child] of at) if (typeof key === 'string' || typeof key === 'number') visit(at, { key }, child);
    } else if (at instanceof Set) [...at].forEach((child, nth) => visit(at, { nth }, child));
    else for (const key of Object.keys(at)) visit(at, key, (at as Record<string, unknown>)[key]);
  }
  return index;
}

/** Whether the walk goes into `value`: arrays, Maps, Sets and plain objects (a class instance is only pointed at). */
function container(value: object): boolean {
  if (Array.isArray(value) || value instanceof Map || value instanceof Set) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function pathOf(index: GraphIndex, link: Link): Step[] {
  const path: Step[] = [];
  for (let at: Link | undefined = link; at?.step !== undefined; at = at.parent && index.get(at.parent)) path.push(at.step);
  return path.reverse();
}

/** `value` as bytes, with what it shares with the graph of `index` written as paths. */
export function encodeGraph(value: unknown, index: GraphIndex): Uint8Array {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v === 'function' || typeof v === 'symbol') throw new Error(`cannot store a ${typeof v}`);
    if (v === null || typeof v !== 'object') return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    const link = index.get(v);
    if (link) {
      const ref = { [REF]: pathOf(index, link) };
      copies.set(v, ref);
      return ref;
    }
    if (v instanceof Date) return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const item of v) out.push(copy(item));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map();
      copies.set(v, out);
      for (const [key, item] of v) out.set(copy(key), copy(item));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      copies.set(v, out);
      for (const item of v) out.add(copy(item));
      return out;
    }
    if (!container(v)) throw new Error(`cannot store an instance of ${v.constructor?.name ?? 'a class'}`);
    if (Object.hasOwn(v, REF)) throw new Error('cannot store an object with the reference key');
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const key of Object.keys(v)) Object.defineProperty(out, key, { value: copy((v as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return serialize(copy(value));
}

/** The value `bytes` hold, its paths followed from `root`; throws when one leads nowhere. */
export function decodeGraph(bytes: Uint8Array, root: object): unknown {
  const follow = (path: Step[]): object => {
    let at: unknown = root;
    for (const step of path) {
      if (at === null || typeof at !== 'object') break;
      if (typeof step !== 'object') at = (at as Record<string | number, unknown>)[step];
      else if ('key' in step) at = at instanceof Map ? at.get(step.key) : undefined;
      else at = at instanceof Set ? [...at][step.nth] : undefined;
    }
    if (at === null || typeof at !== 'object') throw new Error(`stored reference ${JSON.stringify(path)} leads nowhere`);
    return at;
  };
  const refOf = (v: unknown): object | undefined => (v !== null && typeof v === 'object' && Object.hasOwn(v, REF) ? follow((v as Record<string, Step[]>)[REF]) : undefined);
  const seen = new Set<object>();
  const stack: object[] = [];
  const fix = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const ref = refOf(v);
    if (ref) return ref;
    if (!seen.has(v)) {
      seen.add(v);
      stack.push(v);
    }
    return v;
  };
  const top = fix(deserialize(bytes));
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (Array.isArray(at)) {
      for (let n = 0; n < at.length; n++) at[n] = fix(at[n]);
    } else if (at instanceof Map) {
      const entries = [...at];
      if (entries.some(([key]) => fix(key) !== key)) {
        at.clear();
        for (const [key, item] of entries) at.set(fix(key), fix(item));
      } else {
        for (const [key, item] of entries) at.set(key, fix(item));
      }
    } else if (at instanceof Set) {
      const items = [...at];
      at.clear();
      for (const item of items) at.add(fix(item));
    } else if (!(at instanceof Date)) {
      const object = at as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const item = object[key];
        const fixed = fix(item);
        if (fixed !== item) object[key] = fixed;
      }
    }
  }
  return top;
}
