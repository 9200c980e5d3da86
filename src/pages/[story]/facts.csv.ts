import type { APIRoute } from 'astro';
import { siteOrThrow } from '../../lib/site.ts';
import { ledgerCsv } from '../../lib/audit/ledger.ts';

/** The fact ledger as a spreadsheet: one line per figure of the text. */
export function getStaticPaths() {
  return siteOrThrow().stories.map(({ story, ledger, cacheKey }) => ({ params: { story: story.slug }, props: { body: ledgerCsv(ledger) }, cacheKey }));
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
