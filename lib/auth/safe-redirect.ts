// No imports and no 'server-only': the sign-in page and NextAuth's redirect
// callback both ask this one function where a reader may be sent.

/**
 * Where a `callbackUrl` may send a reader after signing in: a path on this
 * site, or '/'.
 *
 * Browsers forgive a lot in a URL: they drop every tab, CR and LF, strip
 * leading spaces and control characters, and read `\` as `/`, so
 * `/<tab>/evil.example/` or `/\evil.example` is `//evil.example/`, another
 * site. Rather than list dangerous spellings, the value is resolved with the
 * WHATWG URL parser (the browser's own rules) against this site's origin and
 * kept only if that origin is unchanged; what comes back is the parser's
 * serialization, so the string the browser is given is the one that was checked.
 */
export function safeCallbackUrl(value: string | string[] | undefined, siteUrl: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return '/';
  let site: URL;
  let target: URL;
  try {
    site = new URL(siteUrl);
    target = new URL(raw, site);
  } catch {
    // Not a URL at all (e.g. `http://host:port.evil.example/`, whose port is not a number).
    return '/';
  }
  if (target.origin !== site.origin || (target.protocol !== 'http:' && target.protocol !== 'https:')) return '/';
  // `/.//evil.example` resolves to the path `//evil.example`, which on its own
  // is a protocol-relative URL to another host: one leading slash only.
  const path = `/${target.pathname.replace(/^\/+/, '')}${target.search}${target.hash}`;
  return new URL(path, site).origin === site.origin ? path : '/';
}
