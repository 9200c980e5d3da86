import type { Comparison, FactChange } from './compare.ts';
import type { FactRecord } from './factRecord.ts';
import { formatProblem } from '../problems.ts';

/** Markdown text with the characters that would start markup or break a table escaped. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\s+/g, ' ');
}

const where = (f: FactRecord) => `\`${f.file}:${f.line}:${f.column}\``;
const directive = (f: FactRecord) =>
  `${f.directive === 'fact' ? `:fact[${md(f.text)}]` : ':value'} ${[f.key, f.at && `at ${f.at}`, ...Object.entries(f.filters).map(([c, v]) => `${c}=${v}`)].filter(Boolean).join(' ')}`;
/** A value as the report prints it: no floating-point tail (25.1666666667 → 25.1667). */
const figure = (v: number) => String(Number(v.toFixed(4)));
const number = (v: number | null | undefined) => (v === undefined ? 'not drawn' : v === null ? 'no value' : figure(v));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The data-update report, ready to paste into a pull request: what the
 * data revision changed, which facts fail or moved, which charts are drawn
 * differently and which sentences to re-read.
 */
export function diffMarkdown(c: Comparison, revision: string): string {
  const out: string[] = [];
  const redrawn = c.charts.filter((ch) => ch.kind !== 'added');
  out.push(`## Data update report: \`${md(revision)}\` → working tree`, '');
  out.push(
    [
      c.failing.length ? `**${plural(c.failing.length, 'fact')} fail${c.failing.length === 1 ? 's' : ''}**` : 'No fact fails',
      `${plural(c.moved.length, 'fact')} moved within ${c.moved.length === 1 ? 'its' : 'their'} rounding`,
      ...(c.reprinted.length ? [`${plural(c.reprinted.length, ':value')} printed anew`] : []),
      `${plural(redrawn.length, 'chart')} drawn differently`,
      `${plural(c.cells.length, 'data cell')} changed`,
    ].join(', ') + '.',
    '',
  );

  out.push('### Data cells', '');
  if (c.cells.length === 0) out.push('No data cell changed.', '');
  else {
    out.push('| change | where | period | categories | column | before | after |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const cell of c.cells) {
      const categories = Object.entries(cell.categories).map(([k, v]) => `${k}=${v}`).join(', ');
      out.push(`| ${cell.kind} | \`${cell.file}:${cell.line}\` | ${cell.period} | ${md(categories)} | ${md(cell.column)} | ${cell.before === null ? '' : md(cell.before)} | ${cell.after === null ? '' : md(cell.after)} |`);
    }
    out.push('');
  }

  out.push('### Facts that now fail', '');
  if (c.failing.length === 0) out.push('None.', '');
  for (const { before, after } of c.failing) {
    const values = before?.data && after.data ? ` (data ${figure(before.data.value)} → ${figure(after.data.value)})` : '';
    out.push(`- ${where(after)} ${directive(after)}${values}`);
    for (const problem of after.problems) out.push(`  - ${md(problem)}`);
  }
  if (c.failing.length) out.push('');

  out.push('### Facts still passing whose value moved within their rounding', '');
  if (c.moved.length === 0) out.push('None.', '');
  else {
    out.push('| where | figure | before | after | the text holds for |', '| --- | --- | --- | --- | --- |');
    for (const { before, after } of c.moved) {
      const accepts = after.data?.rounding.accepts;
      out.push(`| ${where(after)} | ${directive(after)} | ${figure(before!.data!.value)} | ${figure(after.data!.value)} | ${accepts ? `${accepts[0]} to ${accepts[1]}` : ''} |`);
    }
    out.push('');
  }

  out.push('### Charts drawn differently', '');
  if (c.charts.length === 0) out.push('None.', '');
  for (const chart of c.charts) {
    const head = `- **${md(chart.title)}** (\`${chart.id}\`, \`${chart.file}\`)`;
    if (chart.kind !== 'redrawn') {
      out.push(`${head}: ${chart.kind === 'not drawn' ? 'no longer drawn (see the problems below)' : chart.kind}`);
      continue;
    }
    const parts = chart.points.map((p) => `${md(p.label)}${p.series ? ` (${md(p.series)})` : ''}: ${number(p.before)} → ${number(p.after)}`);
    if (chart.fields.length) parts.push(`chart fields changed: ${chart.fields.join(', ')}`);
    out.push(`${head}: ${parts.join('; ') || 'highlights changed'}`);
  }
  if (c.charts.length) out.push('');

  if (c.added.length || c.removed.length) {
    out.push('### Figures added or removed', '');
    for (const f of c.added) out.push(`- added: ${where(f)} ${directive(f)}`);
    for (const f of c.removed) out.push(`- removed: ${where(f)} ${directive(f)}`);
    out.push('');
  }

  out.push('### Sentences to re-read', '');
  const reread = sentencesToReread(c);
  if (reread.length === 0) out.push('None.', '');
  for (const item of reread) out.push(`- ${item}`);
  if (reread.length) out.push('');

  if (c.otherProblems.length) {
    out.push('### Other problems in the working tree', '', '```', ...c.otherProblems.map(formatProblem), '```', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Sentences whose figure failed, moved or prints anew, and the words shown with each redrawn chart. */
function sentencesToReread(c: Comparison): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  const add = (change: FactChange, why: string) => {
    const { after } = change;
    const key = `${after.file}\u0000${after.sentence}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(`\`${after.file}:${after.line}\`: “${md(after.sentence || after.text)}” (${why})`);
  };
  for (const change of c.failing) add(change, 'its figure fails');
  for (const change of c.reprinted) add(change, `now prints ${md(change.after.text)}, was ${md(change.before!.text)}`);
  for (const change of c.moved) add(change, `${change.after.key} moved from ${figure(change.before!.data!.value)} to ${figure(change.after.data!.value)}`);
  for (const chart of c.charts) {
    if (chart.kind !== 'redrawn') continue;
    items.push(`\`${chart.file}\`: the text beside the chart “${md(chart.title)}”${chart.caption ? `, and its caption “${md(chart.caption)}”` : ''} (the chart is drawn differently)`);
  }
  return items;
}
