const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * `2025-12-08` → `December 8, 2025` (en-US), `8 December 2025` (en-GB):
 * in the site's locale, never the machine's, and in no time zone.
 */
export function formatDate(iso: string, locale = 'en-US'): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const [year, month, day] = iso.split('-').map(Number);
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
