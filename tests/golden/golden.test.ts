/**
 * Golden files: the whole built output of the shipped content and of the
 * fixture project, every fixture chart drawn at both widths with its
 * description, table and CSV, and what `npm run check` prints on broken
 * copies, compared byte for byte with what is stored under
 * tests/golden/files. A refactor must leave them all equal; a change meant
 * to change output regenerates them (README.md) in the same commit.
 */
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { fixtureProject } from '../helpers.ts';
import { sharedBuild } from '../build/sharedBuild.ts';
import { contentCopy } from '../content/root.ts';
import { FAULTS } from '../editor/faults.ts';
import { checkChart, fixtureChart } from '../fixtures/charts.ts';
import { CHART_CASES, CHECK_CASES } from './cases.ts';
import { compareGolden, filesOf } from './goldenFiles.ts';

const expectGolden = (name: string, files: Map<string, Buffer | string>) => expect(compareGolden(name, files).join('\n')).toBe('');

describe('golden files', () => {
  test('every fixture chart, drawn at both widths, with its description, notes, table and CSV', () => {
    const files = new Map<string, string>();
    for (const { name, dataset, spec } of CHART_CASES) {
      const figure = makeFigure(name, fixtureChart(dataset, spec), 'Fixture source');
      const table = [figure.table.columns.join(' | '), ...figure.table.rows.map((r) => [r.label, ...r.cells].join(' | '))].join('\n');
      files.set(`${name}.txt`, [
        `spec: ${JSON.stringify(spec)}`,
        `title: ${figure.title}`,
        `source: ${figure.source}`,
        `notes: ${JSON.stringify(figure.notes)}`,
        `description: ${figure.description}`,
        `table:\n${table}`,
        `csv:\n${figure.csv}`,
        `wide:\n${figure.svg.wide}`,
        `narrow:\n${figure.svg.narrow}`,
        '',
      ].join('\n'));
    }
    expectGolden('charts', files);
  });

  test('npm run check on broken copies of the fixture project, and on refused fixture charts', () => {
    // The lines `npm run check` prints (src/cli/validate.ts), without starting Node once a copy.
    const faults = FAULTS.map((fault) => {
      const root = fixtureProject();
      fault.apply(root);
      return `## ${fault.name}\n${formatProblems(checkProject(root).problems)}\n`;
    });
    const charts = CHECK_CASES.map(({ name, dataset, chart, edits }) => {
      const lines = checkChart(dataset, chart, edits);
      return `## ${name}\n${lines.join('\n')}\n${lines.length} problem${lines.length === 1 ? '' : 's'} found\n`;
    });
    expectGolden('check', new Map([['broken-copies.txt', faults.join('\n')], ['refused-charts.txt', charts.join('\n')]]));
  });

  test('the built site of the fixture project', () => {
    expectGolden('build-fixture', filesOf(sharedBuild(fixtureProject())));
  });

  test('the built site of the shipped content', () => {
    expectGolden('build-content', filesOf(sharedBuild(contentCopy())));
  });
});
