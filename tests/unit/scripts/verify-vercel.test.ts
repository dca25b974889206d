import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { withCspMeta } from '@/lib/security/csp-meta';
import { checkVercelOutput, functionsInFront, pagesWithoutCsp } from '@/scripts/verify-vercel';

// `npm run verify:vercel` proves a real output green in CI; this proves it says what is wrong with a bad one.
test('an output that would deploy wrong is refused, each problem by name', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'verify-vercel-'));
  symlinkSync(path.resolve('content'), path.join(project, 'content'));
  const output = path.join(project, '.vercel', 'output');
  const review = buildIndex(undefined, undefined, { drafts: false }).reviews[0]!;
  // The review rendered per request instead of prerendered; no API functions; no proxy.
  const reviewFunc = path.join(output, 'functions', `${review.url.slice(1)}.func`);
  mkdirSync(reviewFunc, { recursive: true });
  writeFileSync(path.join(reviewFunc, '.vc-config.json'), JSON.stringify({ handler: 'index.js', runtime: 'nodejs24.x' }));
  writeFileSync(path.join(output, 'config.json'), JSON.stringify({ version: 2, routes: [] }));

  const { problems, figures } = checkVercelOutput(output, project);
  expect(problems).toEqual(
    expect.arrayContaining([
      'config.json: expected "version": 3, found 2',
      `review ${review.url} is not prerendered: no static/ file and no .prerender-config.json with a fallback in functions/`,
      '/api/auth/[...nextauth] is not a function: no functions/api/auth/[...nextauth].func with a .vc-config.json',
      '/api/notes/[id] is not a function: no functions/api/notes/[id].func with a .vc-config.json',
      '/api/library has no function, so nothing can read content/ for it at run time',
      'no functions/_middleware.func: proxy.ts (CSP, request ids) was not deployed',
      'config.json sets no Strict-Transport-Security: the security headers of next.config.ts are missing',
    ]),
  );
  expect(problems.some((p) => p.startsWith('content image content/') && p.includes('ships nowhere'))).toBe(true);
  expect(figures.functions).toBe(1);
});

describe('prerendered pages on Vercel', () => {
  const page = (scripts: string[]) =>
    `<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>x</title></head><body>${scripts.map((s) => `<script>${s}</script>`).join('')}</body></html>`;
  const pages = [
    { url: '/', html: withCspMeta(page(['a()'])) },
    { url: '/docs/papers/y2025/nov/20251114', html: withCspMeta(page(['b()'])) },
    { url: '/rss.xml', html: null },
  ];
  // The shape @vercel/next writes for proxy.ts: one route per matcher, ahead of the filesystem.
  const proxyRoute = (src: string) => ({ src, middlewarePath: '/_middleware', continue: true, override: true });
  const isFunction = (route: string) => route === '/docs/[...slug]' || route === '/api/notes';

  test('a proxy or function route that can match a prerendered URL is refused, naming the route and a URL', () => {
    const everything = [proxyRoute('^(?:/((?!_next/).*))$'), { handle: 'filesystem' }];
    expect(functionsInFront(everything, pages, isFunction)).toEqual([
      'config.json route 0 (middlewarePath /_middleware) runs a function in front of 3 prerendered URLs, e.g. / (src ^(?:/((?!_next/).*))$)',
    ]);
    // Ahead of the filesystem, a rewrite to a function is a function in front of the page too; after it, it is the fallback.
    const rewrite = { src: '^/docs/(?<slug>.+)$', dest: '/docs/[...slug]?slug=$slug' };
    expect(functionsInFront([rewrite, { handle: 'filesystem' }], pages, isFunction)).toHaveLength(1);
    expect(functionsInFront([{ handle: 'filesystem' }, rewrite], pages, isFunction)).toEqual([]);
  });

  test("the app's own matcher leaves every prerendered URL alone and still takes API paths and malformed escapes", async () => {
    const { getMiddlewareMatchers } = (await import('next/dist/build/analysis/get-page-static-info.js')) as unknown as {
      getMiddlewareMatchers: (m: unknown, config: object) => { regexp: string }[];
    };
    // By path, not '@/proxy': bench:proxy builds once with proxy.ts set aside, and the build type-checks this file.
    const { config } = (await import(path.resolve('proxy.ts'))) as { config: { matcher: unknown } };
    const routes = [...getMiddlewareMatchers(config.matcher, {}).map((m) => proxyRoute(m.regexp)), { handle: 'filesystem' }];
    expect(functionsInFront(routes, pages, isFunction)).toEqual([]);
    const proxied = (url: string) => functionsInFront(routes, [{ url, html: null }], isFunction).length > 0;
    for (const url of [
      '/api/notes',
      '/api/library',
      '/signin',
      '/notes',
      '/account',
      '/no-such-page',
      '/docs/%E0%A4%A',
      '/docs/papers/%ZZ',
      '/tags/%C0%AF',
    ])
      expect(proxied(url), url).toBe(true);
    for (const url of [
      '/',
      '/index.rsc',
      '/404',
      '/500',
      '/page/2',
      '/papers',
      '/papers.rsc',
      '/papers.segments/_tree.segment.rsc',
      '/papers/2501.00001',
      '/library',
      '/library.rsc',
      '/bookmarks',
      '/bookmarks.segments/_tree.segment.rsc',
      '/tags/%EA%B0%95',
      '/orgs/x/rss.xml',
      '/atom.xml',
      '/search-index.json',
      '/search-index/v3-abc/p12.json',
      '/og/a.png',
    ])
      expect(proxied(url), url).toBe(false);
  });

  test('a prerendered page without its policy, or with one that blocks its own scripts, is refused', () => {
    expect(pagesWithoutCsp([], pages)).toEqual([]);
    const bare = { url: '/papers', html: page(['c()']) };
    const stale = { url: '/tags/x', html: withCspMeta(page(['d()'])).replace('<script>d()', '<script>e()') };
    expect(pagesWithoutCsp([], [...pages, bare, stale])).toEqual([
      '1 prerendered pages have no Content-Security-Policy (no <meta> tag, no config.json header), e.g. /papers',
      '1 prerendered pages have a <meta> policy that blocks their own inline scripts, e.g. /tags/x',
    ]);
    // A header route in config.json that covers the page is its policy too.
    const header = { src: '^/papers$', headers: { 'Content-Security-Policy': "script-src 'self' 'sha256-x'" }, continue: true };
    expect(pagesWithoutCsp([header], [bare])).toEqual([]);
  });
});
