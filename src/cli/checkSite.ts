/**
 * The last check before a build is swapped in: every feed, sitemap and SVG
 * is well-formed XML, and no page gives an id twice or links to an id it
 * lacks. Returns one line per fault, `path: what`, paths relative to `dir`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlIdFaults, xmlFault } from '../lib/outputCheck.ts';

export function checkBuiltSite(dir: string): string[] {
  const faults: string[] = [];
  for (const path of filesUnder(dir)) {
    const name = relative(dir, path);
    if (/\.(xml|svg)$/.test(path)) {
      const fault = xmlFault(readFileSync(path, 'utf8'));
      if (fault) faults.push(`${name}: not well-formed XML: ${fault}`);
    } else if (path.endsWith('.html')) {
      for (const fault of htmlIdFaults(readFileSync(path, 'utf8'))) faults.push(`${name}: ${fault}`);
    }
  }
  return faults;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}
