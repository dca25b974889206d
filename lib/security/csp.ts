import { THEME_SCRIPT_HASH } from '@/lib/config/theme';
import type { ScriptAllowance } from '@/lib/security/policy';

export { contentSecurityPolicy, FRAME_ANCESTORS_HEADER, type ScriptAllowance } from '@/lib/security/policy';

/** Built by scripts/post-build.ts after `next build`: inline-script hashes per prerendered page (also written into each page as its `<meta>` policy). */
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
