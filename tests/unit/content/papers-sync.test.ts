import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readPapersMetadata, serializePapersMetadata } from '@/lib/content/papers-metadata';
import { parseArxivAtom, syncPapersMetadata } from '@/lib/content/papers-sync';

// A local stand-in for export.arxiv.org: Atom answers in arXiv's format
// (tests/fixtures/arxiv), a 503 before one success, and a request it never answers.
const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/arxiv', name), 'utf8');
const requests: string[] = [];
let server: Server;
let apiUrl: string;
let failuresLeft = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ids = url.searchParams.get('id_list') ?? '';
    requests.push(ids);
    const answer = (body: string) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body);
    if (url.pathname !== '/api/query') return void res.writeHead(404).end();
    if (ids === '2510.05242,2511.16043') return answer(fixture('two-papers.xml'));
    if (ids === '2511.13720') {
      if (failuresLeft-- > 0) return void res.writeHead(503, { 'retry-after': '1' }).end('Service Unavailable');
      return answer(fixture('one-paper.xml'));
    }
    if (ids === '9999.99999') return answer(fixture('unknown-id.xml'));
    if (ids === '2510.08558') return; // never answers
    res.writeHead(400).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fast = () => ({ apiUrl, delayMs: 10, timeoutMs: 2000 });

function contentDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-sync-'));
  // A paper synced earlier: never asked for again.
  writeFileSync(
    path.join(dir, 'papers-metadata.json'),
    serializePapersMetadata(
      new Map([['2510.05592', { title: 'Known', authors: ['A. Author'], abstract: 'Kept.', published: '2025-10-07', updated: '2025-10-07' }]]),
    ),
  );
  return dir;
}

test('an Atom answer gives title, authors, abstract and dates per id, on one line each; error entries are left out', () => {
  const found = parseArxivAtom(fixture('two-papers.xml'));
  expect(found.get('2511.16043')).toEqual({
    title: 'Agent0: Unleashing Self-Evolving Agents from Zero Data via Tool-Integrated Reasoning',
    authors: ['Peng Xia', 'Kaide Zeng', 'Huaxiu Yao'],
    abstract: 'Large Language Model (LLM) Agents, often trained with Reinforcement Learning (RL), are constrained by a dependency on human-curated data.',
    published: '2025-11-20',
    updated: '2025-11-20',
  });
  expect(found.get('2510.05242')).toMatchObject({ authors: ['Shih-Yang Liu'], published: '2025-10-06', updated: '2025-11-02' });
  expect(parseArxivAtom(fixture('unknown-id.xml')).size).toBe(0);
  expect(() => parseArxivAtom('<html>busy</html>')).toThrow(/not an Atom feed/);
});

test('sync fetches only new ids in batches, retries a 503, reports ids arXiv does not know, and writes a sorted, stable file', async () => {
  const dir = contentDir();
  requests.length = 0;
  const first = await syncPapersMetadata(dir, ['2511.16043', '2510.05592', '2510.05242'], { ...fast(), batchSize: 2 });
  expect(first).toEqual({ fetched: ['2510.05242', '2511.16043'], skipped: ['2510.05592'], missing: [] });
  expect(requests).toEqual(['2510.05242,2511.16043']);
  const file = path.join(dir, 'papers-metadata.json');
  const written = JSON.parse(readFileSync(file, 'utf8')) as { version: number; papers: Record<string, { title: string }> };
  expect(written.version).toBe(1);
  expect(Object.keys(written.papers)).toEqual(['2510.05242', '2510.05592', '2511.16043']);
  expect(written.papers['2510.05592']!.title).toBe('Known');

  requests.length = 0;
  failuresLeft = 1;
  const second = await syncPapersMetadata(dir, ['2511.16043', '2510.05592', '2510.05242', '2511.13720', '9999.99999'], { ...fast(), batchSize: 1 });
  expect(second).toEqual({ fetched: ['2511.13720'], skipped: ['2510.05242', '2510.05592', '2511.16043'], missing: ['9999.99999'] });
  expect(requests).toEqual(['2511.13720', '2511.13720', '9999.99999']);
  expect(readPapersMetadata(dir).get('2511.13720')).toMatchObject({ title: 'Back to Basics: Let Denoising Generative Models Denoise', authors: ['Tianhong Li', 'Kaiming He'] });

  // A run with nothing new asks arXiv nothing and leaves the file byte for byte.
  const before = readFileSync(file, 'utf8');
  requests.length = 0;
  await syncPapersMetadata(dir, ['2511.16043', '2511.13720'], fast());
  expect(requests).toEqual([]);
  expect(readFileSync(file, 'utf8')).toBe(before);
});

test('a request that never answers is abandoned, retried, then reported with the ids and the reason; the file is untouched', async () => {
  const dir = contentDir();
  const before = readFileSync(path.join(dir, 'papers-metadata.json'), 'utf8');
  requests.length = 0;
  await expect(syncPapersMetadata(dir, ['2510.08558'], { apiUrl, delayMs: 10, timeoutMs: 300, attempts: 2 })).rejects.toThrow(
    /2510\.08558 failed after 2 attempt\(s\): no answer within 300 ms/,
  );
  expect(requests).toEqual(['2510.08558', '2510.08558']);
  expect(readFileSync(path.join(dir, 'papers-metadata.json'), 'utf8')).toBe(before);
});

test('a 4xx is not retried and names the ids', async () => {
  requests.length = 0;
  await expect(syncPapersMetadata(contentDir(), ['2401.00001'], fast())).rejects.toThrow(/arXiv refused 2401\.00001: HTTP 400/);
  expect(requests).toEqual(['2401.00001']);
});
