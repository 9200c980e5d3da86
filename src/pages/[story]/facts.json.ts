import type { APIRoute } from 'astro';
import { siteOrThrow } from '../../lib/site.ts';
import { ledgerJson } from '../../lib/audit/ledger.ts';

/** The story's fact ledger: every figure of the text, where it stands and what it was checked against. */
export function getStaticPaths() {
  return siteOrThrow().stories.map(({ story, ledger, cacheKey }) => ({ params: { story: story.slug }, props: { body: ledgerJson(ledger) }, cacheKey }));
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
