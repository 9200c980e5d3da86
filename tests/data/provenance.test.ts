import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { buildLedger, ledgerCsv } from '../../src/lib/audit/ledger.ts';
import { chartData } from '../../src/lib/charts/chartData.ts';
import { makeFigure } from '../../src/lib/charts/figure.ts';
import { creditLine, originator } from '../../src/lib/charts/provenance.ts';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { unverifiedOf } from '../../src/lib/data/provenance.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { edit, MINI, miniProject } from '../fixtures/mini.ts';

// The mini dataset with a publisher and a grade column: March 2024 stands only on a mirror.
const GRADED = {
  ...edit('data/trade/dataset.yaml', '      note: { type: text }\n    derived:', '      note: { type: text }\n      publisher: { type: publisher }\n      grade: { type: grade }\n    derived:'),
  'data/trade/monthly.csv': `period,exports,imports,note,publisher,grade
2024-01/02,20,10,,Customs,verified
2024-03,12,8,,some.mirror (WEAK; Wire text),unverified
2025-01/02,22,11,combined release,Wire (via Paper),verified
2025-03,15,9,,Wire,verified
2025-04,16,,imports not reported,Paper; Wire for imports,verified
`,
};
const FIRST = 'content/mini/01-first.md';
const GROWTH = ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}';

function check(changes: Record<string, string | null> = {}): string[] {
  return checkProject(miniProject({ ...GRADED, ...changes })).problems.map(formatProblem);
}

function withSentence(from: string, to: string): Record<string, string> {
  return edit(FIRST, from, to);
}

describe('a grade column', () => {
  const dataset = loadDataset(miniProject(GRADED), 'trade', new Problems())!;
  const monthly = dataset.tables.get('monthly')!;
  const row = (id: string) => monthly.rows.find((r) => r.period.id === id)!;

  test('marks the figures of an unverified row, and every value derived from one', () => {
    expect(unverifiedOf(row('2024-03'), monthly.measures.get('exports')!)).toEqual([{ file: 'data/trade/monthly.csv', line: 3, publisher: 'some.mirror (WEAK; Wire text)', period: '2024-03' }]);
    expect(unverifiedOf(row('2025-03'), monthly.measures.get('exports')!)).toEqual([]);
    // March 2025's growth is worked out from March 2024's figure.
    expect(unverifiedOf(row('2025-03'), monthly.measures.get('exports_yoy')!).map((s) => s.line)).toEqual([3]);
    expect(unverifiedOf(row('2025-04'), monthly.measures.get('exports_yoy')!)).toEqual([]);
  });

  test('refuses a word other than verified or unverified, at its cell', () => {
    expect(check({ 'data/trade/monthly.csv': GRADED['data/trade/monthly.csv'].replace('Wire,verified', 'Wire,verifed') })).toEqual([
      'data/trade/monthly.csv:5:20  unknown grade "verifed" in column "grade" — did you mean "verified"?; write verified or unverified',
    ]);
  });
});

describe('a figure in the text that rests on an unverified row', () => {
  test('is an error at its line, naming the row and the three ways out', () => {
    const [problem, ...rest] = check();
    expect(rest).toEqual([]);
    expect(problem).toContain(`${FIRST}:10:`);
    expect(problem).toContain('fact "up 25 per cent" rests on an unverified row, data/trade/monthly.csv:3 (some.mirror (WEAK; Wire text))');
    expect(problem).toContain('find a better source for the row; or name the outlet in the sentence ("according to …") and add unverified="<the outlet>"; or cut the figure');
  });

  test('passes when attributed with unverified= to an outlet the sentence names', () => {
    expect(check(withSentence(`${GROWTH}.`, ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03 unverified="Some Mirror"}, according to Some Mirror.'))).toEqual([]);
  });

  test('is still an error when the sentence does not name the outlet', () => {
    const problems = check(withSentence(GROWTH, ':fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03 unverified="Some Mirror"}'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('fact "up 25 per cent" is attributed to "Some Mirror" but its sentence does not name it');
  });

  test('a :value too; and unverified= on a verified figure is refused', () => {
    const problems = check(withSentence(`${GROWTH}.`, `${GROWTH}, after :value{key=monthly.exports at=2024-03} a year earlier. Imports were :value{key=monthly.imports at=2025-03 unverified=Wire}.`));
    expect(problems.some((p) => p.includes(':value of monthly.exports rests on an unverified row, data/trade/monthly.csv:3'))).toBe(true);
    expect(problems.some((p) => p.includes(':value of monthly.imports has unverified="Wire" but rests on verified rows only — delete unverified='))).toBe(true);
  });

  test('in the claims register is an error at the entry', () => {
    const claims = 'claims:\n  - text: In March exports reached\n    fact: monthly.exports_yoy at=2025-03\n';
    const problems = check({ 'content/mini/claims.yaml': claims, ...withSentence(`${GROWTH}.`, `${GROWTH.replace('2025-03}', '2025-03 unverified="Mirror"}')}, says Mirror.`) });
    expect(problems).toEqual([
      'content/mini/claims.yaml:3:11  fact reference "monthly.exports_yoy at=2025-03" rests on an unverified row, data/trade/monthly.csv:3 (some.mirror (WEAK; Wire text)) — back the claim with source: { name: …, url: … } for a report you can cite, find a better source for the row, or cut the claim',
    ]);
  });
});

describe('the fact ledger', () => {
  test("carries each figure's grade, the outlet it is attributed to, and the dataset's URL where the row has none", () => {
    const { stories, problems } = checkProject(miniProject({ ...GRADED, ...withSentence(`${GROWTH}.`, `${GROWTH.replace('2025-03}', '2025-03 unverified="Mirror"}')}, says Mirror.`) }));
    expect(problems).toEqual([]);
    const ledger = buildLedger(stories[0]);
    const growth = ledger.facts.find((f) => f.key === 'monthly.exports_yoy')!;
    expect(growth.source).toMatchObject({ url: 'https://example.org/customs', urlFrom: 'dataset', grade: 'unverified', unverifiedRows: ['data/trade/monthly.csv:3'], attributedTo: 'Mirror', publisher: 'Wire' });
    expect(ledger.facts.find((f) => f.key === 'monthly.exports')!.source).toMatchObject({ grade: 'verified', attributedTo: null });
    const csv = ledgerCsv(ledger).split('\n');
    expect(csv[0]).toContain('source_url,publisher,source_grade,attributed_to,');
    expect(csv.find((line) => line.includes('monthly.exports_yoy'))).toContain('https://example.org/customs,Wire,unverified,Mirror,');
  });
});

describe('a chart that draws an unverified value', () => {
  const dataset = loadDataset(miniProject(GRADED), 'trade', new Problems())!;
  const result = chartData(dataset, chartSchema.parse({ title: 't', data: 'monthly.exports', type: 'bar' }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const figure = makeFigure('f', result.chart, 'Customs releases', 'The trade office');

  test('credits the originators of the verified rows only, most-drawn first', () => {
    expect(figure.source).toBe('The trade office, as reported by Wire, Customs and Paper');
    expect(creditLine(result.chart, 'The trade office', 2)).toBe('The trade office, as reported by Wire, Customs and others');
    expect(originator('Reuters (via Kitco)')).toBe('Reuters');
    expect(originator('Yicai; Reuters (via Benzinga) for the figure')).toBe('Yicai');
    expect(originator('News.Az citing Reuters')).toBe('Reuters');
    // The full list, mirror included and marked, is for the data disclosure.
    expect(figure.publishers).toContainEqual({ name: 'some.mirror (WEAK; Wire text)', unverified: true });
  });

  test('draws it hollow, and says so in the note, description, table and CSV', () => {
    expect(figure.svg.wide).toMatch(/<g[^>]*class="unverified"[^>]*>\s*<rect/);
    // The phone drawing shows the same marks, stretched.
    expect(figure.svg.narrow).toContain(`href="#${/<g id="([^"]+)"[^>]*class="unverified"/.exec(figure.svg.wide)![1]}"`);
    // One hollow bar: March 2024.
    expect(figure.svg.wide.split('class="unverified"')[1].split('</g>')[0].match(/<rect/g)).toHaveLength(1);
    const note = 'Drawn hollow: Mar 2024, from a report copy that could not be verified (its source is named with the data).';
    expect(figure.notes.join(' ')).toContain(note);
    const toMarch = chartData(dataset, chartSchema.parse({ title: 't', data: 'monthly.exports', type: 'bar', to: '2024-03' }));
    expect(toMarch.ok && makeFigure('g', toMarch.chart, 'Customs releases').description).toContain('to US$12 billion (unverified) in Mar 2024');
    expect(figure.description).toContain(note);
    expect(figure.table.rows.find((r) => r.label === 'Mar 2024')!.cells).toEqual(['12 (unverified)']);
    expect(figure.csv.split('\n')[0]).toBe('period,series,key,value,unit,source_url,publisher,grade,monthly_average');
    expect(figure.csv).toContain('2024-03,,monthly.exports,12,usd_bn,,some.mirror (WEAK; Wire text),unverified,');
  });

  test('a chart with no unverified value draws exactly as before', () => {
    const plain = chartData(loadDataset(miniProject(), 'trade', new Problems())!, chartSchema.parse({ title: 't', data: 'monthly.exports', type: 'bar' }));
    if (!plain.ok) throw new Error('chart');
    const before = makeFigure('f', plain.chart, 'Customs releases');
    expect(before.svg.wide).not.toContain('unverified');
    expect(before.source).toBe('Customs releases');
    expect(before.csv.split('\n')[0]).toBe('period,series,key,value,unit,source_url,monthly_average');
  });
});

describe('originator()', () => {
  test('names who first reported a figure, never the host of a copy or a rewrite', () => {
    expect(originator('Wire')).toBe('Wire');
    expect(originator('Wire (via Paper)')).toBe('Wire');
    expect(originator('Wire via Paper')).toBe('Wire');
    expect(originator('Rewrites Daily (citing Wire)')).toBe('Wire');
    expect(originator('Rewrites Daily citing Wire')).toBe('Wire');
    expect(originator('some.mirror (WEAK; Wire text)')).toBe('Wire');
    expect(originator('some.mirror (Wire text mirror)')).toBe('Wire');
    expect(originator('Aggregator (Wire-derived text)')).toBe('Wire');
    expect(originator('some.site (WEAK; Wire-derived)')).toBe('Wire');
    expect(originator('some.site (Paper excerpt)')).toBe('Paper');
    expect(originator('News Eight (translation of Customs statement)')).toBe('Customs');
    expect(originator('some.host (bulletin citing Customs)')).toBe('Customs');
    // Only the part before ";" counts, and brackets keep their own ";".
    expect(originator('Paper; Wire (via Host) for imports')).toBe('Paper');
    expect(originator('Host News (citing Customs); Paper')).toBe('Customs');
    // Text only in the style of another's is the host's own.
    expect(originator('some.site (Wire-style text)')).toBe('some.site');
    expect(originator('Data Feed (text on some.host)')).toBe('Data Feed');
    // Of several cited, the first the credit names or may print.
    expect(originator('Rewrites Daily (citing Wire/Customs)')).toBe('Wire');
    expect(originator('Engine (citing Trade Press/Customs)', { name: 'The customs office (Customs)' })).toBe('Customs');
    expect(originator('Engine (citing Trade Press/Wire)', { name: 'Office', reporters: ['Wire'] })).toBe('Wire');
  });
});

describe('a credit line', () => {
  // Every verified row reported at one remove: a rewrite, a copy on a host, an outlet the dataset does not list.
  const REPORTED: Record<string, string> = {
    ...GRADED,
    'data/trade/monthly.csv': `period,exports,imports,note,publisher,grade
2024-01/02,20,10,,Rewrites Daily (citing Wire),verified
2024-03,12,8,,some.mirror (WEAK; Wire text),unverified
2025-01/02,22,11,,Local Agency,verified
2025-03,15,9,,Rewrites Daily (citing Wire),verified
2025-04,16,,,some.host (Paper text),verified
`,
  };
  const figureOf = (files: Record<string, string>) => {
    const dataset = loadDataset(miniProject(files), 'trade', new Problems())!;
    const result = chartData(dataset, chartSchema.parse({ title: 't', data: 'monthly.exports', type: 'bar' }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.chart;
  };

  test('credits a rewrite or a copy to the report it carries, and names no bare host', () => {
    expect(creditLine(figureOf(REPORTED), 'Office')).toBe('Office, as reported by Wire, Local Agency and Paper');
    const hostOnly = { ...REPORTED, 'data/trade/monthly.csv': REPORTED['data/trade/monthly.csv'].replace('Local Agency', 'local.agency.example') };
    expect(creditLine(figureOf(hostOnly), 'Office')).toBe('Office, as reported by Wire, Paper and others');
  });

  test("with the dataset's reporters, names only those, as listed, and counts the rest among others", () => {
    const chart = figureOf(REPORTED);
    expect(creditLine(chart, { name: 'Office', reporters: ['WIRE', 'Paper'] })).toBe('Office, as reported by WIRE, Paper and others');
    expect(creditLine(chart, { name: 'Office', reporters: ['Someone else'] })).toBe('Office');
  });

  test('reads reporters: from dataset.yaml into the figures the check draws', () => {
    const files = {
      'data/trade/dataset.yaml': REPORTED['data/trade/dataset.yaml'].replace('source: Customs releases\n', 'source: Customs releases\ncredit: The customs office\nreporters: [Wire]\n'),
      // The story's sentence reads March 2024: this copy vouches for it.
      'data/trade/monthly.csv': REPORTED['data/trade/monthly.csv'].replace('some.mirror (WEAK; Wire text),unverified', 'Wire (via some.mirror),verified'),
    };
    const { problems, figures } = checkProject(miniProject(files));
    expect(problems.map(formatProblem)).toEqual([]);
    const sources = [...figures.values()].flat().map((f) => f.source);
    expect(sources).toContain('The customs office, as reported by Wire and others');
    expect(sources.join(' ')).not.toMatch(/Rewrites Daily|Local Agency|some\.host|Paper/);
  });

  test('refuses an empty reporters: list at its line', () => {
    const files = { ...REPORTED, 'data/trade/dataset.yaml': REPORTED['data/trade/dataset.yaml'].replace('source: Customs releases\n', 'source: Customs releases\nreporters: []\n') };
    const problems = checkProject(miniProject(files)).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/trade\/dataset\.yaml:4:\d+ {2}.*reporters/);
  });
});

void MINI;
