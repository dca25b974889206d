// npm run bench:api: autocannon against `next start` with signed-in readers
// toggling bookmarks and loading /bookmarks at 50 connections, on PGlite and on
// PostgreSQL (BENCH_DATABASE_URL, default the local server). Builds first unless
// BENCH_SKIP_BUILD=1.
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { buildIndex } from '@/lib/content/index/content-index';
import { Reader } from '@/tests/e2e/client';
import { buildApp, startOnPglite, startOnPostgres, type RunningApp } from '@/tests/support/server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const READERS = CONNECTIONS;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const papers = buildIndex(undefined, undefined, { drafts: false }).papers.map((p) => p.paperId);

const reviewUrl = buildIndex(undefined, undefined, { drafts: false }).reviews[0]!.url;

type Row = { backend: string; scenario: string; rps: number; p50: number; p99: number; ok: number; failed: number };

async function signedInReaders(baseURL: string): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (let i = 0; i < READERS; i++) {
    const reader = await new Reader(baseURL).signUp();
    // A realistic list: a handful of bookmarks and a note each.
    for (const paperId of papers.slice(0, 6)) await reader.json('PUT', '/api/bookmarks', { paperId, bookmarked: true });
    await reader.json('POST', '/api/notes', { paperId: papers[0], body: 'A note to count on /bookmarks.' });
    readers.push(reader);
  }
  return readers;
}

type Context = { reader?: Reader; on?: boolean };

type Scenario = 'toggle bookmark' | 'load /bookmarks' | 'mixed' | 'review page';

async function run(app: RunningApp, readers: Reader[], scenario: Scenario): Promise<Row> {
  let next = 0;
  const reader = (context: Context) => (context.reader ??= readers[next++ % readers.length]!);
  const toggle = {
    method: 'PUT' as const,
    path: '/api/bookmarks',
    setupRequest: (request: Record<string, unknown>, context: Context) => {
      const r = reader(context);
      context.on = !context.on;
      return {
        ...request,
        headers: { cookie: r.cookieHeader, origin: app.baseURL, 'content-type': 'application/json' },
        body: JSON.stringify({ paperId: papers[papers.length - 1], bookmarked: context.on }),
      };
    },
  };
  const list = {
    method: 'GET' as const,
    path: '/bookmarks',
    setupRequest: (request: Record<string, unknown>, context: Context) => ({
      ...request,
      headers: { cookie: reader(context).cookieHeader },
    }),
  };
  // Prerendered HTML, through proxy.ts (its CSP hashes and request id): the floor every page view pays.
  const page = { method: 'GET' as const, path: reviewUrl };
  const requests = { 'toggle bookmark': [toggle], 'load /bookmarks': [list], mixed: [toggle, list], 'review page': [page] }[scenario];
  const result = await autocannon({ url: app.baseURL, connections: CONNECTIONS, duration: DURATION_S, requests: requests as never });
  return {
    backend: app.backend,
    scenario,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log(`${CONNECTIONS} connections, ${DURATION_S}s per scenario, ${READERS} signed-in readers\n`);
  if (process.env.BENCH_SKIP_BUILD !== '1') buildApp();
  const rows: Row[] = [];
  for (const start of [startOnPglite, () => startOnPostgres(databaseUrl)]) {
    const app = await start();
    try {
      const readers = await signedInReaders(app.baseURL);
      await run(app, readers, 'mixed'); // warm-up: JIT, route compilation, connection pool
      for (const scenario of ['toggle bookmark', 'load /bookmarks', 'mixed', 'review page'] as const)
        rows.push(await run(app, readers, scenario));
    } finally {
      await app.stop();
    }
  }
  console.log('backend  | scenario          | req/s  | p50 ms | p99 ms | 2xx    | failed');
  for (const r of rows) {
    console.log(
      `${r.backend.padEnd(8)} | ${r.scenario.padEnd(17)} | ${r.rps.toFixed(0).padStart(6)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${String(r.ok).padStart(6)} | ${r.failed}`,
    );
  }
  if (rows.some((r) => r.failed > 0)) process.exitCode = 1;
}

await main();
