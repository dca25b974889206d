import { THEME_SCRIPT_HASH } from '@/lib/config/theme';

/**
 * The Content-Security-Policy every page gets. Scripts: only this site's own
 * files, plus the inline scripts Next writes into each page, allowed by hash
 * on prerendered pages (their HTML is fixed at build, so the hashes are known
 * then and the pages stay static) and by a per-request nonce on pages
 * rendered on demand. Styles allow inline: KaTeX and Shiki style by attribute.
 */
export type ScriptAllowance = { hashes: readonly string[]; nonce?: string };

export function contentSecurityPolicy({ hashes, nonce }: ScriptAllowance, { dev = false } = {}): string {
  const scripts = [
    "'self'",
    ...hashes.map((hash) => `'${hash}'`),
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...(dev ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Built by scripts/post-build.ts after `next build`: inline-script hashes per prerendered page. */
export type CspHashManifest = {
  /** Decoded pathname → hashes of that page's inline scripts. */
  routes: Record<string, string[]>;
  /** Hashes of the prerendered 404 and error pages, which any path may end up serving. */
  fallback: string[];
};

export const CSP_MANIFEST_FILE = 'csp-hashes.json';

/**
 * What a path's policy allows: its own hashes when prerendered (the theme
 * script among them, hashed from the built page), else a fresh nonce plus the
 * fallback pages' hashes and the theme script's, which React cannot give a nonce.
 */
export function scriptAllowance(manifest: CspHashManifest, pathname: string, newNonce: () => string): ScriptAllowance {
  const hashes = manifest.routes[normalizePath(pathname)];
  if (hashes) return { hashes };
  return { hashes: [...new Set([...manifest.fallback, THEME_SCRIPT_HASH])], nonce: newNonce() };
}

function normalizePath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape is simply not a prerendered path.
  }
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
}
