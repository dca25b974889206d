// npm run bench:dev [-- N]: the author's loop on N synthetic reviews (default
// 100), `next dev` against `docusaurus start` on the same files, in
// interleaved rounds (the order flips each round). Per server start:
// - start → first review served: from spawning the dev server to the first
//   200 for a review URL (the app renders it; Docusaurus serves its page
//   shell), and to the review's text shown in Chromium;
// - first and median later server response for one review (10 requests,
//   before the browser opens it);
// - save → update: 10 edits of a sentence in the open review, from the file
//   write to the new text in Chromium's DOM (median).
// Docusaurus is measured when DOCUSAURUS_DIR names an installed copy of
// ../shared/docusaurus-reference (see its README); its gen_synth.py then
// writes the reviews both servers use, else bench/synthetic.ts does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { writeSyntheticContent } from '@/bench/synthetic';
import { buildIndex } from '@/lib/content/index/content-index';
import { launchBrowser } from '@/tests/e2e/browser';
import { freePort } from '@/tests/support/server';

const total = Number(process.argv[2] ?? process.env.BENCH_REVIEWS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EDITS = 10;
const LATER = 10;
const docusaurusDir = process.env.DOCUSAURUS_DIR ? path.resolve(process.env.DOCUSAURUS_DIR) : null;
const distDir = '.next-bench-dev';

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const source = mkdtempSync(path.join(tmpdir(), `bench-dev-${total}-`));
if (docusaurusDir) {
  const generated = spawnSync('python3', [path.join(docusaurusDir, 'gen_synth.py'), String(total), source], { stdio: 'inherit' });
  if (generated.status !== 0) throw new Error('gen_synth.py failed');
} else {
  writeSyntheticContent(source, total);
}
// The review every run opens and edits: the newest, a sentence of its own added to it.
const target = buildIndex(source, undefined, { drafts: true }).reviews[0]!;
const relativeFile = path.relative(source, target.file);
const MARK = 'LIVEMARK';
writeFileSync(target.file, `${readFileSync(target.file, 'utf8')}\n\n벤치마크 문장 ${MARK}0 입니다.\n`);

// `next dev` adds its dist folder's types to tsconfig.json; put it back afterwards.
const tsconfig = readFileSync('tsconfig.json', 'utf8');
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) killTree(child);
  writeFileSync('tsconfig.json', tsconfig);
  rmSync(source, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

function killTree(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

type Side = 'app' | 'docusaurus';
type Run = {
  startToServed: number;
  startToShown: number;
  firstResponse: number;
  laterResponse: number;
  saveToUpdate: number;
  failedEdits: number;
};

function startServer(side: Side, content: string, port: number): ChildProcess {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', BROWSER: 'none' };
  const child =
    side === 'app'
      ? spawn(path.resolve('node_modules/.bin/next'), ['dev', '-p', String(port), '-H', 'localhost'], {
          detached: true,
          stdio: 'ignore',
          env: {
            ...env,
            NODE_ENV: 'development',
            CONTENT_DIR: content,
            NEXT_DIST_DIR: distDir,
            PGLITE_DIR: path.join(content, '..', 'pglite'),
            DATABASE_URL: '',
            NEXTAUTH_SECRET: 'bench-'.repeat(6),
            NEXTAUTH_URL: `http://localhost:${port}`,
          },
        })
      : spawn(
          path.join(docusaurusDir!, 'node_modules/.bin/docusaurus'),
          ['start', '--port', String(port), '--host', 'localhost', '--no-open'],
          {
            cwd: docusaurusDir!,
            detached: true,
            stdio: 'ignore',
            env: { ...env, DOCS_DIR: content },
          },
        );
  children.add(child);
  return child;
}

async function timedFetch(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/**
 * Waits in the page for `text`, records Date.now() when a DOM change first
 * shows it. A string, not a function: tsx would wrap the inner functions
 * with a `__name` helper the page does not have.
 */
async function watchFor(page: Page, text: string) {
  await page.evaluate(`(() => {
    const wanted = ${JSON.stringify(text)};
    window.seenAt = undefined;
    window.benchObserver?.disconnect();
    const check = () => {
      if (window.seenAt === undefined && document.body.textContent.includes(wanted)) {
        window.seenAt = Date.now();
        window.benchObserver.disconnect();
      }
    };
    window.benchObserver = new MutationObserver(check);
    window.benchObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
    check();
  })()`);
}

async function measure(side: Side, browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<Run> {
  const workdir = mkdtempSync(path.join(tmpdir(), `bench-dev-${side}-`));
  const content = path.join(workdir, 'content');
  cpSync(source, content, { recursive: true });
  const file = path.join(content, relativeFile);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const url = `${base}${target.url}`;
  const started = performance.now();
  const child = startServer(side, content, port);
  try {
    let startToServed = NaN;
    let firstResponse = NaN;
    while (performance.now() - started < 600_000) {
      if (child.exitCode !== null) throw new Error(`${side} dev server exited with code ${child.exitCode}`);
      try {
        const { status, ms } = await timedFetch(url);
        if (status === 200) {
          startToServed = performance.now() - started;
          firstResponse = ms;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    if (Number.isNaN(startToServed)) throw new Error(`${side}: no review served within 10 minutes`);

    // Before any browser: its page loads and hydration would compete for the 2 cores.
    const later: number[] = [];
    for (let i = 0; i < LATER; i++) later.push((await timedFetch(url)).ms);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { timeout: 600_000 });
    await page.waitForFunction((mark) => document.body.textContent?.includes(`${mark}0`), MARK, { timeout: 600_000 });
    const startToShown = performance.now() - started;
    // The app's page text arrives server-rendered, before its scripts: edits
    // start once it is hydrated (its bookmark buttons are enabled), when the
    // live-preview island is listening. Docusaurus renders in the browser, so
    // its text shows once its scripts (and their hot-reload client) run.
    if (side === 'app') {
      await page.waitForFunction(() => document.querySelector('button[data-bookmark]:not([disabled])') !== null, undefined, {
        timeout: 600_000,
      });
    }

    const latencies: number[] = [];
    let failedEdits = 0;
    await sleep(1000);
    for (let i = 1; i <= EDITS; i++) {
      const text = readFileSync(file, 'utf8');
      await watchFor(page, `${MARK}${i}`);
      const writtenAt = Date.now();
      writeFileSync(file, text.replace(`${MARK}${i - 1}`, `${MARK}${i}`));
      try {
        await page.waitForFunction(() => (window as unknown as { seenAt?: number }).seenAt !== undefined, undefined, { timeout: 30_000 });
        const seenAt = await page.evaluate(() => (window as unknown as { seenAt: number }).seenAt);
        latencies.push(seenAt - writtenAt);
      } catch {
        failedEdits += 1;
        // Put the page back on the current text before the next edit.
        await page.reload();
        await page.waitForFunction((t) => document.body.textContent?.includes(t), `${MARK}${i}`, { timeout: 120_000 });
      }
      await sleep(700);
    }
    await context.close();
    return { startToServed, startToShown, firstResponse, laterResponse: median(later), saveToUpdate: median(latencies), failedEdits };
  } finally {
    killTree(child);
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    children.delete(child);
    rmSync(workdir, { recursive: true, force: true });
  }
}

const sides: Side[] =
  docusaurusDir && existsSync(path.join(docusaurusDir, 'node_modules/.bin/docusaurus')) ? ['app', 'docusaurus'] : ['app'];
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`${total} synthetic reviews, ${ROUNDS} rounds (${sides.join(' vs ')}), review ${target.url}`);

// Both start cold in round 1 (no Turbopack or webpack cache) and warm after it, as an author's second `npm run dev` would.
rmSync(distDir, { recursive: true, force: true });
if (sides.includes('docusaurus')) {
  for (const cache of ['.docusaurus', 'node_modules/.cache']) rmSync(path.join(docusaurusDir!, cache), { recursive: true, force: true });
}
const browser = await launchBrowser();
const results: Record<Side, Run[]> = { app: [], docusaurus: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? sides : [...sides].reverse();
  for (const side of order) {
    const run = await measure(side, browser);
    results[side].push(run);
    console.log(
      `round ${round + 1} ${side.padEnd(10)} served ${(run.startToServed / 1000).toFixed(1)} s, shown ${(run.startToShown / 1000).toFixed(1)} s, ` +
        `first ${run.firstResponse.toFixed(0)} ms, later ${run.laterResponse.toFixed(0)} ms, save→DOM ${run.saveToUpdate.toFixed(0)} ms` +
        (run.failedEdits ? ` (${run.failedEdits} edits not shown within 30 s)` : '') +
        ` | load ${loadavg()[0]!.toFixed(2)}`,
    );
  }
}
await browser.close();

const row = (label: string, pick: (run: Run) => number, unit: 's' | 'ms') => {
  const cells = sides.map((side) => {
    const value = median(results[side].map(pick));
    return unit === 's' ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
  });
  console.log(`| ${label} | ${cells.join(' | ')} |`);
};
console.log(`\nmedians over ${ROUNDS} rounds\n| | ${sides.join(' | ')} |\n|---|${sides.map(() => '---').join('|')}|`);
row('dev start → review served (HTTP 200)', (r) => r.startToServed, 's');
row('dev start → review shown in Chromium', (r) => r.startToShown, 's');
row('first response for the review', (r) => r.firstResponse, 'ms');
row(`later response (median of ${LATER})`, (r) => r.laterResponse, 'ms');
row(`save → new text in the DOM (median of ${EDITS} edits)`, (r) => r.saveToUpdate, 'ms');
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
process.exit(0);
