import type { Gathering } from './gathering.ts';
import { month, quarter, year } from './calendar.ts';
import { decade } from './decade.ts';
import { all } from './all.ts';

/** What `to:` may name, one module each: the list the schema, the check's hints and the guide give. */
export const GATHERINGS = { month, quarter, year, decade, all } as const satisfies Record<string, Gathering>;

export type GatheringName = keyof typeof GATHERINGS;
