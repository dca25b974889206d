// Runs after `next build` (npm run build): hashes the inline scripts of every
// prerendered page into <distDir>/csp-hashes.json, which proxy.ts turns into
// each page's Content-Security-Policy. Static pages stay static, yet only the
// scripts Next wrote into them at build time may run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CSP_MANIFEST_FILE, type CspHashManifest } from '../lib/security/csp';
import { inlineScriptHashes } from '../lib/security/inline-scripts';

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const prerendered = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };

const htmlFile = (route: string) => path.join(distDir, 'server', 'app', `${route === '/' ? 'index' : route.slice(1)}.html`);
const hashesOf = (route: string) => (existsSync(htmlFile(route)) ? inlineScriptHashes(readFileSync(htmlFile(route), 'utf8')) : null);

const manifest: CspHashManifest = { routes: {}, fallback: [] };
for (const route of Object.keys(prerendered.routes)) {
  const hashes = hashesOf(route);
  // Feeds, images and JSON are prerendered too but are not HTML documents.
  if (hashes) manifest.routes[route] = hashes;
}
manifest.fallback = [...new Set(['/_not-found', '/_global-error'].flatMap((route) => manifest.routes[route] ?? []))];

// The proxy function reads the manifest at run time; list it in the proxy's
// trace so deployments (Vercel) package it with the function.
const file = path.join(distDir, CSP_MANIFEST_FILE);
writeFileSync(file, JSON.stringify(manifest));
for (const name of ['middleware.js.nft.json', 'proxy.js.nft.json']) {
  const trace = path.join(distDir, 'server', name);
  if (!existsSync(trace)) continue;
  const content = JSON.parse(readFileSync(trace, 'utf8')) as { files: string[] };
  const entry = path.relative(path.dirname(trace), file);
  if (!content.files.includes(entry)) writeFileSync(trace, JSON.stringify({ ...content, files: [...content.files, entry] }));
}
console.log(`csp-hashes: ${Object.keys(manifest.routes).length} prerendered pages hashed into ${path.relative(process.cwd(), file)}`);
