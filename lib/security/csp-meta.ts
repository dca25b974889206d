import { contentSecurityPolicy } from '@/lib/security/csp';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

// One attribute order and quoting, so the tag is found again (to replace it on a rebuild, and by verify:vercel).
const META_TAG = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\/?>/;

/**
 * A prerendered page with its Content-Security-Policy in a `<meta>` tag,
 * allowing by hash exactly the inline scripts the page carries. The tag goes
 * right after `<head>` and its charset declaration, before any script: a
 * `<meta>` policy only governs what the parser meets after it. Running it
 * again replaces the tag (post-build may run twice on one build).
 */
export function withCspMeta(html: string): string {
  const page = html.replace(META_TAG, '');
  const policy = contentSecurityPolicy({ hashes: inlineScriptHashes(page) }, { meta: true });
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}"/>`;
  const head = /<head(?:\s[^>]*)?>(\s*<meta charSet="[^"]*"\/?>)?/i.exec(page);
  if (!head) throw new Error('the page has no <head>: its Content-Security-Policy has nowhere to go');
  const at = head.index + head[0].length;
  return `${page.slice(0, at)}${tag}${page.slice(at)}`;
}

/** The policy of a page's `<meta>` tag, or null when it has none. */
export function cspMetaOf(html: string): string | null {
  return META_TAG.exec(html)?.[1]?.replaceAll('&quot;', '"') ?? null;
}
