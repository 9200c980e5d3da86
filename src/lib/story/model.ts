import type { Dataset } from '../data/model.ts';
import type { Period } from '../period.ts';
import type { ChartData } from '../charts/model.ts';
import type { StoryFrontMatter } from './schema.ts';
import type { RegisteredClaim } from './claimsRegister.ts';
import type { FactRecord } from '../audit/factRecord.ts';
import type { Position, Problem } from '../problems.ts';

export interface Section {
  /** From the file name: `03-partners.md` → `partners`. */
  id: string;
  /** From the file name: `03-partners.md` → 3. */
  number: number;
  /** Project-relative path. */
  file: string;
  heading?: string;
  html: string;
  /** The section's own chart, if it names one (or, with `state`, the previous chart changed). */
  chart?: ChartData;
  /** True when `chart` is a state of the chart before: same chart, changed in place. */
  state?: boolean;
  /** Index into `Story.charts` of the chart shown while this section is active. */
  shows: number;
  /** Where its chart: or state: block starts. */
  chartAt?: Position;
  /** Warning codes the section accepts (`accept:`). */
  accept: string[];
  /** Chart-and-text warnings about the section's own chart fields. */
  warnings: Problem[];
}

export interface Story {
  slug: string;
  /** Project-relative path of index.md. */
  file: string;
  meta: StoryFrontMatter;
  ledeHtml: string;
  /** The lead figure drawn large (`big_number`): the lede's first :fact as written, and what it is. */
  bigNumber?: { text: string; label: string };
  dataset: Dataset;
  through?: Period;
  sections: Section[];
  /**
   * Every chart of the story, in order, each with the section that named it.
   * States of one chart share a `group` (the id of its first state) and scales.
   */
  charts: { id: string; section: Section; chart: ChartData; group?: string }[];
  /** Dataset keys the prose and charts use. */
  keys: string[];
  /** Every :fact and :value, in reading order (index.md first), with what it was checked against. */
  facts: FactRecord[];
  /** The claims register's entries, where each stands in the prose (content/<slug>/claims.yaml). */
  claims: RegisteredClaim[];
  /** Where chart and text disagree (see agreement.ts): printed, never blocking. */
  warnings: Problem[];
}

/**
 * What loading a story met, kept even when the story has problems (then
 * no Story is returned): every figure with its outcome, and every chart
 * that resolved, by section name. `npm run diff` compares two of these.
 */
export interface StoryTrace {
  facts: FactRecord[];
  charts: { id: string; file: string; chart: ChartData }[];
}
