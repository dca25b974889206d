import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { THEME_SCRIPT, THEME_SCRIPT_HASH } from '@/lib/config/theme';
import { contentSecurityPolicy, scriptAllowance, type CspHashManifest } from '@/lib/security/csp';
import { cspMetaOf, withCspMeta } from '@/lib/security/csp-meta';
import { securityHeaders } from '@/lib/security/headers';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('inline script hashes', () => {
  test('hash exactly the text the browser runs, once each, and skip external scripts', () => {
    const payload = 'self.__next_f.push([1,"a<\\/script>ë"])';
    const html = `<!DOCTYPE html><html><head><script src="/_next/static/a.js" async=""></script><script>${payload}</script></head><body><p>x</p><script>${payload}</script><script id="_R_">boot()</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(payload), sha('boot()')]);
  });
});

describe('the theme script', () => {
  test('its hash in the policy is the hash of the text every page carries', () => {
    expect(THEME_SCRIPT_HASH).toBe(sha(THEME_SCRIPT));
    const html = `<!DOCTYPE html><html><head><script>${THEME_SCRIPT}</script></head><body></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([THEME_SCRIPT_HASH]);
  });
});

describe('content security policy', () => {
  const manifest: CspHashManifest = { routes: { '/': ['sha256-home'], '/tags/강화학습': ['sha256-tag'] }, fallback: ['sha256-404'] };

  test('a prerendered page allows its own hashes and no nonce, so it stays cacheable', () => {
    const allowance = scriptAllowance(manifest, '/', () => 'nonce');
    expect(allowance).toEqual({ hashes: ['sha256-home'] });
    expect(scriptAllowance(manifest, '/tags/%EA%B0%95%ED%99%94%ED%95%99%EC%8A%B5/', () => 'n')).toEqual({ hashes: ['sha256-tag'] });
    const policy = contentSecurityPolicy(allowance);
    expect(policy).toContain("script-src 'self' 'sha256-home';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  test('any other path gets a fresh nonce plus the 404 page hashes, and the fixed directives', () => {
    const allowance = scriptAllowance(manifest, '/bookmarks', () => 'abc123');
    expect(allowance).toEqual({ hashes: ['sha256-404', THEME_SCRIPT_HASH], nonce: 'abc123' });
    const policy = contentSecurityPolicy(allowance).split('; ');
    expect(policy).toContain(`script-src 'self' 'sha256-404' '${THEME_SCRIPT_HASH}' 'nonce-abc123'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(scriptAllowance(manifest, '/%E0%A4%A', () => 'n').nonce).toBe('n');
  });

  test("a prerendered page's <meta> policy leaves out frame-ancestors, which the static header sends", () => {
    const policy = contentSecurityPolicy({ hashes: ['sha256-home'] }, { meta: true });
    expect(policy).toContain("script-src 'self' 'sha256-home';");
    expect(policy).not.toContain('frame-ancestors');
    expect(securityHeaders()).toContainEqual({ key: 'Content-Security-Policy', value: "frame-ancestors 'none'" });
  });

  test('development adds only what React needs for its dev tooling', () => {
    const policy = contentSecurityPolicy({ hashes: [], nonce: 'n' }, { dev: true });
    expect(policy).toContain("script-src 'self' 'nonce-n' 'unsafe-eval'");
    // Pages the proxy does not run on have no nonce under `next dev`: the static header allows their inline scripts.
    const header = securityHeaders({ dev: true }).find((h) => h.key === 'Content-Security-Policy')!.value;
    expect(header).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(header).toContain("frame-ancestors 'none'");
  });
});

describe('the <meta> policy of a prerendered page', () => {
  const page = `<!DOCTYPE html><html lang="ko"><head><meta charSet="utf-8"/><script src="/_next/a.js"></script><script>boot()</script></head><body><script>self.__next_f.push([1,"x"])</script></body></html>`;

  test('goes right after the charset, before any script, and allows exactly the inline scripts', () => {
    const html = withCspMeta(page);
    expect(html).toMatch(
      /^<!DOCTYPE html><html lang="ko"><head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="[^"]+"\/><script src/,
    );
    expect(cspMetaOf(html)).toBe(contentSecurityPolicy({ hashes: [sha('boot()'), sha('self.__next_f.push([1,"x"])')] }, { meta: true }));
    expect(cspMetaOf(page)).toBeNull();
  });

  test('running it twice replaces the tag; a document without <head> is an error, not a page without a policy', () => {
    expect(withCspMeta(withCspMeta(page))).toBe(withCspMeta(page));
    expect(() => withCspMeta('<p>no head</p>')).toThrow(/no <head>/);
  });
});
