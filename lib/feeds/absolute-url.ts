/** The site origin without a trailing slash, so `origin + path` never doubles it. */
export function siteOrigin(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `url` resolved against the page it appears on; URLs with a scheme (https:, mailto:) are left as written. */
export function absoluteUrl(url: string, pageUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, pageUrl).href;
  } catch {
    return url;
  }
}
