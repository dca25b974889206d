// npm run bench:first-load: the JavaScript a first visit to a review page
// downloads, against the emptiest page the app has (the 404 page: the root
// layout and nothing else), from the last `npm run build` (.next).
//
// First-load JS = every <script src> of the prerendered HTML (what the browser
// fetches before the page is interactive), each file gzipped at level 9 as a
// CDN would serve it. The highlight layer (anchoring, painting, the note
// popover) must not be among them: it is found by markers in its code and
// listed apart, with its own size, as what the first selection costs.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex } from '@/lib/content/index/content-index';

const NEXT = process.argv[2] ?? '.next';
const app = path.join(NEXT, 'server', 'app');
if (!existsSync(app)) throw new Error(`${app} does not exist: run \`npm run build\` first`);

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function scriptsOf(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)].map((src) => path.join(NEXT, 'static', src.replace(/^.*?\/_next\/static\//, '').split('?')[0]!));
}

const index = buildIndex(undefined, undefined, { drafts: false });
const review = index.reviews.find((r) => r.papers.length >= 2)!;
const pages: [string, string][] = [
  ['empty page (404)', path.join(app, '_not-found.html')],
  [`review (${review.slug})`, path.join(app, `docs/${review.slug}.html`)],
];

const rows = pages.map(([label, file]) => {
  const scripts = scriptsOf(file);
  return { label, scripts, raw: scripts.reduce((a, f) => a + readFileSync(f).length, 0), gzip: scripts.reduce((a, f) => a + gz(f), 0) };
});

// The lazy layer: chunks holding the popover's and the anchoring's markers.
const chunks = path.join(NEXT, 'static', 'chunks');
const allChunks = readdirSync(chunks, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js'))
  .map((f) => path.join(chunks, f));
const has = (marker: string) => allChunks.filter((f) => readFileSync(f, 'utf8').includes(marker));
const layer = [...new Set([...has('data-highlight-popover'), ...has('DiffMatchPatch'), ...has('Match_Distance')])];
const island = has('Highlight the selection');
const reviewScripts = new Set(rows[1]!.scripts);

console.log(`Build: ${NEXT}\n`);
console.log('| page | scripts | first-load JS (raw) | first-load JS (gzip) |');
console.log('| --- | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.label} | ${row.scripts.length} | ${kb(row.raw)} | ${kb(row.gzip)} |`);
const delta = rows[1]!.gzip - rows[0]!.gzip;
console.log(`\nReview page − empty page: ${kb(delta)} gzip (limit 10 KB): ${delta <= 10 * 1024 ? 'within' : 'OVER'}`);
console.log(
  `Island (toolbar) code is in first-load chunk(s): ${
    island
      .filter((f) => reviewScripts.has(f))
      .map((f) => path.basename(f))
      .join(', ') || 'none found'
  }`,
);
console.log(
  `Highlight layer (loaded on demand): ${layer.length} chunk(s), ${kb(layer.reduce((a, f) => a + gz(f), 0))} gzip; in first load: ${
    layer.some((f) => reviewScripts.has(f)) ? 'YES (wrong)' : 'no'
  }`,
);
if (!layer.length || layer.some((f) => reviewScripts.has(f)) || delta > 10 * 1024) process.exitCode = 1;
