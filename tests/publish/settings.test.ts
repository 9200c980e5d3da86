import { describe, expect, test } from 'vitest';
import { brandCss, DEFAULT_SETTINGS, GROUNDS, loadSettings, settingsSchema } from '../../src/lib/settings.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { PROJECT, tempProject } from '../helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The settings and formatted problems of a project whose content/site.yaml is `yaml`. */
function settingsOf(yaml: string | undefined, env: NodeJS.ProcessEnv = {}) {
  const root = tempProject(yaml === undefined ? {} : { 'content/site.yaml': yaml });
  const { settings, problems } = loadSettings(root, env);
  return { settings, problems: problems.map(formatProblem) };
}

describe('loadSettings()', () => {
  test('without content/site.yaml gives the defaults: en-US, no byline, the root of example.org', () => {
    const { settings, problems } = settingsOf(undefined);
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.locale).toBe('en-US');
  });

  test('reads every field, and the masthead defaults to the name', () => {
    const { settings, problems } = settingsOf(
      'name: The Harbour Post\ndescription: Port figures.\nhome: https://harbour.example/\nlocale: de-DE\nbyline: Data team\ncolours:\n  light: { link: "#0b5394" }\norigin: https://harbour.example\nbase: stories\n',
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ name: 'The Harbour Post', masthead: 'The Harbour Post', description: 'Port figures.', home: 'https://harbour.example/', locale: 'de-DE', byline: 'Data team', origin: 'https://harbour.example', base: '/stories/' });
    expect(settings.colours.light).toEqual({ accent: DEFAULT_SETTINGS.colours.light.accent, link: '#0b5394' });
    expect(settings.colours.dark).toEqual(DEFAULT_SETTINGS.colours.dark);
  });

  test('SITE_URL and BASE_PATH win over origin and base, as on GitHub Pages', () => {
    const yaml = 'origin: https://harbour.example\nbase: /stories/\n';
    expect(settingsOf(yaml, { SITE_URL: 'https://org.github.io', BASE_PATH: '/repo' }).settings).toMatchObject({ origin: 'https://org.github.io', base: '/repo/' });
    // configure-pages gives "" for a user site: the root, whatever site.yaml says.
    expect(settingsOf(yaml, { BASE_PATH: '' }).settings.base).toBe('/');
  });

  test('reports each mistake at its line and column, with the fix, and keeps the defaults', () => {
    const { settings, problems } = settingsOf('nmae: The Post\nlocale: english\ncolours:\n  light: { link: blue }\norigin: https://example.org/news\n');
    expect(problems).toEqual([
      'content/site.yaml:1:1  unknown setting "nmae" — did you mean "name"?',
      expect.stringMatching(/^content\/site\.yaml:2:9 {2}invalid locale: .*not a language tag such as en-US/),
      expect.stringMatching(/^content\/site\.yaml:4:18 {2}invalid colours\.light\.link: .*not a colour written #rrggbb/),
      expect.stringMatching(/^content\/site\.yaml:5:9 {2}invalid origin: .*not an origin such as https:\/\/news\.example\.org, without a path/),
    ]);
    expect(settings.name).toBe(DEFAULT_SETTINGS.name);
  });

  test('refuses a brand colour readers could not read on its theme', () => {
    const { problems } = settingsOf('colours:\n  light: { link: "#8ab4f8" }\n  dark: { accent: "#3a3a3a" }\n');
    expect(problems).toEqual([
      expect.stringMatching(/^content\/site\.yaml:2:18 {2}colours\.light\.link #8ab4f8 has a contrast of \d\.\d\d:1 against the light page, below 4\.5:1 — choose a darker shade$/),
      expect.stringMatching(/^content\/site\.yaml:3:19 {2}colours\.dark\.accent #3a3a3a has a contrast of \d\.\d\d:1 against the dark page, below 3:1 — choose a lighter shade$/),
    ]);
  });

  test.each([
    ['origin: \'https://news.example.org"onmouseover=alert(1)\'', 'content/site.yaml:1:9  invalid origin: not an origin such as https://news.example.org, without a path — write https:// and the host name only (letters, digits, dots, hyphens and perhaps :port): no path, quotes or spaces'],
    ['base: /../', 'content/site.yaml:1:7  invalid base: not a path such as /stories/ — write the sub-path as names of letters, digits, dots, hyphens or underscores between slashes, such as /stories/; no .. or . parts'],
    ['base: /stories/./', 'content/site.yaml:1:7  invalid base: not a path such as /stories/ — write the sub-path as names of letters, digits, dots, hyphens or underscores between slashes, such as /stories/; no .. or . parts'],
    ['home: //evil.example/', "content/site.yaml:1:7  invalid home: not a path starting with / or an https:// address — write a path on this site such as /, or the full address of another site starting with https://; //host/ leaves the site without saying so"],
    ['home: \'/a" onclick="x\'', "content/site.yaml:1:7  invalid home: not a path starting with / or an https:// address — write a path on this site such as /, or the full address of another site starting with https://; //host/ leaves the site without saying so"],
    ['colours:\n  light: { accent: "#b23e06;}body{display:none}" }', 'content/site.yaml:2:20  invalid colours.light.accent: not a colour written #rrggbb, e.g. #b23e06 — write # and six hexadecimal digits, e.g. "#b23e06", in quotes, and nothing else: no CSS'],
    ['locale: xx-QQ-nonsense-1', 'content/site.yaml:1:9  invalid locale: not a language tag such as en-US, en-GB or de-DE — write a language and a region, such as en-GB, fr-FR or es-MX, that Intl knows'],
    ['locale: ar-EG', "content/site.yaml:1:9  invalid locale: ar-EG is written right to left, which Plotline's pages, charts and share cards do not lay out yet — use a left-to-right locale (en-GB, fr-FR): right-to-left pages are not supported"],
    ['locale: he-IL', "content/site.yaml:1:9  invalid locale: he-IL is written right to left, which Plotline's pages, charts and share cards do not lay out yet — use a left-to-right locale (en-GB, fr-FR): right-to-left pages are not supported"],
    ['locale: bn-BD', 'content/site.yaml:1:9  invalid locale: bn-BD writes numbers in its own digits (beng), which facts cannot be checked in — add -u-nu-latn for the digits 0–9: bn-BD-u-nu-latn'],
  ])('%s is refused at its line, with a hint', (yaml, problem) => {
    const { settings, problems } = settingsOf(`${yaml}\n`);
    expect(problems).toEqual([problem]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  test('well-formed origins, bases, homes and locales pass', () => {
    for (const yaml of ['origin: http://localhost:4321', 'origin: https://news.example.org/', 'base: /a.b/c_d-e~/', 'base: stories', 'home: /', 'home: /about/', 'home: https://harbour.example/front?x=1', 'locale: bn-BD-u-nu-latn', 'locale: fr-FR']) {
      expect(settingsOf(`${yaml}\n`).problems).toEqual([]);
    }
  });

  test('a base: built to make a pattern backtrack is refused at once', () => {
    const { problems } = settingsOf(`base: "${'a'.repeat(5_000)}/${'a/'.repeat(5_000)}!"\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/site\.yaml:1:7 {2}invalid base: not a path such as \/stories\//);
  });

  test('an empty file is the defaults', () => {
    expect(settingsOf('# nothing yet\n')).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

describe('brandCss()', () => {
  test('sets the brand colours as custom properties for both themes, outranking site.css', () => {
    const css = brandCss({ ...DEFAULT_SETTINGS, colours: { light: { accent: '#2d6a4f', link: '#0b5394' }, dark: { accent: '#74c69d', link: '#9fc5e8' } } });
    expect(css).toContain('html:root { --accent: #2d6a4f; --link: #0b5394; --focus: #0b5394; }');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n {2}html:root \{ --accent: #74c69d; --link: #9fc5e8; --focus: #9fc5e8; \}/);
  });

  test('the grounds colours are checked against are the stylesheet\'s', () => {
    // The colours live in chart.css, which story pages and embed pages share.
    const css = readFileSync(join(PROJECT, 'src/styles/chart.css'), 'utf8');
    const light = css.slice(css.indexOf(':root'), css.indexOf('}'));
    const darkAt = css.indexOf(':root', css.indexOf('@media (prefers-color-scheme: dark)'));
    const dark = css.slice(darkAt, css.indexOf('}', darkAt));
    for (const [theme, block] of [['light', light], ['dark', dark]] as const) {
      expect(block).toContain(`--page: ${GROUNDS[theme].page};`);
      expect(block).toContain(`--card: ${GROUNDS[theme].card};`);
    }
  });
});

describe('formatDate()', () => {
  test('writes a date in the site\'s locale, en-US by default, in no time zone', () => {
    expect(formatDate('2025-12-08')).toBe('December 8, 2025');
    expect(formatDate('2025-12-08', 'en-GB')).toBe('8 December 2025');
    expect(formatDate('2025-01-01', 'de-DE')).toBe('1. Januar 2025');
  });
});

test('settingsSchema lists the fields the guide documents', () => {
  expect(Object.keys(settingsSchema.shape).sort()).toEqual(['base', 'byline', 'colours', 'description', 'home', 'locale', 'masthead', 'name', 'origin']);
});
