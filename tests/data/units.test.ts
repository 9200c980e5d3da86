import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatValue, formatShort, formatTick, UNITS, type Unit } from '../../src/lib/format.ts';
import { parseStatedFigure, unitWordProblem } from '../../src/lib/story/factLiteral.ts';
import { chartTable } from '../../src/lib/charts/table.ts';
import { describeChart } from '../../src/lib/charts/describe.ts';
import { plotOptions, SIZES } from '../../src/lib/charts/plotOptions.ts';
import { CLIMATE, checkClimate, climateProject, editClimate } from '../fixtures/climate.ts';

const YAML = 'data/air/dataset.yaml';
const INDEX = 'content/air/index.md';
const FIRST = 'content/air/01-first.md';

const ppm: Unit = { name: 'ppm', label: 'parts per million', kind: 'ppm', scale: 1, prefix: '', suffix: ' ppm', words: ['ppm', 'parts per million'], decimals: 2 };
const celsius: Unit = { name: 'celsius', label: '°C', kind: 'celsius', scale: 1, prefix: '', suffix: '°C', words: ['°C', 'degrees Celsius'], decimals: 1 };
const registry = new Map<string, Unit>([...Object.entries(UNITS), ['ppm', ppm], ['celsius', celsius]]);

describe('formatValue() with declared units and locales', () => {
  test('prints a declared unit with its prefix, suffix and decimals', () => {
    expect(formatValue(421.08, ppm)).toBe('421.08 ppm');
    expect(formatValue(-3.25, celsius)).toBe('−3.3°C');
    expect(formatValue(1234.5, { ...ppm, prefix: 'US$', suffix: ' million', decimals: 1 })).toBe('US$1,234.5 million');
  });

  test('uses the locale for separators and decimals, always with a true minus sign', () => {
    expect(formatValue(1234.5, UNITS.usd_bn, 'usd_bn', 1, 'de-DE')).toBe('US$1.234,5 billion');
    expect(formatValue(-1234.5, UNITS.tonnes, 'tonnes', 1, 'en-US')).toBe('−1,234.5 tonnes');
    expect(formatValue(-0.01, UNITS.pct, 'pct', 1)).toBe('0.0%');
    expect(formatTick(-2.5, UNITS.pct, 'fr-FR')).toBe('−2,5%');
  });

  test('prints percentage points with a sign', () => {
    expect(formatValue(1.25, UNITS.pp, 'pp', 1)).toBe('+1.3 percentage points');
    expect(formatValue(-1, UNITS.pp, 'pp', 0)).toBe('−1 percentage point');
  });

  test('keeps a short suffix such as °C on chart labels, not a long one', () => {
    expect(formatShort(21.46, celsius, 1)).toBe('21.5°C');
    expect(formatShort(421.08, ppm, 1)).toBe('421.1');
  });
});

describe('unit words in a :fact', () => {
  const word = (text: string, unit: Unit) => {
    const figure = parseStatedFigure(text);
    if (!figure.ok) throw new Error(figure.message);
    return unitWordProblem(text, figure.figure, unit, registry);
  };

  test('accepts the column unit\'s own words, and no word at all', () => {
    expect(word('421.08 ppm', ppm)).toBeUndefined();
    expect(word('421.08 parts per million', ppm)).toBeUndefined();
    expect(word('rose to 421.08, a record', ppm)).toBeUndefined();
    expect(word('21.5 degrees Celsius', celsius)).toBeUndefined();
    expect(word('13.92 million tonnes', UNITS.mt)).toBeUndefined();
    expect(word('1.2 billion units', UNITS.bn_units)).toBeUndefined();
  });

  test('refuses a word of another unit, or a common unit word the column does not use', () => {
    expect(word('416.18 degrees', ppm)).toBe('degrees');
    expect(word('416.18 °C', ppm)).toBe('°C');
    expect(word('21.5 ppm', celsius)).toBe('ppm');
    expect(word('21.5 mm', celsius)).toBe('mm');
  });
});

describe('a dataset that declares its units', () => {
  test('checks and builds the fixture without a problem', () => {
    expect(checkClimate()).toEqual([]);
  });

  test('refuses a :fact whose unit word belongs to another unit, naming the column\'s unit', () => {
    expect(checkClimate(editClimate(INDEX, ':fact[427.09 ppm]', ':fact[427.09 degrees]'))).toEqual([
      `${INDEX}:7:31  fact "427.09 degrees" states "degrees" but co2.co2 is in parts per million — the column's unit is ppm, parts per million: write its words ("ppm", "parts per million"), or check the key`,
    ]);
    expect(checkClimate(editClimate(INDEX, ':fact[427.09 ppm]', ':fact[427.09 mm]'))[0]).toContain('states "mm" but co2.co2 is in parts per million');
  });

  test('still checks the figure itself in the declared unit, and amounts of one kind across scales', () => {
    expect(checkClimate(editClimate(INDEX, ':fact[427.09 ppm]', ':fact[427.1 ppm]'))).toEqual([]);
    expect(checkClimate(editClimate(INDEX, ':fact[427.09 ppm]', ':fact[427.19 ppm]'))[0]).toContain('the data gives 427.09 ppm');
    // US$1.5 billion is 1,500 in a US$ million column.
    expect(checkClimate(editClimate(FIRST, ':fact[US$1.5 billion]', ':fact[US$1.6 billion]'))[0]).toContain('the data gives US$1.5 billion');
  });

  test('refuses an unknown unit name with did-you-mean, at its line', () => {
    expect(checkClimate(editClimate(YAML, 'unit: ppm, label: CO2', 'unit: ppn, label: CO2'))).toEqual([
      `${YAML}:20:34  table co2: unknown unit "ppn" for column "co2" — did you mean "ppm"?`,
    ]);
  });

  test('refuses a declared unit that takes a built-in name', () => {
    const problems = checkClimate(editClimate(YAML, '  mm: { label', '  pct: { label'));
    expect(problems[0]).toMatch(/dataset\.yaml:\d+:\d+ {2}unit "pct" is built in/);
  });

  test('speaks the declared unit on the axis, in the table and the description, and :value prints it', () => {
    const { stories, problems } = checkProject(climateProject());
    expect(problems).toEqual([]);
    const chart = stories[0].charts[0].chart;
    expect(chartTable(chart).columns).toEqual(['Period', 'CO2 concentration (parts per million)']);
    expect(chartTable(chart).rows[0].cells).toEqual(['422.80']);
    expect(describeChart(chart)).toContain('(parts per million)');
    expect(describeChart(chart)).toContain('422.8 ppm');
    expect(describeChart(chart)).toContain('−1.5 ppm');
    const options = plotOptions(chart, SIZES.wide) as { y: { label: string } };
    expect(options.y.label).toBe('parts per million');
    expect(stories[0].sections[0].html).toContain('US$1,234.5 million');
  });

  test('prints numbers in the locale it is given', () => {
    const { stories } = checkProject(climateProject(), 'de-DE');
    expect(stories[0].sections[0].html).toContain('US$1.234,5 million');
    expect(describeChart(stories[0].charts[0].chart)).toContain('422,8 ppm');
  });
});

test('the fixture keeps its story in CLIMATE', () => {
  expect(Object.keys(CLIMATE)).toContain(INDEX);
});
