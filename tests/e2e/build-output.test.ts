import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { listContentFiles } from '@/lib/content/source/files';
import { buildIndex } from '@/lib/content/index/content-index';
import { paperHref } from '@/lib/content/urls';
import { postingShardPath, rowShardPath, termShard, type SearchHead } from '@/lib/search/wire-format';
import { cspMetaOf } from '@/lib/security/csp-meta';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

// Serverless deployments ship only the files traced into each function: every
// route that looks papers up in content/ must carry it. Runs on the build the
// e2e setup made.
const routes = [
  'api/library/route',
  '(account)/notes/page',
  '(reader)/docs/[...slug]/page',
  'api/bookmarks/route',
  'api/notes/route',
  'api/status/route',
  'api/reader/state/route',
];

test.each(routes)('%s has every review file traced', (route) => {
  const nft = path.resolve('.next/server/app', `${route}.js.nft.json`);
  expect(existsSync(nft), nft).toBe(true);
  const traced = (JSON.parse(readFileSync(nft, 'utf8')) as { files: string[] }).files.map((file) => path.resolve(path.dirname(nft), file));
  for (const review of listContentFiles()) expect(traced).toContain(review.file);
});

test('the build wrote the paper catalog and the CSP manifest, traced into the functions that read them', () => {
  const catalog = JSON.parse(readFileSync(path.resolve('.next/paper-catalog.json'), 'utf8')) as {
    version: number;
    papers: { paperId: string }[];
  };
  expect(catalog.version).toBe(1);
  expect(catalog.papers.map((p) => p.paperId).sort()).toEqual(
    buildIndex(undefined, undefined, { drafts: false })
      .papers.map((p) => p.paperId)
      .sort(),
  );
  const tracedBy = (trace: string) =>
    (JSON.parse(readFileSync(path.resolve('.next/server', trace), 'utf8')) as { files: string[] }).files.map((f) =>
      path.resolve('.next/server', path.dirname(trace), f),
    );
  for (const route of ['app/api/bookmarks/route', 'app/api/library/route', 'app/api/export/route']) {
    expect(tracedBy(`${route}.js.nft.json`), route).toContain(path.resolve('.next/paper-catalog.json'));
  }
  expect(tracedBy('middleware.js.nft.json')).toContain(path.resolve('.next/csp-hashes.json'));
});

// The live preview and the author error page are `next dev` only: a production
// build has none of their code, and the event route answers 404.
test('the production build has no live preview or author error page', async () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : [],
    );
  const clientHits = files(path.resolve('.next/static')).filter((file) => /content-events|EventSource/.test(readFileSync(file, 'utf8')));
  expect(clientHits).toEqual([]);
  const serverHits = files(path.resolve('.next/server')).filter((file) =>
    /contentChangeStream|Development · content error|data-author-warnings/.test(readFileSync(file, 'utf8')),
  );
  expect(serverHits).toEqual([]);
  const response = await fetch(`${inject('baseURL')}/api/dev/content-events`);
  expect(response.status).toBe(404);
});

test('every paper in content/ has its page prerendered by the build', () => {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const papers = buildIndex(undefined, undefined, { drafts: false }).papers;
  expect(papers.length).toBeGreaterThan(0);
  for (const paper of papers) {
    const route = decodeURIComponent(paperHref(paper.paperId));
    expect(Object.keys(manifest.routes), route).toContain(route);
    expect(existsSync(path.resolve('.next/server/app', `${route.slice(1)}.html`)), route).toBe(true);
  }
});

// A query fetches index shards from the CDN: each is a file the build wrote, no function per request.
test('the search index head and every shard it points to are prerendered, and nothing else under /search-index/', async () => {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  const head = (await (await fetch(`${inject('baseURL')}/search-index.json`)).json()) as SearchHead;
  const postings = [...new Set(head.terms.map((term) => termShard(term, head.postingShards)))].map((n) => postingShardPath(head.key, n));
  const rows = Array.from({ length: Math.ceil(head.documentCount / head.rowsPerShard) }, (_, n) => rowShardPath(head.key, n));
  expect(head.documentCount).toBeGreaterThan(0);
  const routes = Object.keys(manifest.routes);
  expect(routes).toContain('/search-index.json');
  expect(routes.filter((route) => route.startsWith('/search-index/')).sort()).toEqual([...postings, ...rows].sort());
});

// The CSP of a prerendered page travels in its own HTML (no function in front
// of it): every prerendered page, here and in the standalone server's copy.
test('every prerendered page carries a <meta> policy that allows exactly its own inline scripts', () => {
  const prerendered = Object.keys(
    (JSON.parse(readFileSync(path.resolve('.next/prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> }).routes,
  );
  const pages = prerendered
    .map((route) => `server/app/${route === '/' ? 'index' : route.slice(1)}.html`)
    .filter((file) => existsSync(path.resolve('.next', file)));
  expect(pages.length).toBeGreaterThan(buildIndex(undefined, undefined, { drafts: false }).reviews.length);
  expect(pages).toContain('server/app/_not-found.html');
  for (const file of pages) {
    for (const copy of [path.resolve('.next', file), path.resolve('.next/standalone/.next', file)]) {
      const html = readFileSync(copy, 'utf8');
      const policy = cspMetaOf(html);
      expect(policy, copy).toBeTruthy();
      const allowed = policy!
        .split('; ')
        .find((d) => d.startsWith('script-src '))!
        .split(' ')
        .slice(2);
      expect(allowed.map((h) => h.slice(1, -1)).sort(), copy).toEqual(inlineScriptHashes(html).sort());
      // Before any script: a <meta> policy governs only what comes after it.
      expect(html.indexOf('http-equiv="Content-Security-Policy"'), copy).toBeLessThan(html.indexOf('<script'));
    }
  }
});
