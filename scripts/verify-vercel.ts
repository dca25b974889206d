// `npm run verify:vercel`: runs `vercel build` the way a Vercel deployment
// would, fully offline, then checks the Build Output API folder it writes
// (.vercel/output) for what this app relies on in production.
//
// Why it is set up this way:
// - `vercel build` needs no account when .vercel/project.json carries
//   `settings`; without them it wants to `vercel pull` them from the API. The
//   file is written here (placeholder ids) so the repository never needs it.
// - `installCommand: ""` skips the install step: left to its default it runs
//   `npm install`, which hangs without a network. Node is left to Vercel's
//   default (24.x); it refuses 20.x.
// - No `buildCommand`: @vercel/next then runs the `vercel-build` script
//   (db:migrate, then next build), as a real deployment does. The check that
//   the throwaway schema got migrated proves it did.
// - package.json pins `vercel` and overrides its `sandbox` dependency to 4.5.0:
//   vercel@64.0.2 pins sandbox@4.4.0, which the npm registry we install from
//   does not have.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { contentTypeOf } from '@/lib/content/source/assets';
import { listContentFiles } from '@/lib/content/source/files';
import { buildIndex } from '@/lib/content/index/content-index';
import { cspMetaOf } from '@/lib/security/csp-meta';
import { inlineScriptHashes } from '@/lib/security/inline-scripts';

// Vercel's own limit (@vercel/build-utils MAX_LAMBDA_UNCOMPRESSED_SIZE).
const MAX_FUNCTION_MB = 250;
// Served per request: they must be functions, not prerendered pages.
const FUNCTION_ROUTES = ['/api/auth/[...nextauth]', '/api/bookmarks', '/api/library', '/api/notes', '/api/notes/[id]'];
// They look reviews up in content/ at run time, so every review file must ship with them.
const CONTENT_READING_ROUTES = ['/api/bookmarks', '/api/library', '/notes', '/docs/[...slug]', '/content-assets/[...path]'];
const ASSET_ROUTE = '/content-assets/[...path]';

export type OutputFigures = {
  staticFiles: number;
  staticPages: number;
  prerenderedRoutes: number;
  functions: number;
  functionRoutes: number;
  largestFunction: { name: string; bytes: number } | null;
};

type FunctionBundle = { name: string; files: Set<string>; bytes: number; missing: string[] };

/**
 * Checks a `vercel build` output folder against the project's content. Reads
 * files only (no env, no exit), so a test can run it on a folder it made.
 * `projectDir` is where filePathMap paths start: the folder `vercel build` ran in.
 */
export function checkVercelOutput(
  outputDir: string,
  projectDir = path.resolve(outputDir, '..', '..'),
): { problems: string[]; figures: OutputFigures } {
  const problems: string[] = [];
  const functionsDir = path.join(outputDir, 'functions');
  const staticDir = path.join(outputDir, 'static');

  const config = readJson(path.join(outputDir, 'config.json'));
  if (config?.version !== 3)
    problems.push(`config.json: expected "version": 3, found ${config ? JSON.stringify(config.version) : 'no readable config.json'}`);

  const staticFiles = walk(staticDir);
  const outputs = walk(functionsDir);
  // @vercel/next groups routes into a few function bundles; every other route's
  // `.func` is a symlink to one of them, so bundles are told apart by real path.
  const bundles = new Map<string, FunctionBundle>();
  const functionAt = (route: string): FunctionBundle | null => {
    const func = path.join(functionsDir, `${outputPath(route)}.func`);
    if (!existsSync(path.join(func, '.vc-config.json'))) return null;
    const real = realpathSync(func);
    if (!bundles.has(real)) bundles.set(real, loadFunction(real, path.relative(functionsDir, real), projectDir));
    return bundles.get(real)!;
  };
  const isPrerendered = (route: string) => {
    const at = path.join(functionsDir, outputPath(route));
    const prerender = readJson(`${at}.prerender-config.json`);
    // Without a fallback file a "prerender" is rendered on its first request.
    const declared = prerender?.fallback;
    const fallback =
      typeof declared === 'string' ? declared : isObject(declared) && typeof declared.fsPath === 'string' ? declared.fsPath : undefined;
    return Boolean(fallback && existsSync(`${at}.func`) && existsSync(path.join(path.dirname(at), fallback)));
  };
  const isStatic = (route: string) => ['.html', '', '/index.html'].some((suffix) => staticFiles.includes(`${outputPath(route)}${suffix}`));

  const contentDir = path.join(projectDir, 'content');
  // The pages the production site publishes: drafts are left out there.
  const published = buildIndex(contentDir, undefined, { drafts: false }).reviews;
  if (!published.length) problems.push(`no published reviews found in ${contentDir}: nothing to check the output against`);
  for (const { url } of published) {
    if (!isStatic(url) && !isPrerendered(url))
      problems.push(`review ${url} is not prerendered: no static/ file and no .prerender-config.json with a fallback in functions/`);
  }
  // The index is built from every file at run time, drafts included, so all of them must ship.
  const reviews = listContentFiles(contentDir).map((review) => toPosix(path.relative(projectDir, review.file)));

  for (const route of FUNCTION_ROUTES) {
    if (!functionAt(route)) problems.push(`${route} is not a function: no functions/${outputPath(route)}.func with a .vc-config.json`);
    else if (isPrerendered(route)) problems.push(`${route} is prerendered, but it must run per request`);
  }

  // proxy.ts sends the CSP of pages rendered per request, from the build's hash manifest, and must ship with it.
  const proxy = functionAt('/_middleware');
  if (!proxy) problems.push('no functions/_middleware.func: proxy.ts (CSP, request ids) was not deployed');
  else if (!proxy.files.has('.next/csp-hashes.json'))
    problems.push('the proxy function lacks .next/csp-hashes.json: the 404 page would have its scripts blocked');
  const routes: unknown[] = Array.isArray(config?.routes) ? config.routes : [];
  if (
    !routes.some(
      (route) =>
        isObject(route) &&
        isObject(route.headers) &&
        Object.keys(route.headers).some((name) => name.toLowerCase() === 'strict-transport-security'),
    )
  ) {
    problems.push('config.json sets no Strict-Transport-Security: the security headers of next.config.ts are missing');
  }

  const pages = prerenderedPages(staticDir, functionsDir);
  problems.push(...functionsInFront(routes, pages, (route) => Boolean(functionAt(route)) && !isPrerendered(route)));
  problems.push(...pagesWithoutCsp(routes, pages));

  for (const route of CONTENT_READING_ROUTES) {
    const fn = functionAt(route);
    if (!fn) {
      problems.push(`${route} has no function, so nothing can read content/ for it at run time`);
      continue;
    }
    const untraced = reviews.filter((file) => !fn.files.has(file));
    if (untraced.length)
      problems.push(`${route} (function ${fn.name}) lacks ${untraced.length} of ${reviews.length} review files, e.g. ${untraced[0]}`);
  }

  // The reader API and pages look papers up in the build's catalog; without it a cold start parses every review.
  for (const route of [...FUNCTION_ROUTES.filter((r) => r !== '/api/auth/[...nextauth]'), '/notes']) {
    const fn = functionAt(route);
    if (fn && !fn.files.has('.next/paper-catalog.json'))
      problems.push(`${route} (function ${fn.name}) lacks .next/paper-catalog.json: its cold start would parse every review`);
  }

  const assets = functionAt(ASSET_ROUTE);
  for (const image of walk(contentDir).filter((file) => contentTypeOf(file)?.startsWith('image/'))) {
    const route = `/content-assets/${image}`;
    if (!isStatic(route) && !isPrerendered(route) && !assets?.files.has(`content/${image}`)) {
      problems.push(
        `content image content/${image} ships nowhere: not in static/, not prerendered at ${route}, not traced into ${ASSET_ROUTE}`,
      );
    }
  }

  // Sizes of every bundle, including the ones no route above asked for.
  for (const entry of outputs.filter((file) => file.endsWith('.func'))) functionAt(entry.slice(0, -'.func'.length));
  for (const fn of bundles.values()) {
    if (fn.missing.length)
      problems.push(`function ${fn.name}: ${fn.missing.length} files in its filePathMap are missing on disk, e.g. ${fn.missing[0]}`);
    if (fn.bytes > MAX_FUNCTION_MB * 1024 * 1024)
      problems.push(`function ${fn.name} is ${mb(fn.bytes)} MB unzipped, over Vercel's ${MAX_FUNCTION_MB} MB`);
  }

  // Page and route URLs only: RSC payloads and segment prefetches are prerendered alongside each page.
  const isRoute = (file: string) => !file.includes('.segments/') && !file.includes('.rsc.');
  const routeFuncs = outputs.filter((file) => file.endsWith('.func') && isRoute(file)).map((file) => file.slice(0, -'.func'.length));
  const prerendered = routeFuncs.filter((route) => isPrerendered(`/${route}`));
  const largest = [...bundles.values()].sort((a, b) => b.bytes - a.bytes)[0];
  return {
    problems,
    figures: {
      staticFiles: staticFiles.length,
      staticPages: staticFiles.filter((file) => file.endsWith('.html')).length,
      prerenderedRoutes: prerendered.length,
      functions: bundles.size,
      functionRoutes: routeFuncs.length - prerendered.length,
      largestFunction: largest ? { name: largest.name, bytes: largest.bytes } : null,
    },
  };
}

type PrerenderedPage = { url: string; html: string | null };

/**
 * Every URL served as built: HTML files in static/, and the prerenders in
 * functions/ (`.prerender-config.json` with its fallback file), HTML or not.
 * `html` is the file's text when it is an HTML document.
 */
function prerenderedPages(staticDir: string, functionsDir: string): PrerenderedPage[] {
  const toUrl = (route: string) => (route === 'index' ? '/' : `/${route.replace(/\/index$/, '')}`);
  const pages: PrerenderedPage[] = walk(staticDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ url: toUrl(file.slice(0, -'.html'.length)), html: readFileSync(path.join(staticDir, file), 'utf8') }));
  for (const file of walk(functionsDir).filter((f) => f.endsWith('.prerender-config.json'))) {
    const route = file.slice(0, -'.prerender-config.json'.length);
    const declared = readJson(path.join(functionsDir, file))?.fallback;
    const fallback =
      typeof declared === 'string' ? declared : isObject(declared) && typeof declared.fsPath === 'string' ? declared.fsPath : undefined;
    if (!fallback) continue;
    const fallbackFile = path.join(functionsDir, path.dirname(file), fallback);
    pages.push({
      url: toUrl(route),
      html: fallback.endsWith('.html') && existsSync(fallbackFile) ? readFileSync(fallbackFile, 'utf8') : null,
    });
  }
  return pages;
}

type OutputRoute = { src?: unknown; dest?: unknown; middlewarePath?: unknown; headers?: unknown; handle?: unknown };

/** A route's `src`, anchored, matched ignoring case: a check that errs towards finding a match. */
function routeRegExp(route: OutputRoute): RegExp | null {
  if (typeof route.src !== 'string') return null;
  try {
    return new RegExp(route.src.startsWith('^') ? route.src : `^${route.src}`, 'i');
  } catch {
    return null;
  }
}

/**
 * Nothing may run in front of what is served as built: no route with a
 * `middlewarePath` (the proxy) may match any prerendered URL, and no route
 * ahead of the filesystem may send a prerendered page to a function. Each such route would cost a function
 * invocation per page view and keep the page from being served from the CDN alone.
 */
export function functionsInFront(routes: unknown[], pages: PrerenderedPage[], isFunction: (route: string) => boolean): string[] {
  const problems: string[] = [];
  const beforeFilesystem = routes.findIndex((route) => isObject(route) && route.handle === 'filesystem');
  for (const [i, raw] of routes.entries()) {
    if (!isObject(raw)) continue;
    const route = raw as OutputRoute;
    const middleware = typeof route.middlewarePath === 'string';
    const early = beforeFilesystem === -1 || i < beforeFilesystem;
    if (!middleware && !(early && typeof route.dest === 'string')) continue;
    const src = routeRegExp(route);
    if (!src) {
      if (middleware)
        problems.push(`config.json route ${i} runs ${String(route.middlewarePath)} on a src that cannot be read: ${String(route.src)}`);
      continue;
    }
    const hits = pages.filter(({ url, html }) => {
      const match = src.exec(url);
      if (!match) return false;
      if (middleware) return true;
      // A rewrite is checked on pages only: @vercel/next rewrites any request with an `RSC: 1` header to
      // `<path>.rsc`, a function for a feed or an image, but a browser asks that only of a page.
      if (html === null) return false;
      const dest = (route.dest as string).replace(
        /\$(\w+)/g,
        (_, key: string) => (/^\d+$/.test(key) ? match[Number(key)] : match.groups?.[key]) ?? '',
      );
      return isFunction(dest.split('?')[0]!);
    });
    if (hits.length)
      problems.push(
        `config.json route ${i} (${middleware ? `middlewarePath ${String(route.middlewarePath)}` : `dest ${String(route.dest)}`}) runs a function in front of ${hits.length} prerendered URL${hits.length === 1 ? '' : 's'}, e.g. ${hits[0]!.url} (src ${String(route.src)})`,
      );
  }
  return problems;
}

/**
 * Every prerendered HTML page carries its Content-Security-Policy without a
 * function: a `<meta>` policy whose script hashes allow exactly the page's
 * inline scripts, or a config.json header route that matches its URL.
 */
export function pagesWithoutCsp(routes: unknown[], pages: PrerenderedPage[]): string[] {
  const headerRoutes = routes.filter(
    (route): route is OutputRoute =>
      isObject(route) &&
      isObject(route.headers) &&
      Object.entries(route.headers).some(
        ([name, value]) => name.toLowerCase() === 'content-security-policy' && String(value).includes('script-src'),
      ),
  );
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const { url, html } of pages) {
    if (html === null) continue;
    if (headerRoutes.some((route) => routeRegExp(route)?.test(url))) continue;
    const policy = cspMetaOf(html);
    if (!policy) {
      missing.push(url);
      continue;
    }
    const allowed = new Set(
      (policy.split(/;\s*/).find((d) => d.startsWith('script-src ')) ?? '').split(' ').map((h) => h.replace(/^'|'$/g, '')),
    );
    if (inlineScriptHashes(html).some((hash) => !allowed.has(hash))) wrong.push(url);
  }
  const problems: string[] = [];
  if (missing.length)
    problems.push(
      `${missing.length} prerendered pages have no Content-Security-Policy (no <meta> tag, no config.json header), e.g. ${missing[0]}`,
    );
  if (wrong.length)
    problems.push(`${wrong.length} prerendered pages have a <meta> policy that blocks their own inline scripts, e.g. ${wrong[0]}`);
  return problems;
}

/** The function as it is unzipped: files in its folder plus its filePathMap, each path once. */
function loadFunction(funcDir: string, name: string, projectDir: string): FunctionBundle {
  const sources = new Map<string, string>();
  const config = readJson(path.join(funcDir, '.vc-config.json'));
  const filePathMap = config?.filePathMap;
  for (const [inFunction, inProject] of Object.entries(isObject(filePathMap) ? filePathMap : {})) {
    if (typeof inProject === 'string') sources.set(inFunction, path.join(projectDir, inProject));
  }
  for (const file of walk(funcDir)) sources.set(file, path.join(funcDir, file));
  let bytes = 0;
  const missing: string[] = [];
  for (const [inFunction, source] of sources) {
    try {
      bytes += statSync(source).size;
    } catch {
      missing.push(inFunction);
    }
  }
  return { name, files: new Set(sources.keys()), bytes, missing };
}

/** Relative paths (with /) of everything under dir that is not a folder; `.func` folders below it are listed, not entered. */
function walk(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory() && !entry.name.endsWith('.func')) return walk(path.join(dir, entry.name), `${rel}/`);
    return [rel];
  });
}

// `/` is written as `index`; every other route as its path without the leading slash.
const outputPath = (route: string) => (route === '/' ? 'index' : route.replace(/^\//, ''));
const toPosix = (file: string) => file.split(path.sep).join('/');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A JSON file's top-level object; null when it is missing, unreadable or not an object. */
function readJson(file: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isObject(data) ? data : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- CLI

const PLACEHOLDER_PROJECT = { projectId: 'prj_verify_vercel', orgId: 'team_verify_vercel' };

function describe(url: URL): string {
  const shown = new URL(url);
  shown.password = shown.password ? '***' : '';
  return shown.toString();
}

/** Runs the command with inherited output; resolves with its exit code. Ctrl-C stops it, and we still clean up. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    // The terminal sends SIGINT to the build too; staying alive lets `finally` drop the schema.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const projectDir = process.cwd();
  const databaseUrl = new URL(
    process.env.VERIFY_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  );
  const admin = new pg.Client({ connectionString: databaseUrl.toString(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(
      `verify:vercel: cannot connect to PostgreSQL at ${describe(databaseUrl)} (${error instanceof Error ? error.message : String(error)}); start it, or set VERIFY_DATABASE_URL.`,
    );
    return 1;
  }

  const schema = `verify_vercel_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const buildUrl = new URL(databaseUrl);
  buildUrl.searchParams.set('schema', schema);

  // A developer's real `vercel link` is put back afterwards.
  const projectFile = path.join(projectDir, '.vercel', 'project.json');
  const linked =
    existsSync(projectFile) && !readFileSync(projectFile, 'utf8').includes(PLACEHOLDER_PROJECT.projectId)
      ? readFileSync(projectFile, 'utf8')
      : null;

  try {
    mkdirSync(path.dirname(projectFile), { recursive: true });
    writeFileSync(
      projectFile,
      `${JSON.stringify({ ...PLACEHOLDER_PROJECT, settings: { framework: 'nextjs', installCommand: '' } }, null, 2)}\n`,
    );
    const { NEXT_DIST_DIR: _ignored, ...env } = process.env;
    const code = await run(path.join(projectDir, 'node_modules', '.bin', 'vercel'), ['build', '--prod'], {
      ...env,
      DATABASE_URL: buildUrl.toString(),
      // Set (even empty) so a pulled .vercel/.env.*.local can never point the migration elsewhere.
      DIRECT_URL: '',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      // Vercel sets this on its build machines (the public origin, lib/config/env.ts); a local `vercel build` does not.
      VERCEL_PROJECT_PRODUCTION_URL: process.env.VERCEL_PROJECT_PRODUCTION_URL || 'papers-review.vercel.app',
      NEXT_TELEMETRY_DISABLED: '1',
      VERCEL_TELEMETRY_DISABLED: '1',
      // Otherwise the CLI asks the npm registry for its latest version in the background.
      NO_UPDATE_NOTIFIER: '1',
    });
    if (code !== 0) {
      console.error(`verify:vercel: vercel build failed (exit code ${code}); see its output above.`);
      return 1;
    }

    const { problems, figures } = checkVercelOutput(path.join(projectDir, '.vercel', 'output'), projectDir);
    const migrations = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = '_prisma_migrations'`,
      [schema],
    );
    if (migrations.rows[0]!.n === 0) problems.push(`vercel build did not run the vercel-build script: schema ${schema} was never migrated`);

    for (const problem of problems) console.error(`✗ ${problem}`);
    if (problems.length) {
      console.error(`verify:vercel: ${problems.length} check${problems.length === 1 ? '' : 's'} failed on .vercel/output`);
      return 1;
    }
    const largest = figures.largestFunction;
    console.log(
      [
        'verify:vercel: .vercel/output OK',
        `  static files        ${figures.staticFiles} (${figures.staticPages} HTML pages)`,
        `  prerendered routes  ${figures.prerenderedRoutes}`,
        `  functions           ${figures.functions} bundles, ${figures.functionRoutes} routes point at them`,
        `  largest function    ${largest ? `${mb(largest.bytes)} MB (${largest.name})` : 'none'}, limit ${MAX_FUNCTION_MB} MB`,
        `  wall time           ${((performance.now() - started) / 1000).toFixed(0)} s`,
      ].join('\n'),
    );
    return 0;
  } finally {
    if (linked !== null) writeFileSync(projectFile, linked);
    try {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    } catch (error) {
      console.error(
        `verify:vercel: could not drop schema ${schema} (${error instanceof Error ? error.message : String(error)}); drop it by hand.`,
      );
    }
    await admin.end().catch(() => {});
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
