import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { checkProject } from '../../src/lib/check.ts';
import { buildLedger, ledgerCsv, ledgerJson } from '../../src/lib/audit/ledger.ts';
import { runCli } from '../build/runBuild.ts';
import { miniProject } from '../fixtures/mini.ts';

let root: string;
let dist: string;

beforeAll(() => {
  root = miniProject();
  dist = join(root, 'dist');
  const result = runCli('build', root, dist);
  expect(result.status, result.stderr).toBe(0);
});

describe('npm run build: the fact ledger', () => {
  test('writes facts.json and facts.csv beside the story page', () => {
    const ledger = buildLedger(checkProject(root).stories[0]);
    expect(readFileSync(join(dist, 'mini/facts.json'), 'utf8')).toBe(ledgerJson(ledger));
    expect(readFileSync(join(dist, 'mini/facts.csv'), 'utf8')).toBe(ledgerCsv(ledger));
  });

  test('puts "How we checked these numbers" on the page, folded, one item per figure with a source link', () => {
    const { document } = parseHTML(readFileSync(join(dist, 'mini/index.html'), 'utf8'));
    const section = document.querySelector('#how-we-checked')!;
    expect(section.querySelector('h2')!.textContent).toBe('How we checked these numbers');
    const details = section.querySelector('details')!;
    // Folded by default, and opened by the browser itself: no script needed.
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('The 4 figures in the text, each with its source');
    const items = [...details.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual(['US$17 billion', 'US$15.0 billion', 'up 25 per cent', 'US$4.5 billion']);
    for (const li of items) expect(li.querySelector('a[rel="external"]')!.getAttribute('href')).toBe('https://example.org/customs');
    const us = items[3];
    expect(us.textContent).toContain('exports, United States, March 2025.');
    expect([...us.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/customs', '#second', '#mini-second']);
    expect(document.querySelector('#mini-second')!.tagName).toBe('FIGURE');
    expect([...section.querySelectorAll(':scope > p > a')].map((a) => a.getAttribute('href'))).toEqual(['/mini/facts.csv', '/mini/facts.json']);
  });
});
