// npm run bench:api:fastpath: the signed-in write path against its two
// references, in one run per backend at BENCH_CONNECTIONS (50):
//   - the app's bookmark toggles (PUT /api/bookmarks, signed in);
//   - a prerendered review page of the same server (the floor of a page view);
//   - the same upsert/delete issued by the driver alone (pg Pool / PGlite) on
//     the same table, and the app's one statement (session check and write,
//     reader_set_bookmark_in_session) through the driver;
//   - /bookmarks as a signed-in reader's browser loads it: the prerendered
//     shell, and the one JSON request its island makes (GET /api/library);
// in BENCH_ROUNDS interleaved rounds, medians reported; then the server's
// resident memory after the run, and what it is made of, as the server itself
// reports it (bench/server-memory-probe.mjs: V8's heap before and after a
// full GC, WebAssembly and native memory).
// BENCH_BACKENDS picks the servers (comma-separated, all by default):
//   pglite-migrated: PGlite on a folder `npm run db:migrate` prepared in its own
//     process, so the server opens an existing folder (a restart's case);
//   pglite-fresh: PGlite on an empty folder, initdb and migrations in the server;
//   postgres: a fresh migrated schema.
// BENCH_HEAP_SNAPSHOT_DIR=<dir> also writes each server's heap snapshot there after the run.
// Targets (issue 14): toggles ≥ 0.5× the page's rate, toggle p99 ≤ 3× its
// median, /bookmarks p99 < 500 ms (the worse of the shell and its list), RSS < 500 MB. Builds unless BENCH_SKIP_BUILD=1.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { treeRssMb } from '@/bench/tree-rss';
import { buildIndex } from '@/lib/content/index/content-index';
import { applyMigrations } from '@/lib/db/migrate';
import { openSql, type SqlDatabase } from '@/lib/db/sql';
import { MAX_BOOKMARKS } from '@/lib/reader/shared';
import { Reader } from '@/tests/e2e/client';
import { buildApp, freshSchema, startOnMigratedPglite, startOnPglite, startOnPostgresUrl, type LoggedApp } from '@/tests/support/server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const index = buildIndex(undefined, undefined, { drafts: false });
const paperId = index.papers.at(-1)!.paperId;
const reviewUrl = index.reviews[0]!.url;

type Sample = {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  /** Autocannon's requests split by connection: each connection's first answer, and all later ones (ms). */
  connections?: { firstP50: number; firstMax: number; laterP50: number; laterP99: number };
};

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function cannon(baseURL: string, requests: unknown[]): Promise<Sample> {
  const run = autocannon({ url: baseURL, connections: CONNECTIONS, duration: DURATION_S, requests: requests as never });
  // The promise autocannon returns is also its instance, an event emitter of every response.
  const events = run as unknown as autocannon.Instance;
  // A connection's first request waits for the server to accept it; a slow tail made of first requests is not the handler's.
  const answered = new Set<unknown>();
  const first: number[] = [];
  const later: number[] = [];
  events.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
    if (answered.has(client)) later.push(ms);
    else {
      answered.add(client);
      first.push(ms);
    }
  });
  const r = await run;
  first.sort((a, b) => a - b);
  later.sort((a, b) => a - b);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors + r.timeouts,
    connections: {
      firstP50: Math.round(quantile(first, 0.5)),
      firstMax: Math.round(first.at(-1) ?? 0),
      laterP50: Math.round(quantile(later, 0.5)),
      laterP99: Math.round(quantile(later, 0.99)),
    },
  };
}

function toggles(app: LoggedApp, readers: Reader[]) {
  let next = 0;
  type Context = { reader?: Reader; on?: boolean };
  return [
    {
      method: 'PUT',
      path: '/api/bookmarks',
      setupRequest: (request: Record<string, unknown>, context: Context) => {
        const reader = (context.reader ??= readers[next++ % readers.length]!);
        context.on = !context.on;
        return {
          ...request,
          headers: { cookie: reader.cookieHeader, origin: app.baseURL, 'content-type': 'application/json' },
          body: JSON.stringify({ paperId, bookmarked: context.on }),
        };
      },
    },
  ];
}

/** GET `path` as signed-in readers (their cookie, as a browser sends it to the shell and to its island's request). */
function signedInGet(readers: Reader[], path: string) {
  let next = 0;
  return [
    {
      method: 'GET',
      path,
      setupRequest: (request: Record<string, unknown>, context: { reader?: Reader }) => ({
        ...request,
        headers: { cookie: (context.reader ??= readers[next++ % readers.length]!).cookieHeader },
      }),
    },
  ];
}

/** CONNECTIONS loops running `op(worker, i)` for DURATION_S; rate and latencies like autocannon's. */
async function driverLoops(op: (worker: number, i: number) => Promise<unknown>): Promise<Sample> {
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      for (let i = 0; performance.now() < until; i++) {
        const start = performance.now();
        try {
          await op(worker, i);
          latencies.push(performance.now() - start);
        } catch {
          failed++;
        }
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return { rps: latencies.length / DURATION_S, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), failed };
}

/** A query runner for the driver alone: a pg Pool of CONNECTIONS clients, or PGlite's one connection. */
type Query = (text: string, params: unknown[]) => Promise<unknown>;

type Backend = 'pglite-migrated' | 'pglite-fresh' | 'postgres';
const BACKENDS: Backend[] = ['pglite-migrated', 'pglite-fresh', 'postgres'];

/** What bench/server-memory-probe.mjs writes (MB). */
type MemoryState = {
  usage: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  spaces: Record<string, { physicalMb: number; usedMb: number }>;
  resident: { mallocHeap: number; files: number; anonymous: number; largestAnonymous: [number, number][] };
};
type MemoryReport = { before: MemoryState; afterGc: MemoryState };

type Result = {
  backend: Backend;
  rounds: { toggle: Sample; page: Sample; upsert: Sample; fn: Sample; shell: Sample; list: Sample }[];
  /** Resident memory of the server's process tree once it is ready, before the sign-ups and the load. */
  rssReadyMb: number;
  rssMb: number;
  memory: MemoryReport | null;
};

const probe = pathToFileURL(path.resolve('bench/server-memory-probe.mjs')).href;

/** The probe's environment for one server: it reports to `reportPath` on SIGUSR2. */
function probeEnv(backend: Backend, reportPath: string): Record<string, string> {
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
  return {
    // BENCH_SERVER_NODE_OPTIONS: flags for the server alone, for experiments (a heap limit, another probe).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, process.env.BENCH_SERVER_NODE_OPTIONS, `--import ${probe}`].filter(Boolean).join(' '),
    BENCH_MEMORY_REPORT: reportPath,
    ...(snapshotDir ? { BENCH_HEAP_SNAPSHOT: path.resolve(snapshotDir, `${backend}.heapsnapshot`) } : {}),
  };
}

/** Asks the server's probe for its report (after the RSS figure is read: the probe runs a full GC). */
async function memoryReport(pid: number, reportPath: string): Promise<MemoryReport | null> {
  process.kill(pid, 'SIGUSR2');
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 250));
    if (existsSync(reportPath)) {
      try {
        return JSON.parse(readFileSync(reportPath, 'utf8')) as MemoryReport;
      } catch {
        // still being written
      }
    }
  }
  return null;
}

async function measure(backend: Backend): Promise<Result> {
  let app: LoggedApp;
  let driver: { query: Query; close: () => Promise<void> };
  const reportDir = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  const reportPath = path.join(reportDir, 'report.json');
  const env = probeEnv(backend, reportPath);
  if (backend !== 'postgres') {
    // PGlite cannot be opened by two processes: the driver gets its own folder with the same migrations.
    // Opened before the server starts: its initdb blocks this process's event loop for seconds, long
    // enough for the server to close the idle keep-alive socket that fetch would then reuse (ECONNRESET).
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
    const sql: SqlDatabase = await openSql({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    await applyMigrations(sql);
    app = await (backend === 'pglite-migrated' ? startOnMigratedPglite(env) : startOnPglite(env));
    driver = {
      query: (text, params) => sql.withSession((s) => s.query(text, params)),
      close: async () => {
        await sql.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } else {
    const { url, drop } = await freshSchema(databaseUrl);
    app = await startOnPostgresUrl(url, drop, env);
    const schema = new URL(url).searchParams.get('schema')!;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS, options: `-c search_path="${schema}"` });
    driver = { query: (text, params) => pool.query(text, params), close: () => pool.end() };
  }
  const rssReadyMb = treeRssMb(app.pid);
  try {
    const readers: Reader[] = [];
    for (let i = 0; i < CONNECTIONS; i++) readers.push(await new Reader(app.baseURL).signUp());
    for (const reader of readers.slice(0, 10))
      for (const paper of index.papers.slice(0, 6))
        await reader.json('PUT', '/api/bookmarks', { paperId: paper.paperId, bookmarked: true });
    // The driver's own readers (same table, its own rows).
    const ids = Array.from({ length: CONNECTIONS }, (_, i) => `bench-driver-${i}`);
    for (const id of ids) {
      await driver.query(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [
        id,
        `${id}@example.com`,
      ]);
    }
    const upsert = (worker: number, i: number) =>
      i % 2 === 0
        ? driver.query(
            `INSERT INTO "Bookmark" ("id", "userId", "paperId", "createdAt") VALUES ($1, $2, $3, now()) ON CONFLICT ("userId", "paperId") DO NOTHING`,
            [`c${worker}x${i}`.padEnd(25, '0').slice(0, 25), ids[worker], paperId],
          )
        : driver.query(`DELETE FROM "Bookmark" WHERE "userId" = $1 AND "paperId" = $2`, [ids[worker], paperId]);
    // The statement the route issues: the session check and the write in one call (the driver's readers are at version 0).
    const fn = (worker: number, i: number) =>
      driver.query(`SELECT * FROM reader_set_bookmark_in_session($1::text, 0, $2::text, $3, $4::int)`, [
        ids[worker],
        paperId,
        i % 2 === 0,
        MAX_BOOKMARKS,
      ]);

    // Warm-up: JIT, route compilation, connection pools.
    await cannon(app.baseURL, toggles(app, readers));
    await cannon(app.baseURL, [{ method: 'GET', path: reviewUrl }]);
    await driverLoops(upsert);

    // /bookmarks: the shell and the list its island asks for, as the 10 readers with 6 bookmarks.
    const bookmarkers = readers.slice(0, 10);
    const shell = signedInGet(bookmarkers, '/bookmarks');
    const list = signedInGet(bookmarkers, '/api/library?view=bookmarks');
    await cannon(app.baseURL, list);

    const rounds: Result['rounds'] = [];
    const kinds = 6;
    for (let round = 0; round < ROUNDS; round++) {
      // Rotated so no kind always runs first or last in a round.
      const order = Array.from({ length: kinds }, (_, k) => (k + round) % kinds);
      const sample: Partial<Result['rounds'][number]> = {};
      for (const k of order) {
        if (k === 0) sample.toggle = await cannon(app.baseURL, toggles(app, readers));
        if (k === 1) sample.page = await cannon(app.baseURL, [{ method: 'GET', path: reviewUrl }]);
        if (k === 2) sample.upsert = await driverLoops(upsert);
        if (k === 3) sample.fn = await driverLoops(fn);
        if (k === 4) sample.shell = await cannon(app.baseURL, shell);
        if (k === 5) sample.list = await cannon(app.baseURL, list);
      }
      rounds.push(sample as Result['rounds'][number]);
    }
    // The target's figure first, as the load left it; then the server's own account of it.
    const rssMb = treeRssMb(app.pid);
    return { backend, rounds, rssReadyMb, rssMb, memory: await memoryReport(app.pid, reportPath) };
  } finally {
    await driver.close();
    await app.stop();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${CONNECTIONS} connections, ${DURATION_S}s per sample, ${ROUNDS} interleaved rounds\n`);
  if (process.env.BENCH_SKIP_BUILD !== '1') buildApp();
  const wanted = (process.env.BENCH_BACKENDS ?? BACKENDS.join(',')).split(',').map((b) => b.trim());
  const unknown = wanted.filter((b) => !BACKENDS.includes(b as Backend));
  if (unknown.length) throw new Error(`BENCH_BACKENDS: unknown ${unknown.join(', ')} (known: ${BACKENDS.join(', ')})`);
  const results: Result[] = [];
  for (const backend of BACKENDS.filter((b) => wanted.includes(b))) results.push(await measure(backend));
  let failed = false;
  for (const r of results) {
    const m = (pick: (x: Result['rounds'][number]) => Sample, field: 'rps' | 'p50' | 'p99') => median(r.rounds.map((x) => pick(x)[field]));
    const toggle = m((x) => x.toggle, 'rps');
    const page = m((x) => x.page, 'rps');
    const upsert = m((x) => x.upsert, 'rps');
    const fn = m((x) => x.fn, 'rps');
    const p50 = m((x) => x.toggle, 'p50');
    const p99 = m((x) => x.toggle, 'p99');
    const shell = { rps: m((x) => x.shell, 'rps'), p50: m((x) => x.shell, 'p50'), p99: m((x) => x.shell, 'p99') };
    const list = { rps: m((x) => x.list, 'rps'), p50: m((x) => x.list, 'p50'), p99: m((x) => x.list, 'p99') };
    // A reader waits for both: the page's p99 is the worse of the two.
    const bookmarksP99 = Math.max(shell.p99, list.p99);
    console.log(`${r.backend}:`);
    console.log(
      `  toggles            ${toggle.toFixed(0)} req/s, p50 ${p50} ms, p99 ${p99} ms (p99/p50 ${(p99 / Math.max(p50, 1)).toFixed(1)}×)`,
    );
    console.log(`  review page        ${page.toFixed(0)} req/s → toggles at ${(toggle / page).toFixed(2)}× the page`);
    console.log(`  driver upsert      ${upsert.toFixed(0)} /s → toggles at ${(toggle / upsert).toFixed(3)}× the driver`);
    console.log(`  driver, function   ${fn.toFixed(0)} /s → toggles at ${(toggle / fn).toFixed(3)}× the same statement`);
    console.log(`  /bookmarks shell   ${shell.rps.toFixed(0)} req/s, p50 ${shell.p50} ms, p99 ${shell.p99} ms`);
    console.log(
      `  its list (JSON)    ${list.rps.toFixed(0)} req/s, p50 ${list.p50} ms, p99 ${list.p99} ms (GET /api/library?view=bookmarks)`,
    );
    console.log(`  server RSS         ${r.rssReadyMb.toFixed(0)} MB when ready, ${r.rssMb.toFixed(0)} MB after the run`);
    if (r.memory) {
      const line = (label: string, m: MemoryState) =>
        `  ${label} rss ${m.usage.rss}, V8 heap used ${m.usage.heapUsed} of ${m.usage.heapTotal} (` +
        Object.entries(m.spaces)
          .filter(([, x]) => x.physicalMb > 0)
          .map(([name, x]) => `${name.replace(/_space$/, '')} ${x.usedMb}/${x.physicalMb}`)
          .join(', ') +
        `), external ${m.usage.external} (array buffers ${m.usage.arrayBuffers}); resident: malloc heap ${m.resident.mallocHeap}, ` +
        `files ${m.resident.files}, anonymous ${m.resident.anonymous} (largest [rss, size]: ${m.resident.largestAnonymous
          .slice(0, 5)
          .map(([a, b]) => `[${a}, ${b}]`)
          .join(' ')}) MB`;
      console.log(line('memory after run: ', r.memory.before));
      console.log(line('after a full GC:  ', r.memory.afterGc));
    } else console.log('  memory report: the server did not write one');
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    console.log(
      `  targets: toggles ≥ 0.5× page ${verdict(toggle / page >= 0.5)}; p99 ≤ 3× p50 ${verdict(p99 <= 3 * p50)}; ` +
        `/bookmarks p99 < 500 ms ${verdict(bookmarksP99 < 500)} (${bookmarksP99} ms); RSS < 500 MB ${verdict(r.rssMb < 500)}`,
    );
    for (const [i, x] of r.rounds.entries()) {
      console.log(
        `  round ${i + 1}: toggle ${x.toggle.rps.toFixed(0)} /s (p50 ${x.toggle.p50}, p99 ${x.toggle.p99} ms), page ${x.page.rps.toFixed(0)}, ` +
          `upsert ${x.upsert.rps.toFixed(0)}, function ${x.fn.rps.toFixed(0)} /s; shell ${x.shell.rps.toFixed(0)} /s (p99 ${x.shell.p99} ms), ` +
          `list ${x.list.rps.toFixed(0)} /s (p50 ${x.list.p50}, p99 ${x.list.p99} ms)`,
      );
      const c = (s: Sample) =>
        s.connections
          ? `first answers p50 ${s.connections.firstP50}, max ${s.connections.firstMax}; later p50 ${s.connections.laterP50}, p99 ${s.connections.laterP99} ms`
          : '';
      console.log(`           toggle ${c(x.toggle)}`);
      console.log(`           list   ${c(x.list)}`);
    }
    if (r.rounds.flatMap((x) => [x.toggle, x.page, x.upsert, x.fn, x.shell, x.list]).some((s) => s.failed > 0)) failed = true;
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (failed) {
    console.error('Some requests failed: the figures above are not comparable.');
    process.exitCode = 1;
  }
}

await main();
