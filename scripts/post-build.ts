// The second step of `npm run build`, after `next build`. Writes two files
// next to Next's output and lists them in the traces of the functions that
// read them, so a deployment (Vercel) packages them:
// - csp-hashes.json: the inline-script hashes of every prerendered page. Each
//   page's policy is also written into the page itself, as the first tag of
//   its <head> (lib/security/csp-meta.ts): static pages stay static and need
//   no function in front of them, yet only the scripts Next wrote into them at
//   build time may run. This edits `.next`, which is what Vercel's Next
//   builder packages after this script: edits to `.vercel/output` would not
//   survive a git-triggered build (README "Content-Security-Policy").
// - paper-catalog.json: every published paper, so the reader API and pages
//   look papers up without parsing every review on a cold start.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PAPER_CATALOG_FILE, paperCatalogFile } from '@/lib/content/index/catalog';
import { buildIndex } from '@/lib/content/index/content-index';
import { contentPipelineVersion } from '@/lib/content/pipeline-version';
import { FEED_HTML_FILE } from '@/lib/feeds/feed-html-file';
import { CSP_MANIFEST_FILE, type CspHashManifest } from '@/lib/security/csp';
import { withCspMeta } from '@/lib/security/csp-meta';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const serverDir = path.join(distDir, 'server');

const standaloneDist = path.join(distDir, 'standalone', path.relative(process.cwd(), distDir));

/** Hashes every prerendered page and writes its policy into it, here and in the standalone server's copy. */
function cspManifest(): CspHashManifest {
  const prerendered = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  const htmlFile = (dist: string, route: string) => path.join(dist, 'server', 'app', `${route === '/' ? 'index' : route.slice(1)}.html`);
  const manifest: CspHashManifest = { routes: {}, fallback: [] };
  for (const route of Object.keys(prerendered.routes)) {
    // Feeds, images and JSON are prerendered too but are not HTML documents.
    const file = htmlFile(distDir, route);
    if (!existsSync(file)) continue;
    const html = withCspMeta(readFileSync(file, 'utf8'));
    manifest.routes[route] = inlineScriptHashes(html);
    writeFileSync(file, html);
    if (existsSync(htmlFile(standaloneDist, route))) writeFileSync(htmlFile(standaloneDist, route), html);
  }
  manifest.fallback = [...new Set(['/_not-found', '/_global-error'].flatMap((route) => manifest.routes[route] ?? []))];
  // Next also writes the 404 and 500 documents the Pages way; Vercel serves them from static/ for any missing path.
  for (const name of ['404', '500']) {
    for (const dist of [distDir, standaloneDist]) {
      const file = path.join(dist, 'server', 'pages', `${name}.html`);
      if (existsSync(file)) writeFileSync(file, withCspMeta(readFileSync(file, 'utf8')));
    }
  }
  return manifest;
}

/** Adds `file` to each trace (`*.nft.json`) whose function should ship it. */
function addToTraces(file: string, traces: string[]) {
  for (const trace of traces) {
    const content = JSON.parse(readFileSync(trace, 'utf8')) as { files: string[] };
    const entry = path.relative(path.dirname(trace), file);
    if (!content.files.includes(entry)) writeFileSync(trace, JSON.stringify({ ...content, files: [...content.files, entry] }));
  }
}

const appTraces = (readdirSync(path.join(serverDir, 'app'), { recursive: true }) as string[])
  .filter((file) => /(^|\/)(page|route)\.js\.nft\.json$/.test(file))
  .map((file) => path.join(serverDir, 'app', file));
const proxyTraces = ['middleware.js.nft.json', 'proxy.js.nft.json']
  .map((name) => path.join(serverDir, name))
  .filter((trace) => existsSync(trace));

const manifest = cspManifest();
const manifestFile = path.join(distDir, CSP_MANIFEST_FILE);
writeFileSync(manifestFile, JSON.stringify(manifest));
addToTraces(manifestFile, proxyTraces);

// The catalog reads each review's parse from the build cache, as `next build`
// left it (lib/content/source/parsed-file.ts): this step runs after next.config.ts
// named the cache's version, in its own process, so it names it the same way.
process.env.CONTENT_PIPELINE_VERSION ||= contentPipelineVersion();
// Production semantics (no drafts), whatever NODE_ENV this script runs with.
const catalog = paperCatalogFile(buildIndex(undefined, undefined, { drafts: false }));
const catalogFile = path.join(distDir, PAPER_CATALOG_FILE);
writeFileSync(catalogFile, JSON.stringify(catalog));
addToTraces(catalogFile, appTraces);

console.log(
  `post-build: ${Object.keys(manifest.routes).length} prerendered pages given their CSP <meta> and hashed into ${path.relative(process.cwd(), manifestFile)}; ` +
    `${catalog.papers.length} papers into ${path.relative(process.cwd(), catalogFile)}`,
);

// `output: 'standalone'` assembled its folder during `next build`, before these
// files existed: a standalone server reads them from its own copy of the dist folder.
if (existsSync(standaloneDist)) {
  for (const name of [CSP_MANIFEST_FILE, PAPER_CATALOG_FILE, FEED_HTML_FILE]) {
    const from = path.join(distDir, name);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(standaloneDist, name)), { recursive: true });
    copyFileSync(from, path.join(standaloneDist, name));
  }
  console.log(`post-build: copied them into ${path.relative(process.cwd(), standaloneDist)} for the standalone server`);
}
