// npm run bench:search [-- N]: size, download per query, recall and query
// time of the browser search index (a head and shards, lib/search/wire-format.ts)
// over N synthetic reviews of varied prose (default 1,000; bench/synthetic.ts
// samples and varies the site's own sentences, so vocabulary and postings
// behave like real text rather than one template repeated).
// Exits non-zero when the app's index misses a target: what a query downloads
// ≤ 500 KB gzip, full recall on the query table (the full in-memory index's
// hits), Chromium query median < 50 ms.
// FlexSearch and Orama were measured against MiniSearch before (bench/RESULTS.md)
// and are no longer run: the choice stands, the question now is the download.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments, type SearchDocument } from '@/lib/search/documents';
import {
  createSearchIndex,
  type loadSearchIndex,
  search,
  searchShards,
  serializeSearchIndex,
  type SearchHit,
  type SearchIndexFiles,
} from '@/lib/search/engine';
import type { SearchHead } from '@/lib/search/wire-format';
import { writeSyntheticContent } from '@/bench/synthetic';
import { openSearchFiles } from '@/tests/support/search-files';
import { searchQueryTable as table } from '@/tests/support/search-table';

const total = Number(process.argv[2] ?? process.env.BENCH_REVIEWS ?? 1000);
const runs = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const gz = (text: string) => gzipSync(text).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const targets = { queryKb: 500, chromiumMedianMs: 50 };

/** Same URLs with the same scores (to 12 digits: the partial index sums a few terms in another order). */
const ranked = (hits: SearchHit[]) =>
  hits
    .map((hit) => `${hit.url} ${hit.score.toPrecision(12)}`)
    .sort()
    .join('\n');

async function measureNode(docs: SearchDocument[], files: SearchIndexFiles) {
  const full = createSearchIndex(docs);
  const sizes = new Map([...files.files].map(([file, body]) => [file, gz(body)]));
  const headGz = gz(files.head);
  const rows = [];
  for (const { query } of table) {
    const expected = search(full, query, { limit: docs.length });
    const expectedUrls = new Set(expected.map((hit) => hit.url));
    // What a first query downloads: the head, then the shards of its top 20 hits.
    const fetched: string[] = [];
    const fresh = openSearchFiles(files, fetched);
    let t = performance.now();
    await searchShards(fresh, query, { limit: 20 });
    const coldMs = performance.now() - t;
    const queryBytes = headGz + fetched.reduce((sum, file) => sum + sizes.get(file)!, 0);
    const requests = fetched.length;
    const all = await searchShards(fresh, query, { limit: docs.length });
    const found = all.filter((hit) => expectedUrls.has(hit.url)).length;
    const sameRanking = ranked(all) === ranked(expected);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await searchShards(fresh, query, { limit: 20 });
      times.push(performance.now() - t);
    }
    const fullTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      search(full, query, { limit: 20 });
      fullTimes.push(performance.now() - t);
    }
    rows.push({
      query,
      expected: expected.length,
      found,
      extra: all.length - found,
      sameRanking,
      queryBytes,
      requests,
      coldMs,
      medianMs: median(times),
      fullMs: median(fullTimes),
    });
  }
  return { headGz, totalGz: headGz + [...sizes.values()].reduce((a, b) => a + b, 0), files: files.files.size, rows };
}

/**
 * The target is a browser one: bundle the app's engine for the browser and
 * time, inside Debian's Chromium, loading the head and each query, the first
 * time (its shards parsed and decoded; served from memory, so no network) and
 * once they are kept.
 */
async function measureInBrowser(files: SearchIndexFiles) {
  const { build } = await import('esbuild');
  const { launchBrowser } = await import('@/tests/e2e/browser');
  const bundle = await build({
    stdin: { contents: "export * from './lib/search/engine';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'SearchEngine',
    write: false,
    platform: 'browser',
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>search bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // tsx names the functions inside the evaluated callback with a `__name` helper the page lacks.
    await page.addScriptTag({ content: 'window.__name = (f) => f;' });
    return await page.evaluate(
      async ({ head, files, queries, runs }) => {
        type Bundle = { loadSearchIndex: typeof loadSearchIndex; searchShards: typeof searchShards };
        const engine = (globalThis as unknown as { SearchEngine: Bundle }).SearchEngine;
        const bodies = new Map(files);
        const fetchJson = (file: string) => Promise.resolve(JSON.parse(bodies.get(file)!) as unknown);
        // Opening the box: parse the head and load it (5 rounds).
        const loads: number[] = [];
        for (let round = 0; round < 5; round++) {
          const t = performance.now();
          engine.loadSearchIndex(head, fetchJson);
          loads.push(performance.now() - t);
        }
        const index = engine.loadSearchIndex(head, fetchJson);
        const rows = [];
        for (const query of queries) {
          // First: a fresh index each time, so every run parses and decodes the query's shards again.
          const cold: number[] = [];
          for (let i = 0; i < 5; i++) {
            const fresh = engine.loadSearchIndex(head, fetchJson);
            const t = performance.now();
            await engine.searchShards(fresh, query, { limit: 20 });
            cold.push(performance.now() - t);
          }
          await engine.searchShards(index, query, { limit: 20 });
          const warm: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            await engine.searchShards(index, query, { limit: 20 });
            warm.push(performance.now() - t);
          }
          cold.sort((a, b) => a - b);
          warm.sort((a, b) => a - b);
          rows.push({ query, coldMs: cold[2]!, warmMs: warm[Math.floor(runs / 2)]! });
        }
        loads.sort((a, b) => a - b);
        return { loadMs: loads[2]!, rows };
      },
      { head: files.head, files: [...files.files], queries: table.map((row) => row.query), runs },
    );
  } finally {
    await browser.close();
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
try {
  writeSyntheticContent(root, total, { prose: 'varied' });
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  let started = performance.now();
  const docs = buildSearchDocuments(buildIndex(root, undefined, { drafts: true }));
  console.log(`${total} reviews of varied prose → ${docs.length} search documents (parse + extract ${ms(performance.now() - started)})\n`);

  // MiniSearch's own toJSON, every field stored in full: the format before the wire format.
  const before = JSON.stringify({ version: 1, index: createSearchIndex(docs).engine.toJSON() });
  started = performance.now();
  const files = serializeSearchIndex(docs);
  const buildMs = performance.now() - started;
  const head = JSON.parse(files.head) as SearchHead;
  const node = await measureNode(docs, files);
  const queryBytes = node.rows.map((row) => row.queryBytes);

  console.log(
    `## the browser index (wire format ${head.version}: head + ${head.postingShards} postings shards by term, rows in groups of ${head.rowsPerShard})`,
  );
  console.log(`MiniSearch's own toJSON (the format before): ${kb(gz(before))} gzip`);
  console.log(
    `all files: ${kb(node.totalGz)} gzip in ${node.files + 1} files; head ${kb(node.headGz)} gzip (${head.terms.length} terms ${kb(gz(JSON.stringify(head.terms)))}, field lengths ${kb(gz(JSON.stringify(head.fieldLengths)))}); build ${ms(buildMs)}`,
  );
  console.log(
    `a first query downloads (head + its shards, top 20 hits): median ${kb(median(queryBytes))}, max ${kb(Math.max(...queryBytes))} gzip\n`,
  );
  console.log(
    "query table (expected = the full in-memory index's hits; Node: first query from memory, then median of 20 with shards kept, and the full in-memory index):",
  );
  for (const row of node.rows) {
    console.log(
      `  ${row.query.padEnd(16)} found ${String(row.found).padStart(5)}/${String(row.expected).padEnd(5)}${row.extra ? ` +${row.extra} other` : ''} ${row.sameRanking ? 'same scores' : 'SCORES DIFFER'}  ${kb(row.queryBytes).padStart(7)} in ${row.requests + 1} requests  first ${ms(row.coldMs)}, kept ${ms(row.medianMs)}, full index ${ms(row.fullMs)}`,
    );
  }
  console.log('');

  const inBrowser = await measureInBrowser(files);
  const coldMedian = median(inBrowser.rows.map((row) => row.coldMs));
  const warmMedian = median(inBrowser.rows.map((row) => row.warmMs));
  console.log(`## the app's engine in Chromium (headless, same machine)`);
  console.log(
    `load the head (JSON.parse + term map) ${ms(inBrowser.loadMs)} (median of 5); per query, first time (shards parsed and decoded, median of 5) and with shards kept (median of ${runs}):`,
  );
  for (const row of inBrowser.rows) console.log(`  ${row.query.padEnd(16)} first ${ms(row.coldMs)}, kept ${ms(row.warmMs)}`);
  console.log(
    `overall median first ${ms(coldMedian)} (slowest ${ms(Math.max(...inBrowser.rows.map((r) => r.coldMs)))}), kept ${ms(warmMedian)} (slowest ${ms(Math.max(...inBrowser.rows.map((r) => r.warmMs)))})\n`,
  );

  const recall = node.rows.filter((row) => row.found === row.expected && row.expected > 0).length;
  const sameRanking = node.rows.filter((row) => row.sameRanking).length;
  const checks = [
    [
      `a first query downloads at most ${kb(Math.max(...queryBytes))} gzip (median ${kb(median(queryBytes))}) ≤ ${targets.queryKb} KB; all files ${kb(node.totalGz)}`,
      Math.max(...queryBytes) <= targets.queryKb * 1024,
    ],
    [
      `query table at full recall: ${recall}/${node.rows.length} (same scores as the full index: ${sameRanking}/${node.rows.length})`,
      recall === node.rows.length && sameRanking === node.rows.length,
    ],
    [
      `Chromium query median ${ms(coldMedian)} first time, ${ms(warmMedian)} with shards kept < ${targets.chromiumMedianMs} ms`,
      coldMedian < targets.chromiumMedianMs,
    ],
  ] as const;
  console.log('## targets');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
