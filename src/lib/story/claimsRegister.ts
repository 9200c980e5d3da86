import { z } from 'zod';
import type { Dataset, Measure } from '../data/model.ts';
import { resolveKey, valueAt, type Filter } from '../data/keys.ts';
import { positionAt, type Position, type Problems } from '../problems.ts';
import { parseYaml, reportSchemaIssues } from '../yamlSource.ts';
import { parseStatedFigure } from './factLiteral.ts';
import { describeSources, unverifiedOf } from '../data/provenance.ts';
import { derivedOp } from '../data/ops/registry.ts';

/**
 * The claims register: every claim in a story's prose must have something
 * behind it. A `:fact` checks its number (and, with claim=, its words);
 * what the data cannot check — "the most since at least 2014", a figure
 * no table holds — is listed in `claims.yaml` beside the story with the
 * source that supports it. The build finds claim words and figures in
 * the prose with nothing behind them, and entries whose text has left
 * the prose.
 */

export const REGISTER_FILE = 'claims.yaml';

/** The fewest words an entry quotes: fewer would back the same words anywhere in the story. */
const MIN_WORDS = 3;
/** The most characters an entry quotes. */
const MAX_CHARACTERS = 400;

const sourceSchema = z.strictObject({
  name: z.string().min(1).describe('Who reported it: "Reuters", "Bloomberg (via The Straits Times)".'),
  // A link on the page: only web addresses.
  url: z.url({ protocol: /^https?$/ }).describe('Where it was reported.'),
});

export const claimEntrySchema = z.strictObject({
  text: z.string().min(1).describe('The words of the claim, exactly as the prose reads (a :fact reads as its words).'),
  source: sourceSchema.optional().describe('The report that supports the claim.'),
  fact: z.string().optional().describe('A dataset figure that supports it: "key at=period category=value".'),
  note: z.string().optional().describe('How the source supports the claim, for the copy desk.'),
});

export const claimsFileSchema = z.strictObject({
  claims: z.array(claimEntrySchema).describe('One entry per claim the data cannot check.'),
});

export type ClaimEntrySpec = z.infer<typeof claimEntrySchema>;

/** A register entry as the fact ledger reads it: where the claim stands and what backs it. */
export interface RegisteredClaim {
  text: string;
  /** The prose file and position where the text stands. */
  file: string;
  line: number;
  column: number;
  source?: { name: string; url: string };
  fact?: string;
  note?: string;
  /** The claim words and figures in the text that the entry backs. */
  words: string[];
}

/** One Markdown file of the story, as loaded. */
export interface ProseFile {
  file: string;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** Column at which the body starts on that line: a frontmatter field's value (headline, caption) starts mid-line. */
  bodyColumn?: number;
}

/** A `:fact` as the prose reads it: its words, where they stand, its claim and direction. */
interface FactSpan {
  start: number;
  end: number;
  claim?: string;
  direction?: 'up' | 'down';
}

/** The prose as a reader reads it, with a way back to the file's offsets. */
interface Reading {
  file: ProseFile;
  text: string;
  facts: FactSpan[];
  /** Spans of `reading` that stand for something other than plain prose (a :value). */
  printed: { start: number; end: number }[];
  offset(readingIndex: number): number;
}

/** Claim words, by the family of claim= that can check them. */
const WORDS: [family: string, pattern: RegExp][] = [
  // "records" alone is usually data ("weather records"); "set records" and "records for" claim.
  ['high', /\b(record|(?:set|sets|setting)\s+records|records\s+for|highest|biggest|largest|wettest|hottest|warmest|the most|peak(?:ed)?|all-time|ever|unprecedented)\b/gi],
  ['low', /\b(lowest|smallest|fewest|the least|weakest|driest|coldest)\b/gi],
  // "The first …", "a first", "for the first time" claim a first; "first reported" says
  // where a figure comes from, and a heading that is just "First" claims nothing.
  ['first', /\b(?:(?:the|a|its|their)\s+first(?:-ever)?\b(?!\s+(?:reported|published|released|given))|first(?:-ever|\s+ever|\s+time)\b)/gi],
  ['since', /\b(since)\b/gi],
  ['multiple', /\b(doubled|doubling|tripled|trebled|halved)\b/gi],
  ['compare', /\b((?:more|less|fewer|higher|lower|bigger|larger|smaller) than)\b/gi],
  ['up', /\b(rose|risen|grew|grown|climbed|jumped|surged|soared|leapt|rebounded|recovered|widened|gained|increased)\b/gi],
  ['down', /\b(fell|fallen|dropped|slipped|slid|declined|shrank|shrunk|slumped|plunged|tumbled|eased|narrowed|decreased|sank|dipped)\b/gi],
];

/** Which claim= values check the words of each family. */
const CHECKED_BY: Record<string, string[]> = {
  high: ['max', 'record', 'equalled', 'highest', 'highest-since'],
  low: ['min', 'record-low', 'equalled-low', 'lowest', 'lowest-since'],
  first: ['first-fall', 'first-rise'],
  since: ['highest-since', 'lowest-since', 'first-fall', 'first-rise'],
  multiple: ['doubled', 'halved'],
  compare: ['more-than', 'less-than', 'doubled', 'halved'],
};

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A year, or the day of a date written out ("8 December", "December 8"): not figures. */
const NOT_A_FIGURE = new RegExp(`^(?:(?:19|20)\\d\\d)$`);
/** A time of day: 10:30. */
const CLOCK = /^\d{1,2}:\d\d$/;
const DAY_BEFORE = new RegExp(`^\\s(?:${MONTH_NAMES})\\b`);
const DAY_AFTER = new RegExp(`\\b(?:${MONTH_NAMES})\\s$`);
/** An index's base ("2000 = 100", "January 2000=1"): a convention, not a figure. */
const INDEX_BASE = /^(?:1|10|100|1,?000)$/;
const EQUALS_BEFORE = /=\s?$/;

/**
 * Reads `content/<slug>/claims.yaml` (when there is one) and checks the
 * story's prose against it. Returns the register for the fact ledger.
 */
export function checkClaimsRegister(
  dir: string,
  registerText: string | undefined,
  files: readonly ProseFile[],
  dataset: Dataset | undefined,
  problems: Problems,
): RegisteredClaim[] {
  const registerFile = `${dir}/${REGISTER_FILE}`;
  const entries = registerText === undefined ? [] : readRegister(registerFile, registerText, dataset, problems);
  const readings = files.map(read);
  const covered = new Map<Reading, { start: number; end: number }[]>(readings.map((r) => [r, []]));
  const registered: RegisteredClaim[] = [];

  for (const entry of entries) {
    const pattern = new RegExp(escapeRegExp(entry.spec.text.trim()).replace(/\s+/g, '\\s+'), 'g');
    let found = false;
    for (const reading of readings) {
      for (const match of reading.text.matchAll(pattern)) {
        found = true;
        const span = { start: match.index, end: match.index + match[0].length };
        covered.get(reading)!.push(span);
        const at = positionIn(reading, span.start);
        registered.push({
          text: entry.spec.text,
          file: reading.file.file,
          ...at,
          ...(entry.spec.source ? { source: entry.spec.source } : {}),
          ...(entry.spec.fact ? { fact: entry.spec.fact } : {}),
          ...(entry.spec.note ? { note: entry.spec.note } : {}),
          words: claimsIn(reading, span).map((c) => c.word),
        });
      }
    }
    if (!found) {
      problems.add(registerFile, entry.at, `claim "${shorten(entry.spec.text)}" is no longer in the prose`, 'copy the words as the story now reads them, or delete the entry if the claim was cut');
    }
  }

  for (const reading of readings) {
    const spans = covered.get(reading)!;
    for (const claim of claimsIn(reading, { start: 0, end: reading.text.length })) {
      if (spans.some((s) => s.start <= claim.start && claim.end <= s.end)) continue;
      if (claim.family === 'figure') {
        problems.add(
          reading.file.file,
          positionIn(reading, claim.start),
          `figure "${claim.word}" in the prose with nothing behind it`,
          `write it as :fact[…]{key=… at=…} or :value{…}, or list the words in ${registerFile} with the source that reports it`,
        );
      } else if (!backedBySentence(reading, claim)) {
        const checks = CHECKED_BY[claim.family];
        problems.add(
          reading.file.file,
          positionIn(reading, claim.start),
          `claim "${claim.word}" with nothing behind it`,
          checks
            ? `check it with claim=${checks.join('|')} on the :fact it describes, or list the words in ${registerFile} with their source`
            : `put a :fact that moves the same way in the sentence, or list the words in ${registerFile} with their source`,
        );
      }
    }
  }
  return registered;
}

interface FoundClaim {
  family: string;
  word: string;
  start: number;
  end: number;
}

/** Claim words and bare figures in `span` of the reading. */
function claimsIn(reading: Reading, span: { start: number; end: number }): FoundClaim[] {
  const found: FoundClaim[] = [];
  const text = reading.text;
  const inside = (i: number) => i >= span.start && i < span.end;
  const inFact = (i: number) => reading.facts.some((f) => f.start <= i && i < f.end);
  const inPrinted = (i: number) => reading.printed.some((p) => p.start <= i && i < p.end);
  for (const [family, pattern] of WORDS) {
    for (const m of text.matchAll(pattern)) {
      if (!inside(m.index) || inPrinted(m.index)) continue;
      // Inside a fact's words, a direction is checked by the fact itself.
      if ((family === 'up' || family === 'down') && inFact(m.index)) continue;
      found.push({ family, word: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  // A figure stands as a word of its own ("2.7 million", "US$5bn", "8%"); digits inside
  // code or names ("alert(8)", "02-name.md", "2025-03") are not figures.
  for (const m of text.matchAll(/(?<![\w.,:(/-])\d+(?:[.,:]\d+)*(?![\w(/-]|[.,:]\d)/g)) {
    if (!inside(m.index) || inFact(m.index) || inPrinted(m.index)) continue;
    const end = m.index + m[0].length;
    if (/^[^\s$€£¥]$/.test(text[m.index - 1] ?? ' ') && !/[\s"“‘'[]/.test(text[m.index - 1] ?? ' ')) continue;
    if (NOT_A_FIGURE.test(m[0]) || CLOCK.test(m[0])) continue;
    if (INDEX_BASE.test(m[0]) && EQUALS_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (/^\d{1,2}$/.test(m[0]) && (DAY_BEFORE.test(text.slice(end, end + 12)) || DAY_AFTER.test(text.slice(Math.max(0, m.index - 12), m.index)))) continue;
    found.push({ family: 'figure', word: m[0], start: m.index, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a :fact in the same sentence checks the claim word. */
function backedBySentence(reading: Reading, claim: FoundClaim): boolean {
  const sentence = sentenceAround(reading.text, claim.start);
  const facts = reading.facts.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
  if (claim.family === 'up' || claim.family === 'down') return facts.some((f) => f.direction === claim.family);
  const checks = CHECKED_BY[claim.family] ?? [];
  return facts.some((f) => f.claim !== undefined && checks.includes(f.claim));
}

function sentenceAround(text: string, index: number): { start: number; end: number } {
  const boundary = /[.!?](?=\s+["“‘(]?[A-Z])|\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (end > index) return { start, end };
    start = end;
  }
  return { start, end: text.length };
}

/** The body as a reader reads it: a :fact as its words, a :value as "…", a link as its text. */
function read(file: ProseFile): Reading {
  const pieces: { read: number; orig: number }[] = [];
  const facts: FactSpan[] = [];
  const printed: { start: number; end: number }[] = [];
  let text = '';
  // Any directive-shaped text other than a :fact is a figure the data prints (or a slip reported elsewhere).
  // No bracket class admits its own opening bracket: a run of ":fact[" or "](" without a close is read once, not once per opening.
  const token = /:fact\[([^\][]*)\]\{([^{}]*)\}|:[A-Za-z][\w-]*(?:\[[^\][]*\])?\{[^{}]*\}|\]\([^()]*\)/g;
  let last = 0;
  const plain = (from: number, to: number) => {
    pieces.push({ read: text.length, orig: from });
    text += file.body.slice(from, to);
  };
  for (const m of file.body.matchAll(token)) {
    plain(last, m.index);
    if (m[0].startsWith(':fact')) {
      const words = m[1];
      const start = text.length;
      pieces.push({ read: start, orig: m.index + ':fact['.length });
      text += words;
      const claim = /(?:^|\s)claim=("?)([\w-]+)\1/.exec(m[2])?.[2];
      const figure = parseStatedFigure(words);
      const direction = figure.ok ? (figure.figure.direction ?? (figure.figure.value < 0 ? 'down' : figure.figure.value > 0 ? 'up' : undefined)) : undefined;
      facts.push({ start, end: text.length, ...(claim ? { claim } : {}), ...(direction ? { direction } : {}) });
    } else if (m[0].startsWith(':')) {
      pieces.push({ read: text.length, orig: m.index });
      printed.push({ start: text.length, end: text.length + 1 });
      text += '…';
    } else {
      pieces.push({ read: text.length, orig: m.index });
      text += ']';
    }
    last = m.index + m[0].length;
  }
  plain(last, file.body.length);
  const offset = (index: number) => {
    let piece = pieces[0];
    for (const p of pieces) if (p.read <= index) piece = p;
    return piece.orig + (index - piece.read);
  };
  return { file, text, facts, printed, offset };
}

function positionIn(reading: Reading, index: number): Position {
  const at = positionAt(reading.file.body, reading.offset(index));
  const shift = at.line === 1 ? (reading.file.bodyColumn ?? 1) - 1 : 0;
  return { line: at.line + reading.file.bodyLine - 1, column: at.column + shift };
}

interface Entry {
  spec: ClaimEntrySpec;
  at: Position;
}

function readRegister(file: string, text: string, dataset: Dataset | undefined, problems: Problems): Entry[] {
  const source = parseYaml(file, text, problems);
  if (!source) return [];
  const parsed = claimsFileSchema.safeParse(source.data ?? {});
  if (!parsed.success) {
    reportSchemaIssues(source, parsed.error.issues, problems, (path) =>
      path.length === 0 ? ['claims'] : path.length === 2 ? Object.keys(claimEntrySchema.shape) : path[2] === 'source' ? ['name', 'url'] : [],
    );
    return [];
  }
  const entries: Entry[] = [];
  parsed.data.claims.forEach((spec, i) => {
    const at = source.locate(['claims', i, 'text']);
    if (!spec.source && !spec.fact) {
      problems.add(file, source.locate(['claims', i]), `claim "${shorten(spec.text)}" names nothing behind it`, 'add source: { name: …, url: … } for the report that supports it, or fact: "key at=…" for the figure');
    }
    if (spec.text.length > MAX_CHARACTERS) {
      problems.add(file, at, `claim "${shorten(spec.text)}" is ${spec.text.length} characters long`, `quote the words of the claim, at most ${MAX_CHARACTERS} characters, not a passage: the register backs a claim, not a paragraph`);
      return;
    }
    const words = spec.text.trim().split(/\s+/);
    if (words.length < MIN_WORDS) {
      problems.add(
        file,
        at,
        `claim "${shorten(spec.text)}" is ${words.length === 1 ? (words[0].length === 1 ? 'one character' : 'one word') : `${words.length} words`}: too short to say which words it backs`,
        `quote the whole phrase the source supports, at least ${MIN_WORDS} words ("the most since at least 2014"): a short quote would also cover the same words anywhere else in the story`,
      );
      return;
    }
    if (spec.fact !== undefined && dataset) {
      const cited = checkFactReference(dataset, spec.fact);
      if ('message' in cited) problems.add(file, source.locate(['claims', i, 'fact']), cited.message, cited.hint);
      else {
        const turned = directionAgainst(spec.text, cited);
        if (turned) problems.add(file, at, `claim "${shorten(spec.text)}" says "${turned.word}", but ${spec.fact.trim()} is ${turned.value}`, 'the figure moved the other way: correct the words, or cite the figure they describe');
      }
    }
    entries.push({ spec, at });
  });
  return entries;
}

/** `"ytd.balance at=2025-11 destination=\"United States\""` names a figure the dataset has: that figure, or what is wrong. */
function checkFactReference(dataset: Dataset, reference: string): { message: string; hint?: string } | { value: number; measure: Measure } {
  const [key, ...rest] = reference.trim().split(/(?<!\s)\s+(?=[\w-]+=)/);
  const attributes: Record<string, string> = {};
  for (const part of rest) {
    const m = /^([\w-]+)=("?)(.*)\2$/.exec(part.trim());
    if (!m) return { message: `malformed fact reference "${reference}"`, hint: 'write "table.measure at=period category=value" (a table without periods takes no at=)' };
    attributes[m[1]] = m[3];
  }
  const resolved = resolveKey(dataset, key);
  if (!resolved.ok) return { message: resolved.message, hint: resolved.hint };
  // A table without periods is looked up by its categories alone.
  const { table } = resolved.value;
  if (!attributes.at && table.grain !== 'none') {
    return { message: `fact reference "${reference}" needs a period`, hint: `add at=${table.rows.at(-1)?.period.id ?? 'period'}, a period written as ${table.file} writes it` };
  }
  const filter: Filter = {};
  for (const [name, value] of Object.entries(attributes)) if (name !== 'at') filter[name] = [value];
  const found = valueAt(resolved.value, attributes.at, filter);
  if (!found.ok) return { message: found.message, hint: found.hint };
  const unverified = unverifiedOf(found.value.row, resolved.value.measure);
  if (unverified.length > 0) {
    return {
      message: `fact reference "${reference}" rests on ${unverified.length === 1 ? 'an unverified row' : 'unverified rows'}, ${describeSources(unverified)}`,
      hint: 'back the claim with source: { name: …, url: … } for a report you can cite, find a better source for the row, or cut the claim',
    };
  }
  return { value: found.value.value, measure: resolved.value.measure };
}

/**
 * The direction word of an entry that the figure it cites contradicts
 * ("slumped" on a change of +35.8%). Only a change has a direction; words
 * of both directions ("fell, then rose") are left to the copy desk.
 */
function directionAgainst(text: string, cited: { value: number; measure: Measure }): { word: string; value: string } | undefined {
  if (!derivedOp(cited.measure.derived?.op)?.direction || cited.value === 0) return undefined;
  const word = (family: string) => new RegExp(WORDS.find(([f]) => f === family)![1].source, 'i').exec(text)?.[0];
  const [up, down] = [word('up'), word('down')];
  if (up && down) return undefined;
  const value = `${cited.value > 0 ? '+' : '−'}${Math.abs(cited.value)}${cited.measure.unit?.suffix ?? ''}`;
  if (cited.value > 0 && down) return { word: down, value };
  if (cited.value < 0 && up) return { word: up, value };
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The words a reader sees in a file's frontmatter — headline, dek, step
 * heading, chart title and caption — as prose to check like the body.
 * `locate` gives where each value stands; a quoted value starts one
 * column after its quote.
 */
export function frontMatterProse(
  file: string,
  text: string,
  fields: { path: readonly PropertyKey[]; value: string | undefined }[],
  locate: (path: readonly PropertyKey[]) => Position,
): ProseFile[] {
  const lines = text.split('\n');
  return fields.flatMap(({ path, value }) => {
    if (!value) return [];
    const at = locate(path);
    const quoted = /^["']/.test(lines[at.line - 1]?.slice(at.column - 1) ?? '');
    return [{ file, body: value, bodyLine: at.line, bodyColumn: at.column + (quoted ? 1 : 0) }];
  });
}
