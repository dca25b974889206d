// npm run bench:build: the app's production build (`npm run build`) against
// Docusaurus 3's (`docusaurus build`) on the same generated reviews
// (gen_synth.py of ../shared/docusaurus-reference), interleaved rounds:
//   - a cold build at each BENCH_SIZES (default 100,300): no .next (so no build
//     cache) for the app; no .docusaurus, node_modules/.cache or build for Docusaurus;
//   - a rebuild after editing one review at the largest size, each right after
//     its own cold build of that round;
//   - for reference, Next's own floor: `next build` of an empty App Router app
//     (one page, same Next, same settings), cold and after editing its page;
//     and the same app with as many trivial prerendered pages (`<p>page 7</p>`)
//     as the app's cold build at the largest size wrote HTML pages: what
//     `next build` costs to generate that many pages, before any content.
// Reported per build: user+system CPU seconds of the whole process tree
// (bash `times`: every waited-for descendant), wall seconds, and peak resident
// memory of the tree (sampled from /proc every 200 ms). Medians over rounds.
//
// DOCUSAURUS_DIR must name an installed copy of ../shared/docusaurus-reference
// (its README: copy it to a temp folder, npm install there).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { treeRssMb } from '@/bench/tree-rss';
import { execFileSync } from 'node:child_process';

const DOCUSAURUS_DIR = process.env.DOCUSAURUS_DIR;
const SIZES = (process.env.BENCH_SIZES ?? '100,300').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Run = { cpu: number; wall: number; peakMb: number };

/** Runs `command` in bash in `cwd`; CPU from bash's `times` (children's user and system time). */
function measure(command: string, cwd: string, env: Record<string, string>, log: string): Promise<Run> {
  const start = performance.now();
  const child = spawn('bash', ['-c', `${command} >>"${log}" 2>&1; rc=$?; times; exit $rc`], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  let peakMb = 0;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(child.pid!))), 200);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${command} failed (${code}); see ${log}`));
      // `times` prints the shell's own times, then its children's: "1m2.345s 0m4.567s".
      const seconds = (s: string) => {
        const m = /(\d+)m([\d.]+)s/.exec(s)!;
        return Number(m[1]) * 60 + Number(m[2]);
      };
      const lines = out.trim().split('\n');
      const [user, system] = lines.at(-1)!.trim().split(/\s+/);
      resolve({ cpu: seconds(user!) + seconds(system!), wall: (performance.now() - start) / 1000, peakMb });
    });
  });
}

const appEnv = (content: string): Record<string, string> => ({
  CONTENT_DIR: content,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  ALLOW_EMBEDDED_DATABASE: '1',
  SITE_URL: 'http://localhost:3000',
  PGLITE_DIR: path.join(tmpdir(), `bench-build-never-opened-${randomBytes(4).toString('hex')}`),
  DATABASE_URL: '',
});

const tools = {
  app: {
    cold: (content: string, log: string) => {
      rmSync(path.join(process.cwd(), '.next'), { recursive: true, force: true });
      return measure('npm run --silent build', process.cwd(), appEnv(content), log);
    },
    warm: (content: string, log: string) => measure('npm run --silent build', process.cwd(), appEnv(content), log),
  },
  docusaurus: {
    cold: (content: string, log: string) => {
      for (const dir of ['.docusaurus', 'node_modules/.cache', 'build'])
        rmSync(path.join(DOCUSAURUS_DIR!, dir), { recursive: true, force: true });
      return measure('npx docusaurus build --out-dir build', DOCUSAURUS_DIR!, { DOCS_DIR: content }, log);
    },
    warm: (content: string, log: string) => measure('npx docusaurus build --out-dir build', DOCUSAURUS_DIR!, { DOCS_DIR: content }, log),
  },
};

/**
 * An empty App Router app beside a hard-linked copy of this project's
 * node_modules (Turbopack resolves nothing outside an app's root), built
 * with the app's build settings: no type check in the build, standalone output.
 */
function emptyNextApp(pages = 0): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-next-floor-'));
  mkdirSync(path.join(dir, 'app'));
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(path.join(dir, 'next.config.mjs'), "export default { output: 'standalone', typescript: { ignoreBuildErrors: true } };\n");
  writeFileSync(
    path.join(dir, 'app', 'layout.tsx'),
    'export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default function Page() {\n  return <p>hello</p>;\n}\n');
  if (pages) {
    mkdirSync(path.join(dir, 'app', 'p', '[id]'), { recursive: true });
    writeFileSync(
      path.join(dir, 'app', 'p', '[id]', 'page.tsx'),
      [
        'export const dynamicParams = false;',
        `export const generateStaticParams = () => Array.from({ length: ${pages} }, (_, i) => ({ id: String(i) }));`,
        'export default async function Page({ params }: { params: Promise<{ id: string }> }) {',
        '  return <p>page {(await params).id}</p>;',
        '}',
        '',
      ].join('\n'),
    );
  }
  execFileSync('cp', ['-al', path.join(process.cwd(), 'node_modules'), path.join(dir, 'node_modules')]);
  return dir;
}

const nextFloor = {
  cold: (dir: string, log: string) => {
    rmSync(path.join(dir, '.next'), { recursive: true, force: true });
    return measure('node_modules/.bin/next build', dir, { NEXT_TELEMETRY_DISABLED: '1' }, log);
  },
  warm: (dir: string, log: string, round: number) => {
    writeFileSync(path.join(dir, 'app', 'page.tsx'), `export default function Page() {\n  return <p>hello ${round}</p>;\n}\n`);
    return measure('node_modules/.bin/next build', dir, { NEXT_TELEMETRY_DISABLED: '1' }, log);
  },
};

/** The HTML pages a finished `next build` prerendered (.next/server/app). */
function prerenderedHtmlPages(dir: string): number {
  const files = readdirSync(path.join(dir, '.next', 'server', 'app'), { recursive: true, encoding: 'utf8' });
  return files.filter((file) => file.endsWith('.html')).length;
}

/** Appends a sentence to the newest review, as an author's one-sentence edit. */
function editOneReview(content: string, round: number) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.mdx')) files.push(file);
    }
  };
  walk(content);
  appendFileSync(files.sort().at(-1)!, `\n이번 주 수정 ${round}: one more sentence from the author.\n`);
}

async function main() {
  if (!DOCUSAURUS_DIR || !existsSync(path.join(DOCUSAURUS_DIR, 'node_modules', '.bin', 'docusaurus'))) {
    throw new Error('Set DOCUSAURUS_DIR to an installed copy of ../shared/docusaurus-reference (see its README).');
  }
  const log = path.join(mkdtempSync(path.join(tmpdir(), 'bench-build-')), 'builds.log');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; build output in ${log}\n`,
  );
  const contents = new Map<number, string>();
  for (const size of SIZES) {
    const dir = mkdtempSync(path.join(tmpdir(), `bench-build-${size}-`));
    // The installed copy carries the reference's generator.
    execFileSync('python3', [path.join(DOCUSAURUS_DIR, 'gen_synth.py'), String(size), dir], { stdio: 'ignore' });
    contents.set(size, dir);
  }
  const largest = Math.max(...SIZES);
  const floorDir = emptyNextApp();
  let pagesFloorDir: string | undefined;
  const results = new Map<string, Run[]>();
  const record = (what: string, run: Run) => {
    results.set(what, [...(results.get(what) ?? []), run]);
    console.log(
      `${what.padEnd(36)} cpu ${run.cpu.toFixed(1).padStart(6)} s  wall ${run.wall.toFixed(1).padStart(6)} s  peak ${run.peakMb.toFixed(0).padStart(5)} MB`,
    );
  };
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate who goes first, so neither always builds on a warmer machine.
    const order: (keyof typeof tools)[] = round % 2 ? ['app', 'docusaurus'] : ['docusaurus', 'app'];
    for (const size of SIZES) {
      for (const tool of order) {
        const content = contents.get(size)!;
        record(`${tool} cold ${size}`, await tools[tool].cold(content, log));
        if (tool === 'app' && size === largest && !pagesFloorDir) {
          const pages = prerenderedHtmlPages(process.cwd());
          console.log(`(the app's cold build at ${size} prerendered ${pages} HTML pages)`);
          pagesFloorDir = emptyNextApp(pages);
        }
        if (size === largest) {
          editOneReview(content, round * 10 + (tool === 'app' ? 1 : 2));
          record(`${tool} rebuild after one edit ${size}`, await tools[tool].warm(content, log));
        }
      }
    }
    record('next floor cold', await nextFloor.cold(floorDir, log));
    record('next floor rebuild after one edit', await nextFloor.warm(floorDir, log, round));
    record('next pages floor cold', await nextFloor.cold(pagesFloorDir!, log));
    record('next pages floor rebuild after one edit', await nextFloor.warm(pagesFloorDir!, log, round));
  }
  console.log('\nMedians and ratios (app / Docusaurus):');
  const kinds = [...SIZES.map((s) => `cold ${s}`), `rebuild after one edit ${largest}`];
  for (const kind of kinds) {
    const app = results.get(`app ${kind}`)!;
    const docu = results.get(`docusaurus ${kind}`)!;
    const m = (runs: Run[], k: keyof Run) => median(runs.map((r) => r[k]));
    console.log(
      `${kind.padEnd(28)} cpu ${m(app, 'cpu').toFixed(1)} / ${m(docu, 'cpu').toFixed(1)} s (${(m(app, 'cpu') / m(docu, 'cpu')).toFixed(2)}×)` +
        `  wall ${m(app, 'wall').toFixed(1)} / ${m(docu, 'wall').toFixed(1)} s (${(m(app, 'wall') / m(docu, 'wall')).toFixed(2)}×)` +
        `  peak ${m(app, 'peakMb').toFixed(0)} / ${m(docu, 'peakMb').toFixed(0)} MB (${(m(app, 'peakMb') / m(docu, 'peakMb')).toFixed(2)}×)`,
    );
  }
  const floor = (kind: string, which = 'floor') => {
    const runs = results.get(`next ${which} ${kind}`)!;
    const m = (k: keyof Run) => median(runs.map((r) => r[k]));
    console.log(
      `next ${which}, ${kind.padEnd(22)} cpu ${m('cpu').toFixed(1)} s  wall ${m('wall').toFixed(1)} s  peak ${m('peakMb').toFixed(0)} MB`,
    );
  };
  console.log('\nAn empty Next app (what any `next build` costs here):');
  floor('cold');
  floor('rebuild after one edit');
  console.log("\nThe same empty app with as many trivial prerendered pages as the app's build (Next's cost per page):");
  floor('cold', 'pages floor');
  floor('rebuild after one edit', 'pages floor');
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const dir of [...contents.values(), floorDir, pagesFloorDir!]) rmSync(dir, { recursive: true, force: true });
}

await main();
