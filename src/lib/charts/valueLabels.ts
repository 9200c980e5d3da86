/**
 * Values written beside marks: `values: highlighted` (the default) writes
 * each highlighted bar's or point's value in bold; `values: all` writes
 * every one that has room, highlighted first, then left to right, leaving
 * out a label that would touch one already placed; `values: none` writes none.
 */
import * as Plot from '@observablehq/plot';
import type { ChartData, Datum } from './chartData.ts';
import { textWidth, type Box } from './notePlacement.ts';
import { highlightLabel } from './plotOptions.ts';

interface Projected {
  (d: Datum): { x: number; y: number };
  x: (x: Date | number) => number;
}

export function valueLabelMarks(chart: ChartData, project: Projected, narrow: boolean, centre?: (d: Datum) => Date): Plot.Markish[] {
  const which = chart.spec.values ?? 'highlighted';
  if (which === 'none') return [];
  const drawn = chart.data.filter((d) => d.y !== null);
  const marked = (d: Datum) => d.highlight && !chart.highlightsSeries;
  const chosen = which === 'all' ? [...drawn.filter(marked), ...drawn.filter((d) => !marked(d))] : drawn.filter(marked);
  const bars = chart.type === 'bar';
  const kept: Datum[] = [];
  const boxes: Box[] = [];
  for (const d of chosen) {
    const p = project(d);
    const x = centre ? project.x(centre(d)) : p.x;
    const width = textWidth(highlightLabel(d, chart), narrow ? 10 : 11);
    const below = bars && d.y! < 0;
    const box = { x: x - width / 2 - 1, y: below ? p.y + 2 : p.y - 19, width: width + 2, height: 14 };
    if (boxes.some((b) => b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height)) continue;
    boxes.push(box);
    kept.push(d);
  }
  const x = centre ?? ((d: Datum) => d.x);
  const text = (d: Datum) => highlightLabel(d, chart);
  const groups = [
    { data: kept.filter((d) => !bars || d.y! >= 0), dy: bars ? -7 : -12 },
    { data: kept.filter((d) => bars && d.y! < 0), dy: 9 },
  ];
  return groups.flatMap(({ data, dy }) =>
    [true, false].flatMap((bold) => {
      const some = data.filter((d) => marked(d) === bold);
      const options = { x, y: 'y', text, dy, fontWeight: bold ? 'bold' : undefined, fontSize: narrow && !bold ? 10 : undefined, fill: 'currentColor', className: 'halo' };
      return some.length ? [Plot.text(some, options as Plot.TextOptions)] : [];
    }),
  );
}
