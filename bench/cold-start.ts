// npm run bench:cold-start [-- N]: a fresh server's first reader request that
// looks a paper up (PUT /api/bookmarks), with N synthetic reviews (default
// 500), once with the build's paper catalog and once without it (the server
// then parses every review first), as a serverless cold start would pay it.
// One `npm run build` into its own dist folder; 5 fresh servers per variant.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { buildIndex } from '@/lib/content/index/content-index';
import { Reader } from '@/tests/e2e/client';
import { startOnPglite } from '@/tests/support/server';
import { writeSyntheticContent } from '@/bench/synthetic';

const total = Number(process.argv[2] ?? process.env.BENCH_REVIEWS ?? 500);
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = mkdtempSync(path.join(tmpdir(), `bench-cold-${total}-`));
const distDir = `.next-bench-cold-${total}`;
writeSyntheticContent(root, total);
const paperId = buildIndex(root, undefined, { drafts: false }).papers[0]!.paperId;
// The servers this script starts inherit these.
process.env.CONTENT_DIR = root;
process.env.NEXT_DIST_DIR = distDir;

// `next build` adds each dist folder's types to tsconfig.json; put it back afterwards.
const tsconfig = readFileSync('tsconfig.json', 'utf8');
process.on('exit', () => {
  writeFileSync('tsconfig.json', tsconfig);
  rmSync(root, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`building ${total} synthetic reviews into ${distDir} …`);
const build = spawnSync('npm', ['run', '--silent', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXTAUTH_SECRET: 'bench-'.repeat(6),
    SITE_URL: 'http://localhost:3000',
    ALLOW_EMBEDDED_DATABASE: '1',
  },
});
if (build.status !== 0) throw new Error('npm run build failed');

async function firstLookupMs(): Promise<{ first: number; warm: number }> {
  const app = await startOnPglite();
  try {
    // Sign-up and sign-in touch no content: the bookmark below is the first request that does.
    const reader = await new Reader(app.baseURL).signUp();
    const timed = async () => {
      const started = performance.now();
      const { status } = await reader.json('PUT', '/api/bookmarks', { paperId, bookmarked: true });
      if (status !== 200) throw new Error(`PUT /api/bookmarks answered ${status}`);
      return performance.now() - started;
    };
    return { first: await timed(), warm: await timed() };
  } finally {
    await app.stop();
  }
}

const catalog = path.join(distDir, 'paper-catalog.json');
const results: Record<string, { first: number[]; warm: number[] }> = {};
for (const variant of ['with catalog', 'without catalog'] as const) {
  if (variant === 'without catalog') renameSync(catalog, `${catalog}.off`);
  results[variant] = { first: [], warm: [] };
  for (let i = 0; i < RUNS; i++) {
    const { first, warm } = await firstLookupMs();
    results[variant].first.push(first);
    results[variant].warm.push(warm);
  }
}

console.log(`\n${total} reviews, ${RUNS} fresh servers each | first PUT /api/bookmarks (median) | next one (median)`);
for (const [variant, { first, warm }] of Object.entries(results)) {
  console.log(
    `${variant.padEnd(16)} | ${median(first).toFixed(0).padStart(6)} ms | ${median(warm).toFixed(0).padStart(4)} ms   (first: ${first.map((x) => x.toFixed(0)).join(', ')})`,
  );
}
const ratio = median(results['without catalog']!.first) / median(results['with catalog']!.first);
console.log(`ratio without/with: ${ratio.toFixed(1)}×`);
