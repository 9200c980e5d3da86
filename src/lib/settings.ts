/**
 * The newsroom's settings, from content/site.yaml: what the site is called,
 * where its masthead links, how it writes numbers and dates, whose byline a
 * story carries by default, its brand colours, and where it is published.
 * Everything is optional; a missing file means the defaults below.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contrastRatio } from './charts/contrast.ts';
import { DEFAULT_LOCALE } from './format.ts';
import { readText } from './files.ts';
import { Problems, type Problem } from './problems.ts';
import { parseYaml, reportSchemaIssues } from './yamlSource.ts';

export const SETTINGS_FILE = 'content/site.yaml';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** A check with the message an editor reads (zod's own for a regex names the regex), and the fix. */
const checked = (test: (value: string) => boolean, message: string, hint: string) => z.string().trim().refine(test, { message, params: { hint } });
const matching = (pattern: RegExp, message: string, hint: string) => checked((value) => pattern.test(value), message, hint);
const colour = matching(HEX, 'not a colour written #rrggbb, e.g. #b23e06', 'write # and six hexadecimal digits, e.g. "#b23e06", in quotes, and nothing else: no CSS');

export const themeSchema = z
  .object({
    accent: colour.optional().describe('Rules, kickers and highlights: 3:1 against the page at least.'),
    link: colour.optional().describe('Links and the keyboard focus ring: 4.5:1 against the page and the cards at least.'),
  })
  .strict();

/**
 * Why a language tag cannot set the site's locale, or undefined when it
 * can: Intl must know it, and pages are laid out left to right with the
 * digits 0–9 that facts are written and checked in.
 */
export function localeTrouble(tag: string): { message: string; hint: string } | undefined {
  const known = { message: 'not a language tag such as en-US, en-GB or de-DE', hint: 'write a language and a region, such as en-GB, fr-FR or es-MX, that Intl knows' };
  let locale: Intl.Locale;
  try {
    if (Intl.getCanonicalLocales(tag).length !== 1 || Intl.NumberFormat.supportedLocalesOf(tag).length !== 1) return known;
    locale = new Intl.Locale(tag);
  } catch {
    return known;
  }
  const script = locale.maximize().script ?? '';
  if (RIGHT_TO_LEFT.has(script)) {
    return { message: `${tag} is written right to left, which Plotline's pages, charts and share cards do not lay out yet`, hint: 'use a left-to-right locale (en-GB, fr-FR): right-to-left pages are not supported' };
  }
  const digits = new Intl.NumberFormat(tag).resolvedOptions().numberingSystem;
  if (digits !== 'latn') {
    return { message: `${tag} writes numbers in its own digits (${digits}), which facts cannot be checked in`, hint: `add -u-nu-latn for the digits 0–9: ${tag}-u-nu-latn` };
  }
  return undefined;
}

/** Scripts written right to left (Unicode script codes). */
const RIGHT_TO_LEFT = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

/** A BCP 47 language tag Intl knows, e.g. en-US, en-GB, fr-FR, written left to right in 0–9. */
const locale = z.string().superRefine((tag, context) => {
  const trouble = localeTrouble(tag);
  if (trouble) context.addIssue({ code: 'custom', message: trouble.message, params: { hint: trouble.hint } });
});

/** An origin: http(s), a host of letters, digits, dots and hyphens, perhaps a port, and no path, quote or space. */
const ORIGIN = /^https?:\/\/[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?\/?$/i;

/** A base path: segments of letters, digits, . _ ~ -, none of them . or .. (read segment by segment: no pattern to backtrack). */
export function isBasePath(text: string): boolean {
  if (text.length > 200) return false;
  const trimmed = text.replace(/^\/|\/$/g, '');
  if (trimmed === '') return true;
  return trimmed.split('/').every((segment) => /^[\w.~-]+$/.test(segment) && segment !== '.' && segment !== '..');
}

/** Where the masthead links: a path on this site (not //host, which leaves it) or an https:// address; no quotes, spaces or angle brackets. */
const HOME = /^(?:\/(?![/\\])[^\s"'<>\\]*|https:\/\/[^\s"'<>\\/]+(?:\/[^\s"'<>\\]*)?)$/;

export const settingsSchema = z
  .object({
    name: z.string().trim().min(1).optional().describe('Name of the site: page titles, feeds, share cards and search results.'),
    masthead: z.string().trim().min(1).optional().describe('Text of the masthead at the top of every page; the name when left out.'),
    description: z.string().trim().min(1).optional().describe('One sentence about the site, for the home page, the feed and search results.'),
    home: matching(HOME, 'not a path starting with / or an https:// address', 'write a path on this site such as /, or the full address of another site starting with https://; //host/ leaves the site without saying so')
      .optional()
      .describe("Where the masthead links: the site's own home page when left out, else an https:// address (the newsroom's front page) or a path on this site."),
    locale: locale.optional().describe('How numbers and dates are written: a language tag such as en-US (the default), en-GB or de-DE.'),
    byline: z.string().trim().min(1).optional().describe("Byline of every story whose index.md gives none."),
    colours: z
      .object({ light: themeSchema.optional(), dark: themeSchema.optional() })
      .strict()
      .optional()
      .describe('Brand colours for the light and the dark theme; each left out keeps the built-in one.'),
    origin: matching(ORIGIN, 'not an origin such as https://news.example.org, without a path', 'write https:// and the host name only (letters, digits, dots, hyphens and perhaps :port): no path, quotes or spaces')
      .optional()
      .describe('Address the site is published at (canonical links, feeds, share images). SITE_URL overrides it.'),
    base: checked(isBasePath, 'not a path such as /stories/', 'write the sub-path as names of letters, digits, dots, hyphens or underscores between slashes, such as /stories/; no .. or . parts')
      .optional()
      .describe('Sub-path the site is served under, e.g. /stories/ ("/" by default). BASE_PATH overrides it.'),
  })
  .strict();

export type SettingsSpec = z.infer<typeof settingsSchema>;

export interface ThemeColours {
  accent: string;
  link: string;
}

/** The settings every page reads, with defaults filled in. */
export interface Settings {
  name: string;
  masthead: string;
  description: string;
  /** Where the masthead links; undefined for the site's own home page. */
  home?: string;
  locale: string;
  byline?: string;
  colours: { light: ThemeColours; dark: ThemeColours };
  origin: string;
  /** Always with one leading and one trailing slash. */
  base: string;
}

/**
 * The grounds brand colours are drawn on, as src/styles/site.css sets them
 * (a test keeps the two the same): page and card, light and dark.
 */
export const GROUNDS = {
  light: { page: '#ffffff', card: '#ffffff' },
  dark: { page: '#15171a', card: '#1d2024' },
} as const;

export const DEFAULT_SETTINGS: Settings = {
  name: 'Data stories',
  masthead: 'Data stories',
  description: 'Stories told from data, with every figure checked against its source.',
  locale: DEFAULT_LOCALE,
  colours: {
    light: { accent: '#b23e06', link: '#1f5fbf' },
    dark: { accent: '#f08a4b', link: '#8ab4f8' },
  },
  origin: 'https://example.org',
  base: '/',
};

/** `text` without the slashes it starts (unless only the end) and ends with: a loop, where /\/+$/ would try every run of slashes. */
function trimSlashes(text: string, ends: 'both' | 'end' = 'both'): string {
  let [from, to] = [0, text.length];
  while (to > from && text[to - 1] === '/') to--;
  while (ends === 'both' && from < to && text[from] === '/') from++;
  return text.slice(from, to);
}

/** A base path with one leading and one trailing slash: '' → '/', 'stories' → '/stories/'. */
function slashed(base: string): string {
  const trimmed = trimSlashes(base);
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Reads and checks content/site.yaml under `root`. SITE_URL and BASE_PATH in
 * `env` (as GitHub Pages' workflow sets them) win over origin and base.
 * Problems carry the file, line and column; the defaults stand in for
 * whatever is wrong, so one run still lists every problem of the project.
 */
export function readSettings(root: string, problems: Problems, env: NodeJS.ProcessEnv = process.env): Settings {
  const spec = readSpec(root, problems);
  const light = { ...DEFAULT_SETTINGS.colours.light, ...spec.colours?.light };
  const dark = { ...DEFAULT_SETTINGS.colours.dark, ...spec.colours?.dark };
  const name = spec.name ?? DEFAULT_SETTINGS.name;
  return {
    name,
    masthead: spec.masthead ?? name,
    description: spec.description ?? DEFAULT_SETTINGS.description,
    home: spec.home,
    locale: spec.locale ?? DEFAULT_SETTINGS.locale,
    byline: spec.byline,
    colours: { light, dark },
    origin: trimSlashes(env.SITE_URL || spec.origin || DEFAULT_SETTINGS.origin, 'end'),
    base: slashed(env.BASE_PATH ?? spec.base ?? DEFAULT_SETTINGS.base),
  };
}

/** `readSettings` for callers that want the problems as a list. */
export function loadSettings(root: string, env: NodeJS.ProcessEnv = process.env): { settings: Settings; problems: Problem[] } {
  const problems = new Problems();
  const settings = readSettings(root, problems, env);
  return { settings, problems: problems.sorted() };
}

function readSpec(root: string, problems: Problems): SettingsSpec {
  if (!existsSync(join(root, SETTINGS_FILE))) return {};
  const text = readText(root, SETTINGS_FILE, problems);
  if (text === undefined) return {};
  const source = parseYaml(SETTINGS_FILE, text, problems);
  if (!source) return {};
  if (source.data === null || source.data === undefined) return {};
  const parsed = settingsSchema.safeParse(source.data);
  if (!parsed.success) {
    reportSchemaIssues(source, parsed.error.issues, problems, fieldsAt, 'setting');
    return {};
  }
  const spec = parsed.data;
  // Brand colours must stay readable on the page they are drawn on.
  for (const theme of ['light', 'dark'] as const) {
    const given = spec.colours?.[theme];
    if (!given) continue;
    const grounds = GROUNDS[theme];
    const need = { accent: 3, link: 4.5 } as const;
    for (const role of ['accent', 'link'] as const) {
      const value = given[role];
      if (!value) continue;
      const worst = Math.min(contrastRatio(value, grounds.page), contrastRatio(value, grounds.card));
      if (worst < need[role]) {
        problems.add(
          SETTINGS_FILE,
          source.locate(['colours', theme, role]),
          `colours.${theme}.${role} ${value} has a contrast of ${worst.toFixed(2)}:1 against the ${theme} page, below ${need[role]}:1`,
          theme === 'light' ? 'choose a darker shade' : 'choose a lighter shade',
        );
      }
    }
  }
  return spec;
}

/** Valid setting names at a path of site.yaml, for did-you-mean hints. */
function fieldsAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(settingsSchema.shape);
  if (path[0] === 'colours' && path.length === 1) return ['light', 'dark'];
  if (path[0] === 'colours') return ['accent', 'link'];
  return [];
}

/**
 * The brand stylesheet: the colours as custom properties. A file of its
 * own, since the Content-Security-Policy allows no inline style. `html:root`
 * outranks site.css's `:root`, whichever loads first.
 */
export function brandCss(settings: Settings): string {
  const block = (c: ThemeColours) => `--accent: ${c.accent}; --link: ${c.link}; --focus: ${c.link};`;
  return `html:root { ${block(settings.colours.light)} }\n@media (prefers-color-scheme: dark) {\n  html:root { ${block(settings.colours.dark)} }\n}\n@media print {\n  html:root { ${block(DEFAULT_SETTINGS.colours.light)} }\n}\n`;
}
