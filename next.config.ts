import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { parseEnv } from './lib/config/env';
import { MAX_IMPORT_BYTES } from './lib/reader/import-limit';
import { CHECK_FAILED } from './lib/content/check-exit-code';
import { contentPipelineVersion } from './lib/content/pipeline-version';
import { securityHeaders } from './lib/security/headers';

/**
 * Before compiling anything, `next build` runs the same checks as `npm run
 * content:check` (it refuses to ship broken content), then writes the feed
 * HTML: feed routes read each review's HTML from a file that react-dom/server
 * rendered, since their react-server bundle may not use it (see
 * lib/feeds/feed-html-file.ts). Both in one process (scripts/pre-build.ts),
 * which loads the MDX pipeline and parses the reviews once for both; once per
 * build (the static-generation workers inherit the flag and skip it).
 */
function checkContentAndRenderFeedsBeforeBuild() {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  try {
    execFileSync(tsx, [path.join(process.cwd(), 'scripts', 'pre-build.ts')], { stdio: 'inherit' });
  } catch (error) {
    if ((error as { status?: number }).status === CHECK_FAILED) {
      throw new Error('Content check failed: fix the problems listed above (file:line:column message), then build again.');
    }
    throw new Error('Rendering the feed HTML failed (scripts/render-feed-html.ts): see the error above, then build again.');
  }
  process.env.PAPERS_CONTENT_CHECKED = '1';
}

/**
 * A production build without its deploy configuration stops here, with every
 * missing variable listed, rather than shipping an app that fails at a
 * reader's first click. The server checks again at startup (instrumentation).
 */
function checkConfigBeforeBuild() {
  try {
    parseEnv({ ...process.env, NODE_ENV: 'production' });
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}

/**
 * `next typegen` (run by `npm run lint` before `tsc`) loads this file under
 * the build phase too; it only writes route types, so it needs neither the
 * deploy configuration nor the content.
 */
const isTypegen = () => process.argv.slice(2).includes('typegen');

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD && process.env.PAPERS_CONTENT_CHECKED !== '1' && !isTypegen()) {
    // Names the build cache's entries (lib/content/build-cache.ts); the feed
    // script and the static-generation workers inherit it.
    process.env.CONTENT_PIPELINE_VERSION = contentPipelineVersion();
    checkConfigBeforeBuild();
    checkContentAndRenderFeedsBeforeBuild();
  }
  return {
    reactStrictMode: true,
    // Self-hosting: `.next/standalone` holds a server.js and only the files it
    // needs (node_modules included); copy `.next/static` and `public` next to
    // it (README "Self-hosting"). Vercel ignores this and packages functions.
    output: 'standalone',
    // Benchmarks build into their own folder so they never clobber the app's build.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    poweredByHeader: false,
    // Types are checked once, by `npm run lint` (`next typegen && tsc
    // --noEmit`), which CI runs before any build: every deploy's build
    // repeating it cost 8–20 s of CPU on a rebuild and 20–60 s cold
    // (bench/RESULTS.md, bench:build). Docusaurus's build does not type-check either.
    typescript: { ignoreBuildErrors: true },
    experimental: {
      // proxy.ts runs on API routes, so Next buffers their bodies for it and
      // silently cuts them at this size (10 MB by default): a 15 MB import
      // arrived as broken JSON. Next drops the whole chunk that crosses the
      // limit (chunks are 64 KB), so it sits 1 MB above the import limit:
      // every body up to the limit arrives whole, and a larger one still
      // arrives larger than the limit, which the route answers with 413.
      proxyClientMaxBodySize: MAX_IMPORT_BYTES + 1024 * 1024,
      // Every page is prerendered, so the only pages Next renders on demand
      // are 404s for made-up /docs/ URLs (dynamicParams stays true for
      // `next dev`). A self-hosted server wrote each one to
      // .next/server/route-cache, six files per URL with no limit; kept in
      // Next's in-memory LRU instead (cacheMaxMemorySize, 50 MB). Prerendered
      // pages are still read from the build's files. Vercel keeps its own cache.
      isrFlushToDisk: false,
    },
    // Loaded from node_modules at run time: PGlite reads its WASM and data files
    // next to its own code, and argon2 is a native binary.
    serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', '@node-rs/argon2'],
    // Reviews are read from content/ at build time; pages that could render
    // on demand need the files traced into their function.
    outputFileTracingIncludes: {
      ...Object.fromEntries(
        ['/docs/[...slug]', '/content-assets/[...path]', '/notes', '/api/**/*'].map((route) => [route, ['./content/**/*']]),
      ),
      // The health check compares the database with these (lib/db/migration-status.ts), and a
      // standalone server on the embedded database applies them at startup.
      '/api/health': ['./content/**/*', './prisma/migrations/**/*'],
    },
    // The embedded database lives in .data/; it must never ship in a function.
    outputFileTracingExcludes: { '*': ['./.data/**/*'] },
    headers() {
      return [{ source: '/:path*', headers: securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }) }];
    },
  };
}
