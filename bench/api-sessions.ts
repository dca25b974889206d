// npm run bench:api:sessions: what revocable sessions cost a signed-in request.
// Every signed-in request reads the account's sessionVersion (one primary-key
// read, lib/auth/options.ts' jwt callback). This builds the app twice into
// their own dist folders, the second time with that read replaced by the
// cookie's own value (the app as it was before sessions could be revoked; the
// file is put back on exit), starts both on PGlite and on PostgreSQL, and
// alternates autocannon runs of signed-in bookmark toggles between them:
// 3 rounds of 10 s at 50 connections each, medians and ratios from this one run.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { buildIndex } from '@/lib/content/index/content-index';
import { Reader } from '@/tests/e2e/client';
import { startOnPglite, startOnPostgres, type RunningApp } from '@/tests/support/server';

const ROUNDS = 3;
const CONNECTIONS = 50;
const DURATION_S = 10;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const paperId = buildIndex(undefined, undefined, { drafts: false }).papers.at(-1)!.paperId;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const OPTIONS = 'lib/auth/options.ts';
const CHECK = 'current = await sessionVersionOf(token.sub);';
const variants = [
  { name: 'checked (now)', distDir: '.next-bench-sessions-on' },
  { name: 'unchecked (before)', distDir: '.next-bench-sessions-off' },
] as const;

// `next build` adds each dist folder's types to tsconfig.json; put it back, and options.ts, whatever happens.
const tsconfig = readFileSync('tsconfig.json', 'utf8');
const options = readFileSync(OPTIONS, 'utf8');
if (!options.includes(CHECK)) throw new Error(`${OPTIONS} no longer contains "${CHECK}": update this benchmark`);
const restore = () => {
  writeFileSync(OPTIONS, options);
  writeFileSync('tsconfig.json', tsconfig);
  for (const { distDir } of variants) rmSync(distDir, { recursive: true, force: true });
};
process.on('exit', restore);
process.on('SIGINT', () => process.exit(130));

function build(distDir: string) {
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_SECRET: 'bench-'.repeat(6),
      SITE_URL: 'http://localhost:3000',
      ALLOW_EMBEDDED_DATABASE: '1',
    },
  });
  if (result.status !== 0) throw new Error(`npm run build into ${distDir} failed`);
}

async function start(backend: 'pglite' | 'postgres', distDir: string): Promise<RunningApp> {
  process.env.NEXT_DIST_DIR = distDir;
  try {
    return await (backend === 'pglite' ? startOnPglite() : startOnPostgres(databaseUrl));
  } finally {
    delete process.env.NEXT_DIST_DIR;
  }
}

/** Signed-in readers, each toggling one bookmark on and off. */
async function toggles(app: RunningApp, readers: Reader[]) {
  let next = 0;
  return autocannon({
    url: app.baseURL,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'PUT',
        path: '/api/bookmarks',
        setupRequest: (request: Record<string, unknown>, context: { reader?: Reader; on?: boolean }) => {
          context.reader ??= readers[next++ % readers.length]!;
          context.on = !context.on;
          return {
            ...request,
            headers: { cookie: context.reader.cookieHeader, origin: app.baseURL, 'content-type': 'application/json' },
            body: JSON.stringify({ paperId, bookmarked: context.on }),
          };
        },
      },
    ] as never,
  });
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`PUT /api/bookmarks signed in, ${CONNECTIONS} connections, ${DURATION_S} s, ${ROUNDS} rounds per variant, alternating\n`);
build(variants[0].distDir);
writeFileSync(OPTIONS, options.replace(CHECK, 'current = token.sv ?? 0;'));
build(variants[1].distDir);
writeFileSync(OPTIONS, options);

for (const backend of ['pglite', 'postgres'] as const) {
  const apps = [await start(backend, variants[0].distDir), await start(backend, variants[1].distDir)];
  const results = variants.map(() => ({ rps: [] as number[], p50: [] as number[], p99: [] as number[] }));
  try {
    const readers = await Promise.all(
      apps.map(async (app) => {
        const list: Reader[] = [];
        for (let i = 0; i < CONNECTIONS; i++) list.push(await new Reader(app.baseURL).signUp());
        return list;
      }),
    );
    // The variants really differ: only the checked one refuses a cookie whose sessions were ended.
    for (const [i, app] of apps.entries()) {
      const reader = await new Reader(app.baseURL).signUp();
      const copy = reader.copy();
      await reader.json('DELETE', '/api/account/sessions');
      const refused = (await copy.json('GET', '/api/bookmarks')).status === 401;
      if (refused !== (i === 0)) throw new Error(`${variants[i]!.name}: expected the ended session to be ${i === 0 ? '' : 'not '}refused`);
      await toggles(app, readers[i]!); // warm-up: JIT, connection pool
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, app] of apps.entries()) {
        const result = await toggles(app, readers[i]!);
        if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`${variants[i]!.name} on ${backend}: failed requests`);
        results[i]!.rps.push(result.requests.average);
        results[i]!.p50.push(result.latency.p50);
        results[i]!.p99.push(result.latency.p99);
      }
    }
  } finally {
    for (const app of apps) await app.stop();
  }
  console.log(`${backend}: variant          | req/s (median) | p50 ms | p99 ms | req/s per round`);
  for (const [i, { name }] of variants.entries()) {
    const r = results[i]!;
    console.log(
      `${backend}: ${name.padEnd(18)} | ${median(r.rps).toFixed(0).padStart(14)} | ${String(median(r.p50)).padStart(6)} | ${String(median(r.p99)).padStart(6)} | ${r.rps.map((x) => x.toFixed(0)).join(', ')}`,
    );
  }
  console.log(`${backend}: throughput checked/unchecked: ${(median(results[0]!.rps) / median(results[1]!.rps)).toFixed(2)}\n`);
}
