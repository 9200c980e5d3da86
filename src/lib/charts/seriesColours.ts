/**
 * Which series are coloured and which are grey. The rule, so that no
 * series looks highlighted by accident:
 *
 * - `highlight` names series: those take the highlight colours, the accent
 *   first (up to five); every other series is grey context, drawn thinner
 *   and beneath them.
 * - no series is highlighted and there are at most five: each takes its own
 *   colour from the series palette, none grey.
 * - no series is highlighted and there are more than five: all are grey,
 *   since six or more colours cannot be told apart; the guide says to
 *   highlight the ones the text is about.
 *
 * A chart with one series draws it in the primary colour; highlighted
 * points or bars on it take the accent.
 */
import type { ChartData } from './model.ts';
import { HIGHLIGHTS, MUTED, SERIES } from './palette.ts';

export interface SeriesColours {
  colour: Map<string, string>;
  /** Series drawn as grey context. */
  context: Set<string>;
}

export function seriesColours(chart: ChartData): SeriesColours {
  const names = [...new Set(chart.data.map((d) => d.series))];
  const colour = new Map<string, string>();
  const context = new Set<string>();
  if (chart.highlightsSeries) {
    const emphasised = names.filter((name) => chart.data.some((d) => d.series === name && d.highlight));
    for (const name of names) {
      const rank = emphasised.indexOf(name);
      if (rank >= 0 && rank < HIGHLIGHTS.length) colour.set(name, HIGHLIGHTS[rank]);
      else {
        colour.set(name, MUTED);
        context.add(name);
      }
    }
  } else if (names.length <= SERIES.length) {
    names.forEach((name, i) => colour.set(name, SERIES[i]));
  } else {
    for (const name of names) {
      colour.set(name, MUTED);
      context.add(name);
    }
  }
  return { colour, context };
}
