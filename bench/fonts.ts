// npm run bench:fonts: the Pretendard bytes a page makes a reader download.
// Serves the last `npm run build` (.next) with `next start`, opens each page
// in a fresh Chromium context (empty cache, like a first visit), and sums the
// font responses from Chromium's network events (encoded bytes on the wire,
// headers included), for ROUNDS rounds; prints the median per page. For
// scale: the whole variable font as one woff2, which a non-subset build would send.
import { statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { buildIndex } from '@/lib/content/index/content-index';
import { orgHref } from '@/lib/content/urls';
import { launchBrowser } from '@/tests/e2e/browser';
import { startOnPglite } from '@/tests/support/server';

const ROUNDS = 3;
const index = buildIndex(undefined, undefined, { drafts: false });
const korean = index.reviews.find((review) => review.lang === 'ko')!;
const english = index.reviews.find((review) => review.lang === 'en')!;
const pages: [string, string][] = [
  ['home (Korean and English titles)', '/'],
  [`Korean review (${korean.slug})`, korean.url],
  [`English review (${english.slug})`, english.url],
  ['/papers', '/papers'],
  [`org page (${index.orgs[0]!.org})`, orgHref(index.orgs[0]!.org)],
  ['/signin', '/signin'],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const app = await startOnPglite();
const browser = await launchBrowser();
try {
  const samples = new Map<string, { bytes: number[]; files: number[] }>(pages.map(([label]) => [label, { bytes: [], files: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved: every page once per round.
    for (const [label, url] of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const fonts = new Map<string, number>();
      cdp.on('Network.responseReceived', (event) => {
        if (event.type === 'Font') fonts.set(event.requestId, 0);
      });
      cdp.on('Network.loadingFinished', (event) => {
        if (fonts.has(event.requestId)) fonts.set(event.requestId, event.encodedDataLength);
      });
      await page.goto(`${app.baseURL}${url}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(300);
      const sample = samples.get(label)!;
      sample.bytes.push([...fonts.values()].reduce((a, b) => a + b, 0));
      sample.files.push(fonts.size);
      await context.close();
    }
  }
  const whole = statSync(path.join('node_modules', 'pretendard', 'dist', 'web', 'variable', 'woff2', 'PretendardVariable.woff2')).size;
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Median of ${ROUNDS} rounds, fresh context per page. Whole PretendardVariable.woff2: ${(whole / 1024).toFixed(1)} KB.\n`);
  console.log('| page | font files | font bytes (KB) | min–max (KB) | of the whole font |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const kb = (n: number) => (n / 1024).toFixed(1);
  for (const [label] of pages) {
    const { bytes, files } = samples.get(label)!;
    const range = `${kb(Math.min(...bytes))}–${kb(Math.max(...bytes))}`;
    console.log(`| ${label} | ${median(files)} | ${kb(median(bytes))} | ${range} | ${((median(bytes) / whole) * 100).toFixed(0)}% |`);
  }
} finally {
  await browser.close();
  await app.stop();
}
