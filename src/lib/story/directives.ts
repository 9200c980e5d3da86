import type { Root, Nodes, Parent, PhrasingContent } from 'mdast';
import type { TextDirective, LeafDirective, ContainerDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Dataset, Row } from '../data/model.ts';
import { isSpan, periodEnd, type Period } from '../period.ts';
import { unitOf } from '../data/model.ts';
import { describeFilter, filterRows, resolveKey, valueAt, type Filter } from '../data/keys.ts';
import { BUILT_IN_UNITS, DEFAULT_LOCALE, formatFits, formatNames, formatValue, defaultFormat, type Unit } from '../format.ts';
import { closest, suggestion } from '../suggest.ts';
import type { Position, Problems } from '../problems.ts';
import { provenanceFault } from './provenanceCheck.ts';
import { checkFigure, figureRounding, parseStatedFigure, restate, unitWordProblem, type StatedFigure } from './factLiteral.ts';
import { sentencesAround } from './sentences.ts';
import { periodThatMatches } from './otherPeriod.ts';
import { checkClaim, CLAIMS, COMPARISONS, compareWith, isClaimName, type ClaimName, type SeriesPoint } from './claims.ts';
import { checkCategoryClaim } from './categoryClaims.ts';
import { averagesOverSpan } from '../charts/chartData.ts';
import type { FactData, FactRecord, Rounding } from '../audit/factRecord.ts';
import { INVISIBLE_HINT, invisibleIn } from './invisible.ts';
import { statedChange, statesMultiple } from './factChange.ts';

export const DIRECTIVES = ['fact', 'value'] as const;

type Directive = TextDirective | LeafDirective | ContainerDirective;

/** What the directive plugin needs to know about the file it checks. */
export interface DirectiveContext {
  file: string;
  /** Line of the file on which the Markdown body starts. */
  bodyLine: number;
  /** The Markdown body, to print unknown "directives" back as written. */
  body: string;
  dataset: Dataset | undefined;
  problems: Problems;
  /** Every key used, for reports ("which figures does this story state?"). */
  used?: Set<string>;
  /** The story's last reported period: a figure from later is refused. */
  through?: Period;
  /** The site's locale, for numbers printed by :value (default en-US). */
  locale?: string;
  /** Every :fact and :value met, passing or not, in reading order (the fact ledger's source). */
  facts?: FactRecord[];
  /** The project folder, where public/ holds the images a page may show. */
  root?: string;
  /** Starts every id the Markdown makes (footnotes), unique on the page. */
  idPrefix?: string;
  /** Told of every link to an #id on the page, to check once the page's ids are known. */
  anchor?: (at: Position, id: string) => void;
}

/**
 * A remark plugin: checks every `:fact` against the data, prints every
 * `:value` from it, and turns colon-text that merely looks like a directive
 * ("10:30", "Note:this") back into the text the editor wrote.
 */
export function remarkFacts(context: DirectiveContext) {
  return (tree: Root) => {
    // Each record with the node that stands for it on the page, to find its sentence.
    const met: [FactRecord, Nodes][] = [];
    // Each figure found in the data, with its node: its sentence decides whether an unverified one is attributed.
    const sourced: { node: Nodes; data: FactData; attributed: string | undefined; at: Position; label: string; record?: FactRecord }[] = [];
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (!isDirective(node) || !parent || index === undefined) return;
      const at = position(context, node);
      if (node.type === 'textDirective' && (DIRECTIVES as readonly string[]).includes(node.name)) {
        const before = context.problems.size;
        const name = node.name as 'fact' | 'value';
        const attributes = readAttributes(node);
        let shown: Nodes = node;
        let data: FactData | undefined;
        if (!wellFormed(node, at, context)) {
          shown = missing();
          parent.children.splice(index, 1, shown as PhrasingContent);
        } else if (name === 'fact') {
          data = checkFact(node, at, context);
        } else {
          const printed = printValue(node, at, context);
          shown = printed.node;
          data = printed.data;
          parent.children.splice(index, 1, printed.node);
        }
        const check: (typeof sourced)[number] | undefined = data ? { node: shown, data, attributed: attributes.unverified, at, label: name === 'fact' ? `fact "${toString(node)}"` : `:value of ${attributes.key}` } : undefined;
        if (check) sourced.push(check);
        if (context.facts) {
          const record: FactRecord = {
            directive: name,
            text: name === 'fact' ? toString(node) : toString(shown),
            sentence: '',
            file: context.file,
            ...at,
            ...(attributes.key === undefined ? {} : { key: attributes.key }),
            ...(attributes.at === undefined ? {} : { at: attributes.at }),
            filters: Object.fromEntries(Object.entries(attributes.filter).map(([c, v]) => [c, v.join('|')])),
            ...(data ? { data } : {}),
            problems: context.problems.list.slice(before).map((p) => p.message),
            ...(name === 'fact' && attributes.claim !== undefined ? { claim: attributes.claim } : {}),
            ...(attributes.offchart ? { offchart: true } : {}),
            ...(attributes.unverified !== undefined ? { attributed: attributes.unverified } : {}),
          };
          if (check) check.record = record;
          context.facts.push(record);
          met.push([record, shown]);
        }
        return SKIP;
      }
      const written = hasLabelOrAttributes(node, context);
      if ((DIRECTIVES as readonly string[]).includes(node.name) || written) {
        const near = closest(node.name, DIRECTIVES);
        const inline = node.type === 'textDirective' ? '' : ' (write it inline, with one colon)';
        context.problems.add(
          context.file,
          at,
          `unknown directive "${':'.repeat(colons(node))}${node.name}"${inline}`,
          near ? `did you mean ":${near}"?` : 'use :fact[…]{key=… at=…} or :value{key=… at=…}; to print a colon before a word, write \\:',
        );
      }
      // Not meant as a directive: put back exactly what was written.
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const text = start !== undefined && end !== undefined ? context.body.slice(start, end) : `:${node.name}`;
      parent.children.splice(index, 1, { type: 'text', value: text } as PhrasingContent);
      return SKIP;
    });
    const sentences = sentencesAround(tree, [...new Set([...met.map(([, node]) => node), ...sourced.map((c) => c.node)])]);
    for (const [record, node] of met) record.sentence = sentences.get(node) ?? '';
    for (const c of sourced) {
      const fault = provenanceFault(c.label, c.data, c.attributed, sentences.get(c.node) ?? '');
      if (!fault) continue;
      context.problems.add(context.file, c.at, fault.message, fault.hint);
      c.record?.problems.push(fault.message);
    }
  };
}

/**
 * Faults of form that would otherwise pass unseen: an attribute block that
 * does not parse (remark then leaves it as text and the directive has no
 * attributes), words in a :value's brackets (it prints the data instead),
 * and a directive inside a :fact's brackets (left unchecked).
 */
function wellFormed(node: TextDirective, at: Position, context: DirectiveContext): boolean {
  const end = node.position?.end.offset;
  const after = end === undefined ? '' : context.body.slice(end);
  const fail = (message: string, hint: string) => {
    context.problems.add(context.file, at, message, hint);
    return false;
  };
  if (after.startsWith('{') && Object.keys(node.attributes ?? {}).length === 0) {
    const written = /^\{[^}\n]*\}?/.exec(after)![0];
    return fail(`malformed attributes ${written} on :${node.name}`, 'write name=value pairs separated by spaces; quote a value with spaces or an empty one: destination="United States"');
  }
  // remark keeps the last of a repeated attribute: `at=2024-12 at=2025-11` would check one silently.
  const own = context.body.slice(node.position?.start.offset ?? 0, end);
  const block = /\{[^{}]*\}$/.exec(own)?.[0] ?? '';
  const names: string[] = block.replace(/"[^"]*"|'[^']*'/g, '""').match(/(?<![\w-])[\w-]+(?==)/g) ?? [];
  // remark stores attributes in a plain object, where "__proto__" vanishes.
  const lost = names.find((name) => !Object.hasOwn(node.attributes ?? {}, name));
  if (lost) {
    return fail(`attribute "${lost}" on :${node.name} is not a column`, 'use key, at, format, digits or the name of a category column of the key\'s table');
  }
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) {
    return fail(`attribute "${repeated}" given twice on :${node.name}`, `keep one ${repeated}=…: only the last would count`);
  }
  if (node.name === 'value' && node.children.length > 0) {
    return fail(`:value takes no text in brackets: "${toString(node)}"`, 'it prints the figure from the data; to check words of your own, write :fact[…]{…}');
  }
  if (node.name === 'fact' && node.children.some((child) => isDirective(child as Nodes))) {
    return fail(`fact "${toString(node)}" contains a directive`, 'a :fact states its figure in plain words; put any :value outside the brackets');
  }
  return true;
}

/** Checks a :fact; returns what it was checked against, when the data was found. */
function checkFact(node: TextDirective, at: Position, context: DirectiveContext): FactData | undefined {
  const text = toString(node);
  const attributes = readAttributes(node);
  node.data = { hName: 'data', hProperties: { className: ['fact'] } };
  const hidden = invisibleIn(text);
  if (hidden) {
    context.problems.add(context.file, at, `fact "${text}" contains the invisible character ${hidden}`, INVISIBLE_HINT);
    return;
  }
  const figure = parseStatedFigure(text);
  if (!figure.ok) {
    context.problems.add(context.file, at, figure.message, figure.hint);
    return undefined;
  }
  if (!claimAttributesFit(attributes, text, at, context)) return undefined;
  const found = lookup(attributes, at, context, ':fact');
  if (!found) return undefined;
  if (attributes.from !== undefined || statesMultiple(text, figure.figure) || comparesCategory(attributes)) return checkChange(text, figure.figure, attributes, found, at, context);
  const { value, unit, key } = found;
  node.data.hProperties = { className: ['fact'], value: String(value) };
  const units = context.dataset?.units ?? BUILT_IN_UNITS;
  // A figure in another built-in kind (a percentage for dollars) is reported by checkFigure.
  const word = figure.figure.kind === undefined || figure.figure.kind === unit.kind ? unitWordProblem(text, figure.figure, unit, units) : undefined;
  if (word !== undefined) {
    const own = unit.words.length ? ` (${unit.words.map((w) => `"${w}"`).join(', ')})` : unit.suffix.trim() ? ` ("${unit.suffix.trim()}")` : '';
    context.problems.add(context.file, at, `fact "${text}" states "${word}" but ${key} is in ${unit.label}`, `the column's unit is ${unit.name}, ${unit.label}: write its words${own}, or check the key`);
    return;
  }
  const result = checkFigure(figure.figure, value, unit);
  const data: FactData = { value, unit, table: found.table, measure: found.measure, row: found.row, rounding: figureRounding(figure.figure, value, unit) };
  if (result.ok && attributes.claim) checkFactClaim(text, attributes, found, at, context);
  if (!result.ok) {
    const where = `${key}${attributes.at ? ` at ${attributes.at}` : ""}${describeFilter(attributes.filter)}`;
    if (result.rounded === undefined) {
      context.problems.add(context.file, at, `fact "${text}" ${result.message}`, `check the key: ${where} is a measure of another kind`);
      return { ...data, rounding: { decimals: figure.figure.decimals, scale: 1, stated: figure.figure.value, rounded: value } };
    }
    const restated = restate(text, figure.figure, result.rounded);
    // When the data moved the other way, the signed numbers say it best.
    const turned = Math.sign(result.rounded) !== Math.sign(figure.figure.value) && result.rounded !== 0;
    // A figure that another period of the series gives most likely names the wrong period: say so first.
    const other = attributes.at === undefined ? undefined : periodThatMatches(figure.figure, found.table, found.measure, found.row);
    const fix = turned ? 'the data moved the other way: correct the direction word or sign, or check the key and period' : `correct the text to "${restated}", or check the key and period`;
    context.problems.add(
      context.file,
      at,
      `fact "${text}" does not match ${where}: the text says ${turned ? result.stated : text}, the data gives ${turned ? result.actual : restated}`,
      other ? `did you mean at=${other}? ${key} gives "${text}" there; if at=${attributes.at} is right, ${turned ? 'the data moved the other way there' : `the text should read "${restated}"`}` : fix,
    );
  }
  return data;
}

/**
 * A fact that states a change between two periods (`from=`): the row at
 * `from` has the same categories; the words say whether the change is a
 * difference, a change in per cent or a multiple (factChange.ts).
 */
function checkChange(text: string, figure: StatedFigure, attributes: Attributes, found: NonNullable<ReturnType<typeof lookup>>, at: Position, context: DirectiveContext): FactData | undefined {
  const { key, table, measure, row } = found;
  const { problems, file } = context;
  if (comparesCategory(attributes)) return checkCategoryChange(text, figure, attributes, found, at, context);
  if (attributes.from === undefined) {
    problems.add(file, at, `fact "${text}" states a multiple, and names no period to compare with`, `add from=… (the earlier period) to {key=${key} …}: the multiple is the value at at= over the value at from=; or than="column=value" for another category at the same period`);
    return undefined;
  }
  if (table.grain === 'none') {
    problems.add(file, at, `fact "${text}": from=${attributes.from} names a period, and ${key} has none`, `table ${table.name} is a cross-section: delete from=, and compare rows with two facts`);
    return undefined;
  }
  if (attributes.claim !== undefined) {
    problems.add(file, at, `fact "${text}" has both from= and claim=`, 'claim= checks the figure at at=, from= a change: write them as two facts');
    return undefined;
  }
  const earlier = valueAt({ key, table, measure }, attributes.from, attributes.filter);
  if (!earlier.ok) {
    if (!earlier.followOn) problems.add(file, at, `from=${attributes.from}: ${earlier.message}`, earlier.hint ?? 'state a period the table holds');
    return undefined;
  }
  if (periodEnd(earlier.value.row.period).getTime() >= periodEnd(row.period).getTime()) {
    problems.add(file, at, `fact "${text}": from=${attributes.from} is not before at=${attributes.at}`, 'from= names the earlier period, at= the later one');
    return undefined;
  }
  return checkStatedChange(text, figure, found, attributes.from, earlier.value.row, earlier.value.value, `${key} from ${attributes.from} to ${attributes.at}${describeFilter(attributes.filter)}`, at, context);
}

/** Whether the fact compares its figure with another category's at the same period (than="column=value", no claim). */
function comparesCategory(attributes: Attributes): boolean {
  return attributes.claim === undefined && attributes.than?.includes('=') === true;
}

/**
 * A fact that states how its figure compares with another category's at
 * the same period ("New York got 1.4 times Seattle's rain"): than="city=Seattle"
 * names it, and the words say whether a multiple, a change in per cent or a difference.
 */
function checkCategoryChange(text: string, figure: StatedFigure, attributes: Attributes, found: NonNullable<ReturnType<typeof lookup>>, at: Position, context: DirectiveContext): FactData | undefined {
  if (attributes.from !== undefined) {
    context.problems.add(context.file, at, `fact "${text}" has both from= and than="${attributes.than}"`, 'from= compares two periods, than= two categories at one period: write them as two facts');
    return undefined;
  }
  const other = categoryRow(attributes.than!, attributes, found);
  if (!other.ok) {
    context.problems.add(context.file, at, `fact "${text}": ${other.message}`, other.hint);
    return undefined;
  }
  const when = found.table.grain === 'none' ? '' : ` at ${attributes.at}`;
  return checkStatedChange(text, figure, found, other.name, other.row, other.value, `${found.key}${describeFilter(attributes.filter)} against ${attributes.than}${when}`, at, context);
}

/** Checks the change `figure` states from `fromValue` (of `fromRow`, named `from`) to the fact's own value. */
function checkStatedChange(text: string, figure: StatedFigure, found: NonNullable<ReturnType<typeof lookup>>, from: string, fromRow: Row, fromValue: number, where: string, at: Position, context: DirectiveContext): FactData | undefined {
  const { table, measure, row } = found;
  const { problems, file } = context;
  const stated = statedChange(text, figure, found.unit, from, fromValue, found.value);
  if (!stated.ok) {
    problems.add(file, at, stated.message, stated.hint);
    return undefined;
  }
  const { change } = stated;
  const result = checkFigure(figure, change.value, change.unit);
  const data: FactData = { value: change.value, unit: change.unit, table, measure, row, rounding: figureRounding(figure, change.value, change.unit), change: { op: change.op, from, fromValue: change.fromValue, fromRow } };
  if (result.ok) return data;
  const what = change.op === 'times_from' ? 'the multiple' : change.op === 'pct_from' ? 'the change in per cent' : 'the change';
  if (result.rounded === undefined) {
    problems.add(file, at, `fact "${text}" ${result.message}`, `a change from= is stated in the column's unit (${found.unit.label}), in per cent ("fell 51%") or as a multiple ("8.6 times")`);
    return data;
  }
  const turned = Math.sign(result.rounded) !== Math.sign(figure.value) && result.rounded !== 0;
  problems.add(
    file,
    at,
    `fact "${text}" does not match ${what} in ${where}: the text says ${turned ? result.stated : text}, the data gives ${turned ? result.actual : restate(text, figure, result.rounded)}`,
    turned ? 'the data moved the other way: correct the direction word or sign, or check the periods' : `correct the text to "${restate(text, figure, result.rounded)}", or check the periods`,
  );
  return data;
}

/** The printed :value, and the data it printed when it was found. */
function printValue(node: TextDirective, at: Position, context: DirectiveContext): { node: PhrasingContent; data?: FactData } {
  const printed = printedValue(node, at, context);
  return 'node' in printed ? printed : { node: printed };
}

function printedValue(node: TextDirective, at: Position, context: DirectiveContext): PhrasingContent | { node: PhrasingContent; data: FactData } {
  const attributes = readAttributes(node);
  const formatName = attributes.format;
  const units = context.dataset?.units ?? BUILT_IN_UNITS;
  const names = formatNames(units);
  if (formatName !== undefined && !names.includes(formatName)) {
    context.problems.add(context.file, at, `invalid format: ${formatName} (expected ${names.join(', ')})`, closest(formatName, names) ? `did you mean "${closest(formatName, names)}"?` : undefined);
    return missing();
  }
  const digits = attributes.digits === undefined ? undefined : Number(attributes.digits);
  if (digits !== undefined && !(/^\d$/.test(attributes.digits!) && digits <= 6)) {
    context.problems.add(context.file, at, `invalid digits: ${attributes.digits}`, 'write a whole number from 0 to 6');
    return missing();
  }
  const found = lookup(attributes, at, context, ':value');
  if (!found) return missing();
  const format = formatName ?? defaultFormat(found.unit);
  if (!formatFits(format, found.unit, units)) {
    context.problems.add(context.file, at, `format ${format} cannot print ${found.key}, which is in ${found.unit.label}`, `use format=${defaultFormat(found.unit)}`);
    return missing();
  }
  const text = formatValue(found.value, found.unit, format, digits, context.locale ?? DEFAULT_LOCALE, units);
  const shown = {
    type: 'text',
    value: text,
    data: { hName: 'data', hProperties: { className: ['value'], value: String(found.value) }, hChildren: [{ type: 'text', value: text }] },
  } as PhrasingContent;
  return { node: shown, data: { value: found.value, unit: found.unit, table: found.table, measure: found.measure, row: found.row, rounding: valueRounding(text, found.value, found.unit, format) } };
}

/**
 * What a :value's printing rounds to, read back from the printed text the
 * way a :fact's words are read: the figure stays the same while the data
 * stays within `accepts`.
 */
function valueRounding(text: string, value: number, unit: Unit, format: string): Rounding {
  const printed = parseStatedFigure(text);
  if (!printed.ok) return { decimals: 0, scale: 1, rounded: value, format };
  const { stated: _stated, ...rounding } = figureRounding(printed.figure, value, unit);
  return { ...rounding, format };
}

function missing(): PhrasingContent {
  return { type: 'text', value: '' };
}

/** claim= names a known claim; since= and than= come only with one. */
function claimAttributesFit(attributes: Attributes, text: string, at: Position, context: DirectiveContext): boolean {
  const { claim } = attributes;
  if (claim === undefined) {
    // than="column=value" without a claim: the words state a multiple or a difference from that category.
    const stray = (['since', 'than'] as const).find((a) => attributes[a] !== undefined && !(a === 'than' && comparesCategory(attributes)));
    if (!stray) return true;
    context.problems.add(context.file, at, `${stray}= on fact "${text}" without a claim`, `add claim=… (${CLAIMS.join(', ')}), or delete ${stray}=`);
    return false;
  }
  if (isClaimName(claim)) return true;
  const near = closest(claim, CLAIMS);
  context.problems.add(context.file, at, `unknown claim "${claim}" on fact "${text}"`, near ? `did you mean "${near}"?` : `use one of ${CLAIMS.join(', ')}`);
  return false;
}

/**
 * Checks the words claim= names against the rest of the fact's series. A
 * span of months that the charts draw at its average per month (a
 * January–February release of an amount) is compared at that average too.
 */
function checkFactClaim(text: string, attributes: Attributes, found: NonNullable<ReturnType<typeof lookup>>, at: Position, context: DirectiveContext): void {
  const { table, measure, row, unit } = found;
  const resolved = { key: found.key, table, measure };
  const point = (r: Row, value: number | null): SeriesPoint => {
    const averaged = value !== null && isSpan(r.period) && averagesOverSpan(table, measure, r);
    return averaged ? { period: r.period, value: value / (r.period.to - r.period.from + 1), averaged } : { period: r.period, value };
  };
  const series = filterRows(table, attributes.filter).map((r) => point(r, r.values[measure.name] ?? null));
  const units = context.dataset?.units ?? BUILT_IN_UNITS;
  const show = (v: number) => formatValue(v, unit, defaultFormat(unit), undefined, context.locale ?? DEFAULT_LOCALE, units);
  const find = (period: Period) => {
    const found = valueAt(resolved, period.id, attributes.filter);
    return found.ok ? point(found.value.row, found.value.value) : undefined;
  };
  const request = { claim: attributes.claim as ClaimName, since: attributes.since, than: attributes.than };
  // than="column=value": the same period in another category (another city, another country).
  if (request.than?.includes('=')) {
    const other = otherCategory(request.claim, request.than, attributes, found);
    const result = other.ok ? compareWith(request.claim, point(row, found.value).value!, point(other.row, other.value).value!, other.name, show) : other;
    if (!result.ok) {
      context.problems.add(context.file, at, `fact "${text}": ${result.message} for ${found.key}${table.grain === 'none' ? '' : ` at ${attributes.at}`}${describeFilter(attributes.filter)}`, result.hint);
    }
    return;
  }
  // A table without periods ranks its categories instead (categoryClaims.ts).
  const timeless = table.grain === 'none';
  const result = timeless && !request.since && !request.than
    ? checkCategoryClaim(request.claim, table, measure.name, row, attributes.filter, show)
    : checkClaim(request, row.period, point(row, found.value).value!, series, show, find);
  if (!result.ok) {
    context.problems.add(context.file, at, `fact "${text}": ${result.message} for ${found.key}${timeless ? '' : ` at ${attributes.at}`}${describeFilter(attributes.filter)}`, result.hint);
  }
}

/**
 * The figure than="column=value" names: the fact's own key and period, with
 * that category in place of the fact's own. Only the comparison claims
 * take one.
 */
function otherCategory(
  claim: ClaimName,
  than: string,
  attributes: Attributes,
  found: NonNullable<ReturnType<typeof lookup>>,
): { ok: true; row: Row; value: number; name: string } | { ok: false; message: string; hint: string } {
  if (!COMPARISONS.includes(claim)) {
    return { ok: false, message: `claim=${claim} takes no than="${than}"`, hint: `a category is compared with ${COMPARISONS.join(', ')} only` };
  }
  return categoryRow(than, attributes, found);
}

/** The row and value of the category than="column=value" names, at the fact's own key and period. */
function categoryRow(than: string, attributes: Attributes, found: NonNullable<ReturnType<typeof lookup>>): { ok: true; row: Row; value: number; name: string } | { ok: false; message: string; hint: string } {
  const { table, measure } = found;
  const split = than.indexOf('=');
  const column = than.slice(0, split).trim();
  const value = than.slice(split + 1).trim();
  if (!table.categories.includes(column)) {
    const hint = suggestion(column, table.categories, 'a category:') ?? `${table.name} has no categories to compare`;
    return { ok: false, message: `than="${than}" names no category column of table ${table.name}`, hint };
  }
  if (attributes.filter[column]?.length === 1 && attributes.filter[column][0] === value) {
    return { ok: false, message: `than="${than}" names the fact's own ${column}`, hint: `name another ${column} to compare with` };
  }
  const looked = valueAt({ key: found.key, table, measure }, attributes.at, { ...attributes.filter, [column]: [value] });
  if (!looked.ok) return { ok: false, message: `no figure for ${column}=${value} to compare with: ${looked.message}`, hint: looked.hint ?? `name a ${column} of ${table.file} with a figure at ${attributes.at}` };
  return { ok: true, row: looked.value.row, value: looked.value.value, name: value };
}

interface Attributes {
  key?: string;
  at?: string;
  format?: string;
  digits?: string;
  claim?: string;
  since?: string;
  than?: string;
  /** The period a stated change runs from (`from=2007-10`). */
  from?: string;
  offchart: boolean;
  /** The outlet an unverified figure is attributed to in the sentence. */
  unverified?: string;
  filter: Filter;
}

const RESERVED = new Set(['key', 'at', 'format', 'digits', 'claim', 'since', 'than', 'from', 'offchart', 'unverified']);
/** Attributes that only a :value uses, and those that only a :fact uses. */
const PRINT_ONLY = ['format', 'digits'] as const;
const CHECK_ONLY = ['claim', 'since', 'than', 'from'] as const;

function readAttributes(node: Directive): Attributes {
  const raw = node.attributes ?? {};
  // No prototype: every attribute name is an own key, whatever it is.
  const filter: Filter = Object.create(null);
  for (const [name, value] of Object.entries(raw)) {
    if (!RESERVED.has(name) && value !== null && value !== undefined) filter[name] = [value];
  }
  return {
    key: raw.key ?? undefined,
    at: raw.at ?? undefined,
    format: raw.format ?? undefined,
    digits: raw.digits ?? undefined,
    claim: raw.claim ?? undefined,
    since: raw.since ?? undefined,
    than: raw.than ?? undefined,
    from: raw.from ?? undefined,
    offchart: Object.hasOwn(raw, 'offchart') && raw.offchart !== 'false',
    unverified: raw.unverified ?? undefined,
    filter,
  };
}

function lookup(attributes: Attributes, at: Position, context: DirectiveContext, name: string) {
  const { problems, file, dataset } = context;
  if (!attributes.key) {
    problems.add(file, at, `${name} needs a key`, `add {key=table.measure at=YYYY-MM}`);
    return undefined;
  }
  if (!dataset) return undefined; // the dataset's own problems are reported
  const resolved = resolveKey(dataset, attributes.key);
  if (!resolved.ok) {
    problems.add(file, at, resolved.message, resolved.hint);
    return undefined;
  }
  // A table without periods is looked up by its categories alone.
  if (!attributes.at && resolved.value.table.grain !== 'none') {
    const example = resolved.value.table.rows.at(-1)?.period.id ?? 'YYYY-MM';
    problems.add(file, at, `${name} needs a period`, `add at=${example} to {key=${attributes.key} …}`);
    return undefined;
  }
  context.used?.add(attributes.key);
  // Attributes other than key/at/format/digits pick categories; a slip in
  // one of the four ("formt") would otherwise read as an unknown category.
  const { table } = resolved.value;
  // :fact prints the editor's own words: format and digits would do nothing there.
  const unused = name === ':fact' ? PRINT_ONLY.filter((a) => attributes[a] !== undefined) : CHECK_ONLY.filter((a) => attributes[a] !== undefined);
  for (const column of [...unused, ...Object.keys(attributes.filter)]) {
    if (column === 'year' || table.categories.includes(column)) continue;
    const notHere: readonly string[] = name === ':value' ? CHECK_ONLY : PRINT_ONLY;
    const valid = [...RESERVED].filter((a) => !notHere.includes(a)).concat(table.categories);
    problems.add(file, at, `unknown attribute "${column}" on ${name}`, suggestion(column, valid, 'one of'));
    return undefined;
  }
  const found = valueAt(resolved.value, attributes.at, attributes.filter);
  if (!found.ok) {
    const hint = found.outside ? `${found.hint}; state a period inside it, or add the month to ${table.file}` : found.hint;
    if (!found.followOn) problems.add(file, at, found.message, hint);
    return undefined;
  }
  const period = found.value.row.period;
  if (context.through && period.grain !== 'none' && periodEnd(period).getTime() > periodEnd(context.through).getTime()) {
    problems.add(file, at, `${attributes.key} at ${attributes.at} is later than the story's through: ${context.through.id}`, 'raise "through" in index.md once the story covers that month, or state an earlier period');
    return undefined;
  }
  const unit = unitOf(resolved.value.measure, found.value.row);
  if (!unit) {
    problems.add(file, at, `${attributes.key} has no unit for ${attributes.at}`, 'fill in the unit column of that row');
    return undefined;
  }
  return { key: attributes.key, value: found.value.value, unit, row: found.value.row, table, measure: resolved.value.measure };
}

function isDirective(node: Nodes): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

function colons(node: Directive): number {
  return node.type === 'textDirective' ? 1 : node.type === 'leafDirective' ? 2 : 3;
}

/** Whether the editor wrote a [label] or {attributes}: then it was meant as a directive. */
function hasLabelOrAttributes(node: Directive, context: DirectiveContext): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const written = context.body.slice(start + colons(node) + node.name.length, end);
  return /^[[{]/.test(written);
}

/** Where a Markdown node starts in the original file (the body begins below the frontmatter). */
export function position(context: DirectiveContext, node: { position?: { start: Position } }): Position {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + context.bodyLine - 1, column: start.column };
}
