// npm run bench:content [-- N]: content index and `next build` cost on N synthetic reviews
// (default 500), and a review page's first-load JS next to an empty page's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '@/lib/content/index/content-index';
import { writeSyntheticContent } from '@/bench/synthetic';

const total = Number(process.argv[2] ?? process.env.BENCH_REVIEWS ?? 500);
const sizes = [Math.round(total / 2), total];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Gzip size of the scripts a modern browser loads for a page (`<script src>` chunks, not the `nomodule` polyfills), in KB. */
function firstLoadJsKb(distDir: string, htmlFile: string): number {
  const html = readFileSync(path.join(distDir, 'server', 'app', htmlFile), 'utf8');
  const scripts = new Set(
    [...html.matchAll(/<script([^>]*)>/g)]
      .filter((m) => !/nomodule/i.test(m[1]!))
      .map((m) => /src="\/_next\/(static\/[^"]+\.js)"/.exec(m[1]!)?.[1])
      .filter((s): s is string => !!s),
  );
  let bytes = 0;
  for (const script of scripts) bytes += gzipSync(readFileSync(path.join(distDir, script))).length;
  return bytes / 1024;
}

// `next build` adds each dist folder's types to tsconfig.json; put it back afterwards.
const tsconfig = readFileSync('tsconfig.json', 'utf8');
process.on('exit', () => writeFileSync('tsconfig.json', tsconfig));

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
const rows: { n: number; indexS: number; buildS: number; reviewKb: number; emptyKb: number }[] = [];
for (const n of sizes) {
  const root = mkdtempSync(path.join(tmpdir(), `bench-content-${n}-`));
  const distDir = `.next-bench-${n}`;
  writeSyntheticContent(root, n);

  const indexRuns = Array.from({ length: 5 }, () => {
    const started = performance.now();
    buildIndex(root, undefined, { drafts: true });
    return (performance.now() - started) / 1000;
  });

  const started = performance.now();
  const build = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      CONTENT_DIR: root,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_SECRET: 'bench-'.repeat(6),
      SITE_URL: 'http://localhost:3000',
      ALLOW_EMBEDDED_DATABASE: '1',
    },
  });
  const buildS = (performance.now() - started) / 1000;
  if (build.status !== 0) throw new Error(`next build failed for ${n} reviews`);

  const firstReview = 'docs/papers/y2015/jan/20150101.html';
  rows.push({
    n,
    indexS: median(indexRuns),
    buildS,
    reviewKb: firstLoadJsKb(distDir, firstReview),
    emptyKb: firstLoadJsKb(distDir, '_not-found.html'),
  });
  rmSync(root, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}

console.log('\nreviews | index (median of 5) | index s/100 | next build | build s/100');
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(7)} | ${r.indexS.toFixed(2).padStart(17)}s | ${((r.indexS / r.n) * 100).toFixed(3).padStart(11)} | ${r.buildS.toFixed(1).padStart(9)}s | ${((r.buildS / r.n) * 100).toFixed(1).padStart(11)}`,
  );
}
const [half, full] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(
  `\nmarginal build cost between ${half.n} and ${full.n} reviews: ${(((full.buildS - half.buildS) / (full.n - half.n)) * 100).toFixed(1)} s per 100 reviews`,
);
console.log(
  `build time ratio ${full.n}/${half.n} reviews: ${(full.buildS / half.buildS).toFixed(2)} (2.00 would be perfectly linear with no fixed cost)`,
);
console.log(
  `first-load JS (gzip): review page ${full.reviewKb.toFixed(1)} KB, empty page ${full.emptyKb.toFixed(1)} KB, difference ${(full.reviewKb - full.emptyKb).toFixed(1)} KB`,
);
