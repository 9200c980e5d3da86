/** A base path with one leading and one trailing slash: '' → '/', '/plotline' → '/plotline/'. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Paths and absolute URLs of one deployment: `site` is the origin (a path
 * in it is ignored), `base` the sub-path the site is served under.
 */
export interface SiteUrls {
  /** Site-relative path → root-relative path under base: 'a/b' → '/plotline/a/b'. */
  path(relative?: string): string;
  /** Site-relative path → absolute URL: 'a/b' → 'https://org.github.io/plotline/a/b'. */
  absolute(relative?: string): string;
}

export function siteUrls(site: string | URL, base: string | undefined): SiteUrls {
  const prefix = normaliseBase(base);
  const origin = new URL(site).origin;
  const path = (relative = '') => `${prefix}${relative.replace(/^\/+/, '')}`;
  return { path, absolute: (relative = '') => `${origin}${path(relative)}` };
}
