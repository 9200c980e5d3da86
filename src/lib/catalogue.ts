/**
 * The catalogue of problems, after Astro's error catalogue
 * (core/errors/errors-data.ts): each problem has a code, a message and a
 * hint built from its arguments, and the arguments of the example that the
 * editors' guide shows. The guide (content/README.md, "Errors and what to
 * do about them") lists every code with its example message, and
 * tests/editor/catalogue.test.ts holds the two together, so that neither
 * drifts. Code that finds a problem says it with `say(CATALOGUE.code, …)`.
 *
 * The chart kinds' problems live here so far; the rest are still written
 * where they are found. Move a problem here when you touch it: add its
 * entry, say it, and give its row in the guide a code.
 *
 * Imports nothing: every module can stand on it.
 */

/** One problem: what happened and what to do, from the same arguments. */
export interface Entry<A extends readonly unknown[]> {
  /** Stable, kebab-case: the guide's row is found by it. */
  readonly code: string;
  readonly message: (...args: A) => string;
  readonly hint: (...args: A) => string;
  /** The arguments of the guide's example. */
  readonly example: A;
}

function entry<A extends readonly unknown[]>(e: Entry<A>): Entry<A> {
  return e;
}

/** "a, b or c". */
export function either(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

export const CATALOGUE = {
  unusedChartField: entry({
    code: 'unused-chart-field',
    message: (type: string, field: string, _users: readonly string[]) => `type: ${type} does not use ${field}:`,
    hint: (_type, field, users) => `${field}: applies to type: ${either(users)} only; delete it, or change type:`,
    example: ['line', 'regions', ['choropleth', 'symbolMap', 'locator']],
  }),
  facetNotDrawn: entry({
    code: 'facet-not-drawn',
    message: (type: string) => `facet: draws small multiples of lines, areas, bars or dots, and this chart is type: ${type}`,
    hint: () => 'use type: line, area, bar or dot, or leave facet out',
    example: ['barX'],
  }),
  layoutGroupNotBars: entry({
    code: 'layout-group-not-bars',
    message: (type: string, _stacks: boolean) => `layout: group sets bars side by side, and this chart is type: ${type}`,
    hint: (_type, stacks) => (stacks ? 'use layout: stack for areas' : 'use type: bar'),
    example: ['area', true],
  }),
  layoutStackNotPiled: entry({
    code: 'layout-stack-not-piled',
    message: (type: string) => `layout: stack piles up bars or areas, and this chart is type: ${type}`,
    hint: () => 'use type: bar or type: area',
    example: ['line'],
  }),
  layoutNeedsSeries: entry({
    code: 'layout-needs-series',
    message: (layout: string, marks: string, _column: string | undefined) => `layout: ${layout} needs series: to split the ${marks} into`,
    hint: (_layout, _marks, column) => (column ? `add series: ${column} (or another category column), or list several keys in data:` : 'list several keys in data:, or add series: year'),
    example: ['stack', 'bars', 'industry'],
  }),
  logFromZero: entry({
    code: 'log-from-zero',
    message: (marks: string) => `a log scale cannot draw ${marks}, which start at zero`,
    hint: () => 'draw the values as type: line or type: dot (or scatter), or leave log off',
    example: ['bars'],
  }),
  logWithZero: entry({
    code: 'log-with-zero',
    message: () => 'zero: true cannot go with log: y, whose axis never reaches zero',
    hint: () => 'delete zero: true (a log axis runs from one power of ten to another), or leave log off',
    example: [],
  }),
  logOnFacets: entry({
    code: 'log-on-facets',
    message: () => 'small multiples (facet:) are drawn on linear axes, and log: asks for a log scale',
    hint: () => 'leave log off, or draw one chart with series: instead of facet:',
    example: [],
  }),
  sizeNotScatter: entry({
    code: 'size-not-scatter',
    message: () => 'size: sizes the dots of a scatter only',
    hint: () => 'use type: scatter, or a symbolMap for places',
    example: [],
  }),
  scatterXNotNumber: entry({
    code: 'scatter-x-not-number',
    message: (x: string, _numbers: readonly string[], _table: string) => `a scatter needs a number column as x, and "${x}" is not one`,
    hint: (_x, numbers, table) => (numbers.length ? `use one of ${numbers.join(', ')}` : `table ${table} has no number columns`),
    example: ['country', ['fertility', 'life_expect'], 'countries'],
  }),
  circlesBelowZero: entry({
    code: 'circles-below-zero',
    message: (column: string, place: string, value: number) => `a symbol map sizes circles by value, and ${column} "${place}" is below zero (${value})`,
    hint: () => 'use type: choropleth for changes and other values that can fall below zero',
    example: ['destination', 'Japan', -2.1],
  }),
  locatorWithoutPlaces: entry({
    code: 'locator-without-places',
    message: (column: string, table: string) => `a locator map puts each ${column} at its longitude and latitude, and table ${table} has neither`,
    hint: (column, table) => `add number columns lon and lat to ${table}, or declare places: on column ${column} (world, us-states, us-counties) to draw the places it names`,
    example: ['port', 'ports'],
  }),
  locatorRegions: entry({
    code: 'locator-regions',
    message: (column: string) => `regions: groups countries a map draws as shapes, and this map puts each ${column} at its longitude and latitude`,
    hint: (column) => `delete regions:, or declare places: world on column ${column} to draw the countries it names`,
    example: ['port'],
  }),
  locatorLinesWithoutCoordinates: entry({
    code: 'locator-lines-without-coordinates',
    message: (series: string, table: string, x: string) => `series: ${series} joins a locator map's places into lines by their longitude and latitude, and table ${table} has neither (each ${x} is drawn as the area it names)`,
    hint: (_series, table) => `add number columns lon and lat to ${table}, or delete series:`,
    example: ['route', 'states', 'state'],
  }),
  coordinateColumn: entry({
    code: 'coordinate-column',
    message: (field: string, column: string, table: string, text: boolean, _near: string | undefined) =>
      text ? `${field}: ${column} is a column of text in table ${table}, and a map places rows by numbers of degrees` : `${field}: table ${table} has no number column "${column}"`,
    hint: (field, _column, _table, _text, near) => (near ? `did you mean ${field}: ${near}?` : `name a number column of degrees (${field === 'lon' ? 'longitude, east positive' : 'latitude, north positive'})`),
    example: ['lon', 'longtude', 'airports', false, 'longitude'],
  }),
  coordinatePair: entry({
    code: 'coordinate-pair',
    message: (field: string, other: string) => `${field}: names one coordinate, and the chart has no ${other}: to go with it`,
    hint: (_field, other) => `add ${other}: naming the table's other coordinate column`,
    example: ['lon', 'lat'],
  }),
  pointWithoutCoordinates: entry({
    code: 'point-without-coordinates',
    message: (column: string, place: string, missing: string) => `${column} "${place}" has no ${missing}: the map cannot place it`,
    hint: () => 'fill in the cell, or leave the row out with where:',
    example: ['airport', 'Atlanta', 'longitude'],
  }),
  pointOffTheGlobe: entry({
    code: 'point-off-the-globe',
    message: (column: string, place: string, lon: number, lat: number) => `${column} "${place}" is at longitude ${lon}, latitude ${lat}: no place on Earth`,
    hint: () => 'longitude runs from -180 (west) to 180 (east) and latitude from -90 (south) to 90 (north): check the cells, or whether they are swapped',
    example: ['airport', 'Atlanta', 33.6, -84.4],
  }),
  pointOutsideUsMap: entry({
    code: 'point-outside-us-map',
    message: (column: string, place: string, lon: number, lat: number) => `${column} "${place}" (longitude ${lon}, latitude ${lat}) lies outside the US map, which shows the states, with Alaska, Hawaii, Puerto Rico and the other territories in insets`,
    hint: () => 'check the cells (a US longitude is negative: west of Greenwich), leave the row out with where:, or draw the chart with map: world',
    example: ['airport', 'London Heathrow', -0.45, 51.47],
  }),
  mapConflict: entry({
    code: 'map-conflict',
    message: (map: string, column: string, set: string) => `map: ${map} cannot draw ${column}, which holds ${set}`,
    hint: (map) => (map === 'us' ? 'add number columns lon and lat (or name them with lon: and lat:), or declare places: us-states or us-counties on the column' : 'delete map: (a column of US places is drawn on the US map)'),
    example: ['us', 'country', 'countries (places: world)'],
  }),
  heatmapAxis: entry({
    code: 'heatmap-axis',
    message: (x: string) => `a heatmap lays out its cells by the months of a year or by category, and this chart has ${x} along x`,
    hint: () => 'use x: month with series: year for a value per month and year, or x: a category column',
    example: ['period'],
  }),
  heatmapRows: entry({
    code: 'heatmap-rows',
    message: () => 'a heatmap draws a row of cells per series, and this chart has none',
    hint: () => 'add series: year (or a category column), or list several keys in data:',
    example: [],
  }),
};

/** A catalogued problem's message and hint, from its arguments. */
export function say<A extends readonly unknown[]>(entry: Entry<A>, ...args: A): { message: string; hint: string } {
  return { message: entry.message(...args), hint: entry.hint(...args) };
}
