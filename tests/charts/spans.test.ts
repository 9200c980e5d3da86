import { describe, expect, test } from 'vitest';
import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { Problems } from '../../src/lib/problems.ts';
import { chartData, type ChartData } from '../../src/lib/charts/chartData.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { highlightLabel, plotOptions, spreadSpans, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { renderChart } from '../../src/lib/charts/render.ts';
import { chartCsv, chartTable } from '../../src/lib/charts/table.ts';
import { chartSchema } from '../../src/lib/story/schema.ts';
import { parsePeriod } from '../../src/lib/period.ts';
import { MINI, miniProject } from '../fixtures/mini.ts';

// The mini dataset reports 2025-01/02 as one figure (exports 22, imports 11) beside single months.
const problems = new Problems();
const dataset = loadDataset(miniProject(), 'trade', problems)!;

function chart(spec: Record<string, unknown>): ChartData {
  const result = chartData(dataset, chartSchema.parse({ title: 't', ...spec }), parsePeriod('2025-04'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.chart;
}

describe('a span of months inside a monthly series', () => {
  test('is drawn at its average per month, and keeps the reported total', () => {
    const c = chart({ data: 'monthly.exports', type: 'bar', from: '2025-01' });
    const span = c.data.find((d) => d.period.id === '2025-01/02')!;
    expect(span.y).toBe(11);
    expect(span.span).toEqual({ months: 2, total: 22 });
    // The single months are left alone.
    expect(c.data.find((d) => d.period.id === '2025-03')!.y).toBe(15);
    expect(c.notes.join(' ')).toContain('Jan–Feb 2025 is reported as one figure for several months, drawn as its monthly average.');
  });

  test('is described as a monthly average, so the low month is the span and not a single month', () => {
    const c = chart({ data: 'monthly.exports', type: 'line', from: '2025-01', highlight: '2025-01/02' });
    const text = describeChart(c);
    expect(text).toContain('Rises from US$11 billion a month on average in Jan–Feb 2025 to US$16 billion in Apr 2025');
    expect(text).toContain('Highlighted: Jan–Feb 2025, average per month, US$11 billion.');
    expect(highlightLabel(c.data.find((d) => d.span)!, c)).toBe('11 a month');
  });

  test('runs flat across its months on a line or an area', () => {
    for (const type of ['line', 'area']) {
      const c = chart({ data: 'monthly.exports', type, from: '2025-01' });
      const points = spreadSpans(c).filter((d) => d.period.id === '2025-01/02');
      expect(points.map((d) => [(d.x as Date).toISOString().slice(0, 10), d.y])).toEqual([['2025-01-16', 11], ['2025-02-15', 11]]);
      expect(renderChart(plotOptions(c, SIZES.wide), 'c')).toContain('<path');
    }
  });

  test('on a month-of-year axis, sits between its months at its average', () => {
    const c = chart({ data: 'monthly.exports', type: 'line', x: 'month', series: 'year' });
    const spans = c.data.filter((d) => d.span);
    expect(spans.map((d) => [d.x, d.y])).toEqual([[1.5, 10], [1.5, 11]]);
    expect(spreadSpans(c).filter((d) => d.span).map((d) => d.x)).toEqual([1, 2, 1, 2]);
  });

  test('a derived flow (a difference of two flows) is averaged too; a growth rate is not', () => {
    const balance = chart({ data: 'monthly.balance', type: 'bar', from: '2025-01' });
    expect(balance.data.find((d) => d.period.id === '2025-01/02')!.y).toBe(5.5);
    const growth = chart({ data: 'monthly.exports_yoy', type: 'bar', from: '2025-01' });
    const span = growth.data.find((d) => d.period.id === '2025-01/02')!;
    expect(span.span).toBeUndefined();
    expect(span.y).toBeCloseTo(10);
  });

  test('the table and the CSV say what is drawn and what was reported', () => {
    const c = chart({ data: 'monthly.exports', type: 'bar', from: '2025-01' });
    expect(chartTable(c).rows[0]).toEqual({ label: 'Jan–Feb 2025, average per month', cells: ['11'] });
    const lines = chartCsv(c).trim().split('\n');
    expect(lines[0]).toBe('period,series,key,value,unit,source_url,monthly_average');
    expect(lines[1]).toBe('2025-01/02,,monthly.exports,22,usd_bn,,11');
    expect(lines[2]).toBe('2025-03,,monthly.exports,15,usd_bn,,');
  });
});

describe('the source line under a chart', () => {
  test("credits the publishers of the rows drawn, from each row's publisher column", async () => {
    const { creditLine } = await import('../../src/lib/charts/provenance.ts');
    const root = miniProject({
      'data/trade/dataset.yaml': (await import('../fixtures/mini.ts')).MINI['data/trade/dataset.yaml'].replace('      note: { type: text }\n', '      note: { type: text }\n      publisher: { type: publisher }\n'),
      'data/trade/monthly.csv': 'period,exports,imports,note,publisher\n2025-03,15,9,,Customs\n2025-04,16,,,Wire service\n2025-05,17,10,,Customs\n',
    });
    const own = loadDataset(root, 'trade', new Problems())!;
    const result = chartData(own, chartSchema.parse({ title: 't', data: 'monthly.exports' }));
    expect(result.ok && creditLine(result.chart, 'Trade office')).toBe('Trade office, as reported by Customs and Wire service');
    // Without a publisher column the dataset's source line stands.
    expect(creditLine(chart({ data: 'monthly.exports' }), 'Trade office')).toBeUndefined();
  });
});

describe('a running total placed at the end of its span', () => {
  test('is a bar over its last month, at both sizes', () => {
    const c = chart({ data: 'ytd.balance', type: 'bar' });
    for (const size of [SIZES.narrow, SIZES.wide]) {
      const rects = [...renderChart(plotOptions(c, size), 'r').matchAll(/<rect\b[^>]*\bwidth="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(rects.length).toBe(c.data.filter((d) => d.y !== null).length);
      for (const width of rects) expect(width).toBeGreaterThan(2);
    }
  });
});

describe('the note under a running total', () => {
  const withTotals = (description: string) =>
    loadDataset(
      miniProject({
        'data/trade/dataset.yaml': MINI['data/trade/dataset.yaml'].replace(
          '      exports_yoy: { op: yoy, of: exports, label: Exports growth }\n',
          `      exports_yoy: { op: yoy, of: exports, label: Exports growth }\n      exports_ytd: { op: ytd, of: exports, label: Exports so far${description} }\n`,
        ),
      }),
      'trade',
      new Problems(),
    )!;
  const notesOf = (own: ReturnType<typeof withTotals>, data: string) => {
    const result = chartData(own, chartSchema.parse({ title: 't', data }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.chart.notes;
  };

  test("says what it adds up, and no more: nothing of revisions the data may not have", () => {
    const own = withTotals('');
    expect(notesOf(own, 'monthly.exports_ytd')).toContain('Exports so far: the figures added up from the start of each year.');
    expect(notesOf(own, 'monthly.exports_ytd').join(' ')).not.toContain('first reported');
  });

  test("gives the measure's description when the dataset writes one", () => {
    const own = withTotals(', description: "Sum of first-reported months; the official total differs" ');
    expect(notesOf(own, 'monthly.exports_ytd')).toContain('Sum of first-reported months; the official total differs.');
  });
});
