import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { chartTable } from '../../src/lib/charts/table.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { climateProject, checkClimate, editClimate } from '../fixtures/climate.ts';

const WEATHER = 'data/air/weather.csv';
const HEAT = 'content/air/02-heat.md';
const LIFE = 'content/air/03-life.md';
const DECADES = 'content/air/04-decades.md';
const HEAT_BY_YEAR = `---
heading: Heat
chart:
  data: weather.temp_max
  type: line
  series: year
  title: Daily highs
---

On 30 June 2015 the high reached :fact[32.2°C]{key=weather.temp_max at=2015-06-30}.
`;

function charts() {
  const { stories, problems } = checkProject(climateProject());
  expect(problems).toEqual([]);
  return Object.fromEntries(stories[0].charts.map((c) => [c.section.id, c.chart]));
}

describe('periods of any grain, from the data', () => {
  test('a daily and a yearly table check as they are', () => {
    expect(checkClimate()).toEqual([]);
  });

  test('days speak as days in the table and the description', () => {
    const heat = charts().heat;
    expect(heat.table.grain).toBe('day');
    const table = chartTable(heat);
    expect(table.rows.map((r) => r.label)).toContain('30 June 2015');
    expect(describeChart(heat)).toContain('30 June 2015');
    expect(describeChart(heat)).toContain('°C');
  });

  test('a day is "on" its date in the description, a month "in" it', () => {
    expect(describeChart(charts().heat)).toMatch(/ on 30 June 2015\b/);
    expect(describeChart(charts().heat)).not.toMatch(/ in \d+ \w+ 2015/);
  });

  test('daily series by year make a two-column table: each row already names its year', () => {
    const csv = 'date,temp_max,rain\n2014-06-29,21.1,0\n2014-06-30,22.5,0\n2015-06-29,31.1,0\n2015-06-30,32.2,0\n';
    const { stories, problems } = checkProject(climateProject({ [WEATHER]: csv, [HEAT]: HEAT_BY_YEAR }));
    expect(problems).toEqual([]);
    const table = chartTable(stories[0].charts.find((c) => c.section.id === 'heat')!.chart);
    expect(table.columns).toEqual(['Period', 'Highest temperature (°C)']);
    expect(table.rows).toEqual([
      { label: '29 June 2014', cells: ['21.1'] },
      { label: '30 June 2014', cells: ['22.5'] },
      { label: '29 June 2015', cells: ['31.1'] },
      { label: '30 June 2015', cells: ['32.2'] },
    ]);
  });

  test('a missing day in a regular series is a gap: an empty value, a "—" in the table and a note', () => {
    const heat = charts().heat;
    const july1 = heat.data.find((d) => d.period.id === '2015-07-01');
    expect(july1?.y).toBeNull();
    expect(chartTable(heat).rows.find((r) => r.label === '1 July 2015')?.cells).toEqual(['—']);
    expect(heat.notes.join(' ')).toContain('Gaps mark days');
  });

  test('years speak as years, and a line per category', () => {
    const life = charts().life;
    expect(life.table.grain).toBe('year');
    expect(chartTable(life).rows.map((r) => r.label)).toEqual(['2000', '2001', '2002']);
    expect(describeChart(life)).toContain('81.1 years in 2000');
  });

  test('a wrong daily figure is refused at its line', () => {
    expect(checkClimate(editClimate(HEAT, ':fact[32.2°C]', ':fact[31.2°C]'))).toEqual([
      `${HEAT}:9:34  fact "31.2°C" does not match weather.temp_max at 2015-06-30: the text says 31.2°C, the data gives 32.2°C — correct the text to "32.2°C", or check the key and period`,
    ]);
  });

  test('a year not in the data is refused at its line with the range', () => {
    const problems = checkClimate(editClimate(LIFE, 'at=2001 country=Japan}.', 'at=2009 country=Japan}.'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/air\/03-life\.md:9:\d+ {2}no lifespan\.life for 2009 \(country=Japan\) — lifespan runs from 2000 to 2002/);
  });

  test('at= in another grain than the table is refused, naming the grain', () => {
    const problems = checkClimate(editClimate(HEAT, 'at=2015-06-30}', 'at=2015-06}'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('weather holds days: write at= as 2015-06-27 is written');
  });

  test('a column that mixes grains is refused at the row that breaks it', () => {
    expect(checkClimate(editClimate(WEATHER, '2015-07-03,22.8,0', '2015-07,22.8,0'))).toEqual([
      `${WEATHER}:7:1  period "2015-07" is a month, but column "date" holds days (first on line 2) — write every period of the column as a day such as 2015-06-30, or keep months in a table of their own`,
    ]);
  });

  test('a day that is not in the calendar is refused', () => {
    expect(checkClimate(editClimate(WEATHER, '2015-06-30,32.2', '2015-06-31,32.2'))[0]).toContain(`${WEATHER}:5:1  malformed period "2015-06-31" in column "date"`);
  });
});

describe('tables without periods', () => {
  test('draw by category, and facts need no at=', () => {
    const decades = charts().decades;
    expect(decades.xKind).toBe('category');
    // A barX chart without a declared order stands largest first, and its table follows the bars.
    expect(chartTable(decades).rows.map((r) => r.label)).toEqual(['2010s', '2000s', '1990s', '1980s']);
    expect(describeChart(decades)).toContain('2010s 0.87°C');
  });

  test('refuse at= on a cross-section, and x: period', () => {
    expect(checkClimate(editClimate(DECADES, '{key=decades.anomaly decade=2010s}', '{key=decades.anomaly at=2020 decade=2010s}'))[0]).toContain('decades.anomaly has no periods, but at=2020 names one');
    expect(checkClimate(editClimate(DECADES, '  type: barX', '  type: barX\n  x: period'))[0]).toContain('table decades has no column "period" to use as x — table decades has no periods: use x: decade');
  });

  test('take a number column as x', () => {
    const { stories, problems } = checkProject(climateProject(editClimate(DECADES, '  type: barX', '  type: dot\n  x: stations')));
    expect(problems).toEqual([]);
    const chart = stories[0].charts.find((c) => c.section.id === 'decades')!.chart;
    expect(chart.xKind).toBe('number');
    expect(chart.data.map((d) => d.x)).toEqual([120, 150, 180, 200]);
    const options = plotOptions(chart, SIZES.wide) as { x: { label: string; type: string } };
    expect(options.x).toMatchObject({ type: 'linear', label: 'Station years (years)' });
  });
});
