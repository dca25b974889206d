import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

test('the catalog a build writes holds every published paper with its appearances, and no draft', async () => {
  const { paperCatalogFile } = await import('@/lib/content/index/catalog');
  const published = buildIndex(undefined, undefined, { drafts: false });
  const all = buildIndex(undefined, undefined, { drafts: true });
  const file = JSON.parse(JSON.stringify(paperCatalogFile(published)));
  expect(file.version).toBe(1);
  expect(file.papers).toEqual(published.papers);
  const draftOnly = all.papers.filter((paper) => !published.byPaperId.has(paper.paperId));
  expect(draftOnly.length).toBeGreaterThan(0);
  for (const paper of draftOnly) expect(file.papers.map((p: { paperId: string }) => p.paperId)).not.toContain(paper.paperId);
});

test('a production server answers from the build’s catalog file, without parsing content', async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'catalog-dist-'));
  mkdirSync(dist, { recursive: true });
  const paper = { paperId: 'arxiv:2601.00001', name: 'Only In Catalog', arxivId: '2601.00001', link: null, orgs: ['x'], subtitle: null, appearances: [] };
  writeFileSync(path.join(dist, 'paper-catalog.json'), JSON.stringify({ version: 1, papers: [paper] }));
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('NEXT_DIST_DIR', dist);
  // Content that cannot be read: the catalog must not need it.
  vi.stubEnv('CONTENT_DIR', path.join(dist, 'no-such-content'));
  const { paperCatalog } = await import('@/lib/content/index/catalog');
  expect([...paperCatalog().keys()]).toEqual(['arxiv:2601.00001']);
});

test('without a catalog file (a bare next build) production falls back to the live index', async () => {
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('NEXT_DIST_DIR', mkdtempSync(path.join(tmpdir(), 'catalog-none-')));
  const { paperCatalog } = await import('@/lib/content/index/catalog');
  expect([...paperCatalog().keys()].sort()).toEqual(buildIndex(undefined, undefined, { drafts: false }).papers.map((p) => p.paperId).sort());
});
