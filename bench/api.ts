// npm run bench:api: autocannon against `next start` with signed-in readers
// toggling bookmarks and loading /bookmarks at 50 connections, on PGlite and on
// PostgreSQL (BENCH_DATABASE_URL, default the local server). Builds first unless
// BENCH_SKIP_BUILD=1.
//
// Then one reader at the note limit (5,000 notes): /notes, a paper's notes and
// a note search for that reader, timed alone; and whether the others notice:
// rounds of toggles at 50 connections while one client loads /notes in a
// loop, alternating between that full account and an empty one (BENCH_ROUNDS
// each), the toggles' p99 compared within this one run.
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { buildIndex } from '@/lib/content/index/content-index';
import { MAX_NOTES } from '@/lib/reader/shared';
import { Reader } from '@/tests/e2e/client';
import { buildApp, startOnPglite, startOnPostgres, type RunningApp } from '@/tests/support/server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
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

// A note as readers write them: Korean and English, a little Markdown, ~400 characters.
const noteBody = (i: number) =>
  [
    `**${i}번째 메모**: 강화 학습 에이전트가 보상 모델을 어떻게 쓰는지 정리했다.`,
    '',
    `- The policy is trained with \`GRPO\` on ${i % 97} tasks; 보상 신호는 희소하다.`,
    '- 다음에 읽을 것: [관련 논문](https://arxiv.org/abs/2501.00001)과 부록의 ablation.',
    '',
    '> 평가 지표가 실제 사용자 만족도와 얼마나 맞는지 확인할 것. Scaling looks log-linear up to 70B.',
  ].join('\n');

/** A signed-in reader holding MAX_NOTES notes spread over every paper, made with one import. */
async function fullReader(baseURL: string): Promise<Reader> {
  const reader = await new Reader(baseURL).signUp();
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
  const notes = Array.from({ length: MAX_NOTES }, (_, i) => ({
    paperId: papers[i % papers.length],
    body: noteBody(i),
    createdAt: at(i),
    updatedAt: at(i),
  }));
  const file = { format: 'papers-review-export', version: 1, exportedAt: at(0), bookmarks: [], statuses: [], notes };
  const response = await reader.request('POST', '/api/import', { json: file });
  if (response.status !== 200) throw new Error(`import of ${MAX_NOTES} notes failed: ${response.status} ${await response.text()}`);
  return reader;
}

/** Milliseconds for one request by this reader; throws on a non-2xx answer. */
async function timed(reader: Reader, path: string): Promise<number> {
  const start = performance.now();
  const response = await reader.request('GET', path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return performance.now() - start;
}

type Alone = { backend: string; what: string; p50: number; max: number; runs: number };

/** The full account's own pages and searches, one request at a time on an idle server. */
async function fullAccountAlone(app: RunningApp, full: Reader): Promise<Alone[]> {
  const rows: Alone[] = [];
  const measure = async (what: string, path: string, runs = 10) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timed(full, path));
    rows.push({ backend: app.backend, what, p50: median(times), max: Math.max(...times), runs });
  };
  // The first search builds the reader's index; later ones only check it is current.
  await measure('first note search (builds the index)', `/api/search/notes?q=${encodeURIComponent('보상 모델')}`, 1);
  await measure('/notes, page 1', '/notes');
  await measure('/notes, page 250 (the last)', `/notes?page=${MAX_NOTES / 20}`);
  await measure(
    `/api/notes?paperId= (${Math.ceil(MAX_NOTES / papers.length)} notes on it)`,
    `/api/notes?paperId=${encodeURIComponent(papers[0]!)}`,
  );
  await measure('note search, index kept', `/api/search/notes?q=${encodeURIComponent('에이전트 GRPO')}`);
  return rows;
}

type Interference = {
  backend: string;
  account: 'empty' | 'full';
  round: number;
  toggleP99: number;
  toggleRps: number;
  notesP50: number;
  notesP99: number;
  notesLoads: number;
  failed: number;
};

/** Toggles by the other readers at full load while one client loads `who`'s /notes back to back. */
async function togglesWhileLoadingNotes(
  app: RunningApp,
  readers: Reader[],
  who: Reader,
  account: 'empty' | 'full',
  round: number,
): Promise<Interference> {
  let stop = false;
  const notesTimes: number[] = [];
  let notesFailed = 0;
  const loop = (async () => {
    while (!stop) {
      try {
        notesTimes.push(await timed(who, '/notes'));
      } catch {
        notesFailed++;
      }
    }
  })();
  const toggles = await run(app, readers, 'toggle bookmark');
  stop = true;
  await loop;
  return {
    backend: app.backend,
    account,
    round,
    toggleP99: toggles.p99,
    toggleRps: toggles.rps,
    notesP50: median(notesTimes),
    notesP99: percentile(notesTimes, 0.99),
    notesLoads: notesTimes.length,
    failed: toggles.failed + notesFailed,
  };
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log(`${CONNECTIONS} connections, ${DURATION_S}s per scenario, ${READERS} signed-in readers\n`);
  if (process.env.BENCH_SKIP_BUILD !== '1') buildApp();
  const rows: Row[] = [];
  const alone: Alone[] = [];
  const interference: Interference[] = [];
  for (const start of [() => startOnPglite(), () => startOnPostgres(databaseUrl)]) {
    const app = await start();
    try {
      const readers = await signedInReaders(app.baseURL);
      await run(app, readers, 'mixed'); // warm-up: JIT, route compilation, connection pool
      for (const scenario of ['toggle bookmark', 'load /bookmarks', 'mixed', 'review page'] as const)
        rows.push(await run(app, readers, scenario));

      const full = await fullReader(app.baseURL);
      const empty = await new Reader(app.baseURL).signUp();
      alone.push(...(await fullAccountAlone(app, full)));
      for (let round = 1; round <= ROUNDS; round++) {
        interference.push(await togglesWhileLoadingNotes(app, readers, empty, 'empty', round));
        interference.push(await togglesWhileLoadingNotes(app, readers, full, 'full', round));
      }
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

  console.log(`\nOne reader with ${MAX_NOTES} notes, alone on the server (ms):`);
  console.log('backend  | request                                   | p50    | max    | runs');
  for (const r of alone) {
    console.log(
      `${r.backend.padEnd(8)} | ${r.what.padEnd(41)} | ${r.p50.toFixed(0).padStart(6)} | ${r.max.toFixed(0).padStart(6)} | ${r.runs}`,
    );
  }

  console.log(`\nToggles (${CONNECTIONS} connections) while one client loads /notes back to back, ${ROUNDS} interleaved rounds:`);
  console.log('backend  | /notes of | round | toggles req/s | toggles p99 | /notes p50 | /notes p99 | /notes loads | failed');
  for (const r of interference) {
    console.log(
      `${r.backend.padEnd(8)} | ${r.account.padEnd(9)} | ${String(r.round).padStart(5)} | ${r.toggleRps.toFixed(0).padStart(13)} | ${String(r.toggleP99).padStart(11)} | ${r.notesP50.toFixed(0).padStart(10)} | ${r.notesP99.toFixed(0).padStart(10)} | ${String(r.notesLoads).padStart(12)} | ${r.failed}`,
    );
  }
  for (const backend of [...new Set(interference.map((r) => r.backend))]) {
    const of = (account: 'empty' | 'full') => interference.filter((r) => r.backend === backend && r.account === account);
    const [emptyP99, fullP99] = [median(of('empty').map((r) => r.toggleP99)), median(of('full').map((r) => r.toggleP99))];
    const notesP50 = median(of('full').map((r) => r.notesP50));
    console.log(
      `${backend}: toggles p99 median ${emptyP99} ms beside an empty /notes, ${fullP99} ms beside the full one (${(fullP99 / emptyP99).toFixed(2)}×); full /notes p50 ${notesP50.toFixed(0)} ms under load`,
    );
  }
  if (rows.some((r) => r.failed > 0) || interference.some((r) => r.failed > 0)) process.exitCode = 1;
}

await main();
