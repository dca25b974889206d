// Imports nothing: next.config.ts loads it (through headers.ts) before any path alias exists.

const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * The Content-Security-Policy every page gets. Scripts: only this site's own
 * files, plus the inline scripts Next writes into each page, allowed by hash
 * on prerendered pages (their HTML is fixed at build, so the hashes are known
 * then and the pages stay static) and by a per-request nonce on pages
 * rendered on demand. Styles allow inline: KaTeX and Shiki style by attribute.
 *
 * `meta`: the policy of a prerendered page, written into its own HTML by
 * scripts/post-build.ts, so it needs no function in front of the page. A
 * `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and
 * warn), so it is left out: FRAME_ANCESTORS_HEADER sends it as a static header.
 * `inline`: development only, for the pages the proxy does not run on (see
 * proxy.ts): without a nonce, `next dev`'s inline scripts need it.
 */
export type ScriptAllowance = { hashes: readonly string[]; nonce?: string; inline?: boolean };

export function contentSecurityPolicy({ hashes, nonce, inline }: ScriptAllowance, { dev = false, meta = false } = {}): string {
  const scripts = [
    "'self'",
    ...hashes.map((hash) => `'${hash}'`),
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...(inline ? ["'unsafe-inline'"] : []),
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
    ...(meta ? [] : [FRAME_ANCESTORS]),
  ].join('; ');
}

/** Sent on every response by next.config.ts: the one directive a prerendered page's `<meta>` policy cannot carry. */
export const FRAME_ANCESTORS_HEADER = { key: 'Content-Security-Policy', value: FRAME_ANCESTORS };
