// npm run bench:proxy: what proxy.ts (nonce CSP and request id on pages
// rendered per request and API routes) costs a prerendered review page on
// `next start`. Its matcher leaves prerendered pages alone (their CSP is in
// their HTML), so the target is parity. Builds the app twice into their own
// dist folders, the second time with proxy.ts set aside (put back on exit),
// then alternates autocannon runs against the two servers: 5 rounds of 10 s at
// 50 connections each, medians and the ratio from this one run. The machine's
// load average is printed before and after: on a shared machine it says how
// far to trust the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { buildIndex } from '@/lib/content/index/content-index';
import { startOnPglite, type RunningApp } from '@/tests/support/server';

const ROUNDS = 5;
const CONNECTIONS = 50;
const DURATION_S = 10;
const reviewUrl = buildIndex(undefined, undefined, { drafts: false }).reviews[0]!.url;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const variants = [
  { name: 'with proxy', distDir: '.next-bench-proxy-on' }, // the split: proxy.ts on API routes and dynamic pages only
  { name: 'without proxy', distDir: '.next-bench-proxy-off' },
] as const;

// `next build` adds each dist folder's types to tsconfig.json; put it back, and proxy.ts, whatever happens.
const tsconfig = readFileSync('tsconfig.json', 'utf8');
const restore = () => {
  if (existsSync('proxy.ts.bench-off')) renameSync('proxy.ts.bench-off', 'proxy.ts');
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

async function start(distDir: string): Promise<RunningApp> {
  process.env.NEXT_DIST_DIR = distDir;
  try {
    return await startOnPglite();
  } finally {
    delete process.env.NEXT_DIST_DIR;
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`GET ${reviewUrl}, ${CONNECTIONS} connections, ${DURATION_S} s, ${ROUNDS} rounds per variant, alternating\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
build(variants[0].distDir);
renameSync('proxy.ts', 'proxy.ts.bench-off');
build(variants[1].distDir);
renameSync('proxy.ts.bench-off', 'proxy.ts');

const apps = [await start(variants[0].distDir), await start(variants[1].distDir)];
const results = variants.map(() => ({ rps: [] as number[], p50: [] as number[], p99: [] as number[] }));
try {
  for (const [i, app] of apps.entries()) {
    // Both serve the review as built, its policy in the HTML; only the first has the proxy, on API routes.
    const review = await fetch(`${app.baseURL}${reviewUrl}`);
    if (review.headers.has('x-request-id') || !(await review.text()).includes('<meta http-equiv="Content-Security-Policy"'))
      throw new Error(`${variants[i]!.name}: the review should come as built, with its <meta> policy and no proxy header`);
    const proxied = (await fetch(`${app.baseURL}/api/health`)).headers.has('x-request-id');
    if (proxied !== (i === 0)) throw new Error(`${variants[i]!.name}: expected ${i === 0 ? 'a' : 'no'} proxy on /api/health`);
    await autocannon({ url: `${app.baseURL}${reviewUrl}`, connections: CONNECTIONS, duration: 3 }); // warm-up
  }
  console.log(`load average (1, 5, 15 min) before the rounds: ${load()}`);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, app] of apps.entries()) {
      const result = await autocannon({ url: `${app.baseURL}${reviewUrl}`, connections: CONNECTIONS, duration: DURATION_S });
      if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`${variants[i]!.name}: failed requests`);
      results[i]!.rps.push(result.requests.average);
      results[i]!.p50.push(result.latency.p50);
      results[i]!.p99.push(result.latency.p99);
    }
  }
} finally {
  for (const app of apps) await app.stop();
}
console.log(`load average (1, 5, 15 min) after the rounds:  ${load()}\n`);

console.log('variant        | req/s (median) | p50 ms | p99 ms | req/s per round');
for (const [i, { name }] of variants.entries()) {
  const r = results[i]!;
  console.log(
    `${name.padEnd(14)} | ${median(r.rps).toFixed(0).padStart(14)} | ${String(median(r.p50)).padStart(6)} | ${String(median(r.p99)).padStart(6)} | ${r.rps.map((x) => x.toFixed(0)).join(', ')}`,
  );
}
console.log(`throughput with/without proxy: ${(median(results[0]!.rps) / median(results[1]!.rps)).toFixed(2)}`);
