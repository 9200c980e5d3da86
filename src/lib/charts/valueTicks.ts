import { textWidth } from './notePlacement.ts';

/** Room left between two tick labels, px. */
const GAP = 8;

/**
 * Round ticks from `low` to `high` whose labels fit side by side along
 * `width` px: as many as `most` allows, fewer where long labels
 * ("10,000,000") would run into each other on a phone. The step is d3's
 * (1, 2 or 5 times a power of ten), as Plot's own ticks are.
 */
export function fittedTicks(low: number, high: number, width: number, label: (v: number) => string, most: number): number[] {
  let ticks: number[] = [low, high];
  for (let count = most; count >= 1; count--) {
    const step = tickStep(low, high, count);
    if (!(step > 0)) break;
    ticks = [];
    for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
    const room = (width * step) / (high - low);
    const widest = Math.max(...ticks.map((v) => textWidth(label(v))));
    if (room >= widest + GAP) return ticks;
  }
  return ticks.length > 2 ? [ticks[0], ticks.at(-1)!] : ticks;
}

function tickStep(low: number, high: number, count: number): number {
  const raw = Math.abs(high - low) / count;
  if (!(raw > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/** Every how many of `count` labels `widest` px wide, `spacing` px apart, to write so that none touch. */
export function labelEvery(widest: number, spacing: number): number {
  return Math.max(1, Math.ceil((widest + GAP / 2) / Math.max(1, spacing)));
}
