import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { START, type Position, type Problem, type Problems } from '../problems.ts';
import { chartFindings, storyFindings } from './agreement.ts';
import { titleStates } from './bigNumber.ts';
import type { Dataset } from '../data/model.ts';
import { parsePeriod, periodLabelLong } from '../period.ts';
import { suggestion } from '../suggest.ts';
import { chartData } from '../charts/chartData.ts';
import { fixScales, stateOf } from '../charts/states.ts';
import { annotationSchema, chartSchema, sectionSchema, storySchema, updateSchema, type ChartSpec } from './schema.ts';
import { checkUpdates } from './updates.ts';
import { markdownBody, readMarkdownFile } from './frontMatter.ts';
import { renderMarkdown } from './markdown.ts';
import type { Section, Story, StoryTrace } from './model.ts';
import { timed } from '../timings.ts';
import { escapeOf, folders, readText } from '../files.ts';
import { DEFAULT_LOCALE } from '../format.ts';
import { STORY_SLUG } from './scaffold.ts';
import { checkClaimsRegister, frontMatterProse, REGISTER_FILE, type ProseFile } from './claimsRegister.ts';
import { idClashes, idsOfSection, MARKDOWN_ID_PREFIX, PAGE_IDS } from './pageIds.ts';

const SECTION_FILE = /^(\d+)-([a-z0-9][a-z0-9-]*)\.md$/;

/** The longest story or section name: with the other's, it makes file names of the site, which file systems hold to 255 bytes. */
export const MAX_NAME = 100;

/** Names of the story folders under content/. */
export function listStories(root: string): string[] {
  const dir = join(root, 'content');
  return folders(dir).filter((name) => STORY_SLUG.test(name) && !escapeOf(root, `content/${name}`) && existsSync(join(dir, name, 'index.md')));
}

/**
 * Loads `content/<slug>/`: index.md, then every NN-slug.md section in
 * number order, each checked against the story's dataset. `datasets`
 * loads (and caches) a dataset by name. Problems are collected; the story
 * is returned only when its own files had none.
 */
export function loadStory(
  root: string,
  slug: string,
  datasets: (name: string) => Dataset | undefined,
  problems: Problems,
  locale: string = DEFAULT_LOCALE,
  trace: StoryTrace = { facts: [], charts: [] },
): Story | undefined {
  const before = problems.size;
  const dir = `content/${slug}`;
  const indexFile = `${dir}/index.md`;
  const indexText = readText(root, indexFile, problems);
  const index = indexText === undefined ? undefined : readMarkdownFile(indexFile, indexText, storySchema, fieldsOfStory, problems);
  if (!index) return undefined;

  const meta = checkUpdates(index.data, indexFile, index.locate, problems);
  // An unknown dataset is the story's fault, reported here once; a folder
  // without a valid dataset.yaml is reported by the dataset loader.
  // Only a folder directly under data/ names a dataset: not "", "." or "../x".
  const available = folders(join(root, 'data'));
  const known = available.includes(meta.dataset);
  if (!known) {
    problems.add(indexFile, index.locate(['dataset']), `unknown dataset "${meta.dataset}"`, available.length ? suggestion(meta.dataset, available, 'a folder under data/:') : 'create data/<name>/dataset.yaml');
  }
  const dataset = known ? datasets(meta.dataset) : undefined;
  const through = meta.through === undefined ? undefined : parsePeriod(meta.through);
  if (meta.through !== undefined && !through) {
    problems.add(indexFile, index.locate(['through']), `malformed period through: "${meta.through}"`, 'write YYYY-MM, the last month the story reports');
  }
  const used = new Set<string>();
  const anchors: Anchor[] = [];
  const ledeHtml = renderMarkdown({ file: indexFile, body: index.body, bodyLine: index.bodyLine, dataset, problems, used, through, locale, facts: trace.facts, root, idPrefix: `${MARKDOWN_ID_PREFIX}lede-`, anchor: anchorsOf(indexFile, anchors) });
  const leadFigure = trace.facts.find((f) => f.file === indexFile && f.directive === 'fact');
  if (meta.big_number !== undefined && !leadFigure) {
    problems.add(indexFile, index.locate(['big_number']), "big_number shows the lede's first :fact, but the lede has none", 'write the lead figure in the lede as :fact[…]{key=… at=…}, or remove big_number');
  }
  const prose: ProseFile[] = [
    ...frontMatterProse(indexFile, indexText!, [{ path: ['title'], value: meta.title }, { path: ['dek'], value: meta.dek }], index.locate),
    { file: indexFile, body: index.body, bodyLine: index.bodyLine },
  ];

  // By number, so that 100-… comes after 11-…; then by name, for the files whose names are reported.
  const files = readdirSync(join(root, dir)).filter((name) => name !== 'index.md' && /\.(md|markdown)$/i.test(name)).sort(bySectionNumber);
  const sections: Section[] = [];
  const numbers = new Map<number, string>();
  const named = new Map<string, string>();
  // The spec of the chart on screen so far: what a `state:` step changes.
  const chain: { spec?: ChartSpec } = {};
  for (const name of files) {
    const file = `${dir}/${name}`;
    const match = SECTION_FILE.exec(name);
    if (!match) {
      problems.add(file, undefined, `section file name "${name}" is not NN-slug.md`, 'name sections like 03-partners.md: a number, a dash, lower-case words joined by dashes');
      continue;
    }
    if (match[2].length > MAX_NAME) {
      problems.add(file, undefined, `section name "${match[2].slice(0, 40)}…" is ${match[2].length} characters long, over the limit of ${MAX_NAME}`, 'shorten it: the name becomes part of file names of the site (its chart\'s data page and CSV), and file systems refuse names over 255 bytes');
      continue;
    }
    const number = Number(match[1]);
    const clash = numbers.get(number);
    if (clash) {
      problems.add(file, undefined, `two sections share number ${match[1]} (also ${clash})`, 'renumber one of them: sections are read in number order');
    }
    numbers.set(number, name);
    const twin = named.get(match[2]);
    if (twin) {
      problems.add(file, undefined, `two sections share the name "${match[2]}" (also ${twin})`, 'rename one of them: the name after the number identifies the step on the page');
    }
    named.set(match[2], name);
    const section = loadSection(root, file, match[2], number, dataset, through, problems, used, name === files[0], locale, trace, anchorsOf(file, anchors), chain, prose);
    if (section) sections.push(section);
  }
  for (const clash of idClashes(slug, [...named].map(([id, name]) => ({ id, file: `${dir}/${name}` })))) {
    const holder = clash.holder.endsWith('.md') ? `section ${clash.holder.split('/').at(-1)} also uses` : clash.holder === 'footnotes' ? 'footnotes use' : `${clash.holder} uses`;
    problems.add(clash.file, undefined, `section name "${clash.section}" gives the page the id "${clash.id}", which ${holder}`, 'rename the section file: the name after the number becomes an id on the page and must not repeat one');
  }
  // A link to #id must land on something the page has.
  const ids = new Set([...PAGE_IDS, ...[...named.keys()].flatMap((id) => idsOfSection(slug, id))]);
  for (const anchor of anchors) {
    if (ids.has(anchor.id) || anchor.id.startsWith(MARKDOWN_ID_PREFIX)) continue;
    problems.add(anchor.file, anchor.at, `link to "#${anchor.id.slice(0, 60)}" goes to nothing on this page`, suggestion(anchor.id, [...named.keys(), ...PAGE_IDS], 'the name of a section, one of'));
  }
  if (files.length === 0) {
    problems.add(indexFile, undefined, 'story has no sections', `add a section file such as ${dir}/01-intro.md`);
  }
  if (meta.lead !== undefined && !named.has(meta.lead) && files.length > 0) {
    problems.add(indexFile, index.locate(['lead']), `lead section "${meta.lead}" does not exist`, suggestion(meta.lead, [...named.keys()], 'one of'));
  }
  // A story with a claims register is held to it: every claim in its prose needs a :fact or an entry behind it.
  const registerFile = `${dir}/${REGISTER_FILE}`;
  const registerText = existsSync(join(root, registerFile)) ? readText(root, registerFile, problems) : undefined;
  const claims = registerText === undefined ? [] : checkClaimsRegister(dir, registerText, prose, dataset, problems);
  if (problems.size > before || !dataset) return undefined;

  const charts: Story['charts'] = [];
  for (const section of sections) {
    if (section.chart) {
      const id = `${slug}-${section.id}`;
      // A state shares its chart's group (and scales) with the states before it.
      const group = section.state && charts.length ? charts.at(-1)!.group ?? charts.at(-1)!.id : id;
      charts.push({ id, section, chart: section.chart, group });
    }
    section.shows = Math.max(0, charts.length - 1);
  }
  fixScales(charts);
  const warnings = [
    ...sections.flatMap((s) => s.warnings),
    ...storyFindings(sections.map((s) => ({ file: s.file, shows: s.shows, chartAt: s.chartAt, accept: s.accept, ownChart: s.chart !== undefined && !s.state })), charts, trace.facts),
  ];
  // The label's period comes from the row the figure was checked against, not from the editor.
  const figurePeriod = leadFigure?.data ? periodLabelLong(leadFigure.data.row.period) : '';
  // A big number the title already gives is left out: the first screen would say it twice.
  const repeated = meta.big_number !== undefined && leadFigure?.data ? titleStates(meta.title, leadFigure.data.value, leadFigure.data.unit) : undefined;
  if (repeated !== undefined) {
    const at = index.locate(['big_number']);
    warnings.push({ file: indexFile, ...at, warning: true, code: 'big-number', message: `big_number repeats the title: "${repeated}" in the title already gives ${leadFigure!.text}, so the page leaves it out`, hint: "open the lede with a figure the title does not give (the big number shows the lede's first :fact), or remove big_number" });
  }
  const bigNumber = meta.big_number !== undefined && leadFigure && repeated === undefined ? { text: leadFigure.text, label: figurePeriod ? `${meta.big_number}, ${figurePeriod}` : meta.big_number } : undefined;
  return { slug, file: indexFile, meta, ledeHtml, bigNumber, dataset, through, sections, charts, keys: [...used].sort(), facts: trace.facts, claims, warnings };
}

function loadSection(
  root: string,
  file: string,
  id: string,
  number: number,
  dataset: Dataset | undefined,
  through: ReturnType<typeof parsePeriod>,
  problems: Problems,
  used: Set<string>,
  first: boolean,
  locale: string,
  trace: StoryTrace,
  anchor: (at: Position, id: string) => void,
  chain: { spec?: ChartSpec },
  prose: ProseFile[],
): Section | undefined {
  const before = problems.size;
  const text = readText(root, file, problems);
  const parsed = text === undefined ? undefined : readMarkdownFile(file, text, sectionSchema, fieldsOfSection, problems);
  const markdown = (body: string, bodyLine: number) =>
    renderMarkdown({ file, body, bodyLine, dataset, problems, used, through, locale, facts: trace.facts, root, idPrefix: `${MARKDOWN_ID_PREFIX}s${number}-`, anchor });
  if (!parsed) {
    // The text is checked all the same: a fault in the frontmatter hides none of its figures', and the claims register still finds its sentences.
    const rest = text === undefined ? undefined : markdownBody(text);
    if (rest) {
      markdown(rest.body, rest.bodyLine);
      prose.push({ file, ...rest });
    }
    return undefined;
  }
  if (first && !parsed.data.chart) {
    problems.add(file, START, 'the first section has no chart', 'add a chart: block: later sections without one keep the chart before them, the first has none to keep');
  }
  const { chart: own, state } = parsed.data;
  if (own && state) {
    problems.add(file, parsed.locate(['state'], true), 'a section has both chart: and state:', 'keep chart: to draw a new chart, or state: to change the one before');
  } else if (state && !chain.spec && !first) {
    problems.add(file, parsed.locate(['state'], true), 'state: has no chart before it to change', 'give an earlier section a chart:, or write chart: here');
  }
  if (parsed.body.trim() === '') {
    problems.add(file, { line: parsed.bodyLine, column: 1 }, 'empty section', 'write the text of this step below the frontmatter, or delete the file');
  }
  const html = markdown(parsed.body, parsed.bodyLine);
  const seen = [
    { path: ['heading'], value: parsed.data.heading },
    { path: ['chart', 'title'], value: parsed.data.chart?.title },
    { path: ['chart', 'caption'], value: parsed.data.chart?.caption },
    { path: ['state', 'title'], value: parsed.data.state?.title },
    { path: ['state', 'caption'], value: parsed.data.state?.caption },
  ];
  prose.push(...frontMatterProse(file, text!, seen, parsed.locate), { file, body: parsed.body, bodyLine: parsed.bodyLine });
  const spec = own ?? (state && chain.spec ? stateOf(chain.spec, state) : undefined);
  if (spec) chain.spec = spec;
  const field = own ? 'chart' : 'state';
  let chart;
  const accept: string[] = parsed.data.accept ?? [];
  const warnings: Problem[] = [];
  if (spec && dataset) {
    const result = timed('charts', () => chartData(dataset, spec, through, locale));
    if (result.ok) {
      chart = result.chart;
      // Only the fields this section writes: a state's inherited ones were checked where they were written.
      const written = own ?? state ?? {};
      for (const f of chartFindings(chart)) {
        if (!Object.hasOwn(written, f.field.split('.')[0]) && !(own && f.code)) continue;
        const at = parsed.locate([field, ...f.field.split('.')]);
        if (!f.code) problems.add(file, at, f.message, f.hint);
        else if (!accept.includes(f.code)) warnings.push({ file, ...(at ?? START), message: f.message, ...(f.hint ? { hint: f.hint } : {}), warning: true, code: f.code });
      }
      // The id the story gives the chart (see loadStory): content/<slug>/… → <slug>-<section>.
      trace.charts.push({ id: `${file.split('/')[1]}-${id}`, file, chart });
      for (const key of chart.keys) used.add(key);
    } else {
      for (const p of result.problems) {
        // A state's fault in a field it inherits is reported at its state: key.
        const inherited = field === 'state' && !Object.hasOwn(state ?? {}, p.field.split('.')[0]);
        const path = inherited ? ['state'] : [field, ...p.field.split('.')];
        if (p.at) problems.add(p.at.file, { line: p.at.line, column: 1 }, p.message, p.hint);
        else problems.add(file, parsed.locate(path, inherited || p.onKey), inherited ? `${p.message} (in the chart this state changes)` : p.message, p.hint);
      }
    }
  }
  if (problems.size > before) return undefined;
  const chartAt = own || state ? parsed.locate([field], true) : undefined;
  return { id, number, file, heading: parsed.data.heading, html, chart, ...(state && !own ? { state: true } : {}), shows: 0, ...(chartAt ? { chartAt } : {}), accept, warnings };
}

interface Anchor {
  file: string;
  at: Position;
  id: string;
}

/** Collects a file's links to #ids into `all`, with the file's name. */
function anchorsOf(file: string, all: Anchor[]): (at: Position, id: string) => void {
  return (at, id) => all.push({ file, at, id });
}

function bySectionNumber(a: string, b: string): number {
  const number = (name: string) => Number(SECTION_FILE.exec(name)?.[1] ?? Number.POSITIVE_INFINITY);
  return number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Valid fields at a frontmatter path, for did-you-mean hints. */
export function fieldsOfStory(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'updates' && path.length > 1) return Object.keys(updateSchema.shape);
  return path.length === 0 ? Object.keys(storySchema.shape) : [];
}

export function fieldsOfSection(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(sectionSchema.shape);
  if ((path[0] === 'chart' || path[0] === 'state') && path.length === 1) return Object.keys(chartSchema.shape);
  if ((path[0] === 'chart' || path[0] === 'state') && path[1] === 'annotations') return Object.keys(annotationSchema.shape);
  return [];
}
