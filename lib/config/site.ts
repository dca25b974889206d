/** The public origin without a trailing slash, so `origin + path` never doubles it. */
export function siteOrigin(url: string): string {
  return url.replace(/\/+$/, '');
}

export const siteConfig = {
  name: 'Papers Review',
  description: 'Weekly reviews of machine-learning papers: every paper, its org, and where it was discussed.',
  // "Edit this page" links: this base plus the file's path in the repository,
  // e.g. https://github.com/org/repo/edit/main/ → …/edit/main/content/papers/….
  editUrlBase: process.env.EDIT_URL_BASE ?? null,
  // Absolute URLs (Open Graph tags, feeds, sitemap, exports) need the public origin.
  url:
    process.env.SITE_URL ??
    (process.env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}` : 'http://localhost:3000'),
};

/** `url` resolved against the page it appears on; URLs with a scheme (https:, mailto:) are left as written. */
export function absoluteUrl(url: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, pageUrl).href;
  } catch {
    return url;
  }
}

/** A path of this site as an absolute URL on its public origin. */
export function absoluteSiteUrl(path: string): string {
  return `${siteOrigin(siteConfig.url)}${path}`;
}
