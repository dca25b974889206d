// npm run bench:search [-- N]: size, build time and query time of the search
// index over N synthetic reviews (default 1,000), and the same numbers for the
// three candidate libraries with the same analyzer (lib/search/tokenize.ts)
// and for MiniSearch's own serialization (the format before the wire format).
// Exits non-zero when the app's index misses a target: ≤ 500 KB gzip, full
// recall on the query table, Chromium query median < 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama, type RawData } from '@orama/orama';
import FlexSearch from 'flexsearch';
import { buildIndex } from '@/lib/content/index/content-index';
import { buildSearchDocuments, type SearchDocument } from '@/lib/search/documents';
import { createSearchIndex, loadSearchIndex, search, searchFields, serializeSearchIndex } from '@/lib/search/engine';
import { terms } from '@/lib/search/tokenize';
import { writeSyntheticContent } from '@/bench/synthetic';
import { searchQueryTable as table } from '@/tests/support/search-table';

const total = Number(process.argv[2] ?? process.env.BENCH_REVIEWS ?? 1000);
const runs = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;
const kb = (text: string) => gzipSync(text).length / 1024;

const targets = { gzipKb: 500, chromiumMedianMs: 50 };

type Candidate = {
  name: string;
  build: (docs: SearchDocument[]) => Promise<string>;
  load: (json: string) => Promise<(query: string, limit: number) => Promise<string[]>>;
};

const fields = ['title', 'subtitle', 'orgs', 'review', 'text'] as const;

const appEngine = 'MiniSearch 7.2.0, wire format (the app)';
const candidates: Candidate[] = [
  {
    name: appEngine,
    build: (docs) => Promise.resolve(serializeSearchIndex(docs)),
    load: (json) => {
      const index = loadSearchIndex(json);
      return Promise.resolve((query: string, limit: number) => Promise.resolve(search(index, query, { limit }).map((hit) => hit.url)));
    },
  },
  {
    // No per-term edit distance; `suggest` would turn AND into "some terms", so it stays off.
    name: 'FlexSearch 0.8.212',
    build: (docs) => {
      const index = flexIndex();
      for (const doc of docs) index.add(doc);
      const chunks: Record<string, string> = {};
      // A synchronous handler makes the export synchronous too.
      index.export((key: string, data: string) => void (chunks[key] = data));
      return Promise.resolve(JSON.stringify(chunks));
    },
    load: (json) => {
      const index = flexIndex();
      for (const [key, data] of Object.entries(JSON.parse(json) as Record<string, string>)) index.import(key, data);
      return Promise.resolve((query: string, limit: number) =>
        Promise.resolve((index.search(query, { limit, merge: true }) as unknown as { id: string }[]).map((hit) => hit.id)),
      );
    },
  },
  {
    // `tolerance` is one edit distance for every term, Hangul bigrams included.
    name: 'Orama 3.1.18',
    build: async (docs) => {
      const db = oramaDb();
      await insertMultiple(
        db,
        docs.map((doc) => ({ ...doc, url: doc.id })),
      );
      return JSON.stringify(save(db));
    },
    load: (json) => {
      const db = oramaDb();
      load(db, JSON.parse(json) as RawData);
      return Promise.resolve(async (query: string, limit: number) => {
        const result = await oramaSearch(db, {
          term: query,
          properties: [...fields],
          tolerance: 1,
          threshold: 0,
          limit,
          boost: { title: 4, orgs: 3, subtitle: 2 },
        });
        return result.hits.map((hit) => String((hit.document as unknown as { url: string }).url));
      });
    },
  },
];

function flexIndex() {
  return new FlexSearch.Document({
    document: { id: 'id', index: [...fields], store: ['kind', 'title', 'subtitle', 'orgs', 'review', 'date', 'text'] },
    tokenize: 'strict',
    encoder: new FlexSearch.Encoder({ normalize: false, dedupe: false }),
    encode: (text: string) => terms(text, 'index'),
  } as never);
}

function oramaDb(): AnyOrama {
  return create({
    schema: {
      url: 'string',
      kind: 'string',
      title: 'string',
      subtitle: 'string',
      orgs: 'string',
      review: 'string',
      date: 'string',
      text: 'string',
    },
    components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => terms(raw, 'index') } },
  });
}

async function measure(candidate: Candidate, docs: SearchDocument[]) {
  const started = performance.now();
  const json = await candidate.build(docs);
  const buildMs = performance.now() - started;
  const loadStarted = performance.now();
  const query = await candidate.load(json);
  const loadMs = performance.now() - loadStarted;
  const rows = [];
  for (const { query: q, expect } of table) {
    const expected = docs.filter(expect).map((d) => d.id);
    const got = new Set(await query(q, docs.length));
    const found = expected.filter((id) => got.has(id)).length;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await query(q, 20);
      times.push(performance.now() - t);
    }
    rows.push({ query: q, expected: expected.length, found, extra: got.size - found, medianMs: median(times) });
  }
  return { name: candidate.name, gzipKb: kb(json), rawKb: json.length / 1024, buildMs, loadMs, rows };
}

/**
 * The target is a browser one: bundle the app's engine for the browser, load
 * the serialized site index into Debian's Chromium and time each query there.
 */
async function measureInBrowser(docs: SearchDocument[], before: string) {
  const { build } = await import('esbuild');
  const { launchBrowser } = await import('@/tests/e2e/browser');
  const bundle = await build({
    // MiniSearch itself too, to load the format before for comparison.
    stdin: {
      contents: "export * from './lib/search/engine'; export { default as MiniSearch } from 'minisearch';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'SearchEngine',
    write: false,
    platform: 'browser',
  });
  const json = serializeSearchIndex(docs);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>search bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate(
      ({ json, before, fields, queries, runs }) => {
        type Bundle = {
          loadSearchIndex: typeof loadSearchIndex;
          search: typeof search;
          MiniSearch: { loadJS: (js: unknown, options: { fields: string[] }) => unknown };
        };
        const engine = (globalThis as unknown as { SearchEngine: Bundle }).SearchEngine;
        // Opening the box: parse the response and load it, 5 interleaved rounds against the format before
        // (MiniSearch's loadJS of its own toJSON; the analyzer does not matter for loading).
        const loads: number[] = [];
        const beforeLoads: number[] = [];
        for (let round = 0; round < 5; round++) {
          let t = performance.now();
          engine.loadSearchIndex(json);
          loads.push(performance.now() - t);
          t = performance.now();
          engine.MiniSearch.loadJS((JSON.parse(before) as { index: unknown }).index, { fields });
          beforeLoads.push(performance.now() - t);
        }
        const index = engine.loadSearchIndex(json);
        const rows = queries.map((query) => {
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            engine.search(index, query, { limit: 20 });
            times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          return { query, medianMs: times[Math.floor(runs / 2)]! };
        });
        // No helper function here: tsx would wrap it in a `__name` call the page does not have.
        loads.sort((a, b) => a - b);
        beforeLoads.sort((a, b) => a - b);
        return { loadMs: loads[2]!, beforeLoadMs: beforeLoads[2]!, rows };
      },
      { json, before, fields: [...searchFields], queries: table.map((row) => row.query), runs },
    );
  } finally {
    await browser.close();
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
try {
  writeSyntheticContent(root, total);
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const started = performance.now();
  const docs = buildSearchDocuments(buildIndex(root, undefined, { drafts: true }));
  console.log(`${total} reviews → ${docs.length} search documents (parse + extract ${ms(performance.now() - started)})`);
  console.log(
    'query times are Node medians over 20 runs (top 20 hits, highlights included for MiniSearch): a proxy for the browser, where the target is < 50 ms per query\n',
  );

  // What /search-index.json was until the wire format: MiniSearch's own toJSON, every field stored in full.
  const before = JSON.stringify({ version: 1, index: createSearchIndex(docs).engine.toJSON() });
  console.log(`## MiniSearch 7.2.0, its own toJSON with full text (the format before)`);
  console.log(`index: ${kb(before).toFixed(0)} KB gzip (${(before.length / 1024).toFixed(0)} KB JSON); same engine, same hits\n`);

  let app: Awaited<ReturnType<typeof measure>> | undefined;
  for (const candidate of candidates) {
    const result = await measure(candidate, docs);
    if (candidate.name === appEngine) app = result;
    const passed = result.rows.filter((r) => r.found === r.expected).length;
    console.log(`## ${result.name}`);
    console.log(
      `index: ${result.gzipKb.toFixed(0)} KB gzip (${result.rawKb.toFixed(0)} KB JSON), build ${ms(result.buildMs)}, load ${ms(result.loadMs)}`,
    );
    console.log(
      `query table: ${passed}/${result.rows.length} full recall, overall median ${ms(median(result.rows.map((r) => r.medianMs)))}`,
    );
    for (const row of result.rows) {
      console.log(
        `  ${row.query.padEnd(16)} found ${String(row.found).padStart(5)}/${String(row.expected).padEnd(5)} ${row.extra ? `+${row.extra} other` : ''}`.padEnd(
          54,
        ) + ms(row.medianMs),
      );
    }
    console.log('');
  }

  const inBrowser = await measureInBrowser(docs, before);
  const chromiumMedian = median(inBrowser.rows.map((r) => r.medianMs));
  console.log(`## MiniSearch (the app's engine) in Chromium ${'(headless, same machine)'}`);
  console.log(
    `load the index (JSON.parse + decode + MiniSearch.loadJS) ${ms(inBrowser.loadMs)}, the format before ${ms(inBrowser.beforeLoadMs)} (medians of 5 interleaved rounds); query medians over ${runs} runs:`,
  );
  for (const row of inBrowser.rows) console.log(`  ${row.query.padEnd(16)} ${ms(row.medianMs)}`);
  console.log(
    `overall median ${ms(chromiumMedian)}, slowest ${ms(Math.max(...inBrowser.rows.map((r) => r.medianMs)))} (target < ${targets.chromiumMedianMs} ms)\n`,
  );

  const recall = app!.rows.filter((r) => r.found === r.expected).length;
  const checks = [
    [
      `index at ${total} reviews ${app!.gzipKb.toFixed(0)} KB gzip ≤ ${targets.gzipKb} KB (before: ${kb(before).toFixed(0)} KB)`,
      app!.gzipKb <= targets.gzipKb,
    ],
    [`query table at full recall: ${recall}/${app!.rows.length}`, recall === app!.rows.length],
    [`Chromium query median ${ms(chromiumMedian)} < ${targets.chromiumMedianMs} ms`, chromiumMedian < targets.chromiumMedianMs],
  ] as const;
  console.log('## targets');
  for (const [label, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
