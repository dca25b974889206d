import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const bin = (name: string) => path.resolve('node_modules/.bin', name);

export type Backend = 'pglite' | 'postgres';
export type RunningApp = { backend: Backend; baseURL: string; stop: () => Promise<void> };
/** A server whose stdout and stderr the test reads (its log lines). */
export type LoggedApp = RunningApp & { logs: () => string; secret: string; pid: number };

export function buildApp(): void {
  // `next build` imports every route and instrumentation.ts, and must never open
  // the database: the build gets an embedded folder of its own that must not exist after.
  const untouched = path.join(tmpdir(), `build-must-not-open-${randomBytes(4).toString('hex')}`, 'pglite');
  // One build serves both backends; the production check wants a secret and
  // a database choice, so it gets the self-hosting opt-in.
  // `npm run build`, not bare `next build`: it also writes the CSP hash manifest.
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      // Vitest sets NODE_ENV=test; packages Next leaves unbundled (next-mdx-remote) read it at run time
      // and would compile reviews for the development JSX runtime. A shell's `npm run build` has no NODE_ENV.
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      ALLOW_EMBEDDED_DATABASE: '1',
      // Production requires the public origin; feeds and the sitemap are prerendered with it.
      SITE_URL: process.env.SITE_URL || 'http://localhost:3000',
      PGLITE_DIR: untouched,
      DATABASE_URL: '',
    },
  });
  if (build.status !== 0) throw new Error(`npm run build failed with code ${build.status}`);
  for (const opened of [untouched, `${untouched}.lock`, path.dirname(untouched)]) {
    if (existsSync(opened)) throw new Error(`next build opened the embedded database: ${opened} exists`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next did not answer at ${url} within ${timeoutMs / 1000}s`);
}

export type ServerOptions = {
  captureLogs?: boolean;
  mode?: 'start' | 'dev';
  /** A standalone build's server.js to run with node instead of `next start` (it reads PORT and HOSTNAME). */
  standaloneServer?: string;
};

async function startServer(
  backend: Backend,
  env: Record<string, string>,
  cleanup: () => Promise<void>,
  { captureLogs = false, mode = 'start', standaloneServer }: ServerOptions = {},
): Promise<LoggedApp> {
  const port = await freePort();
  // Next 16's dev server refuses its HMR socket to pages on 127.0.0.1; it expects localhost.
  const host = mode === 'dev' ? 'localhost' : '127.0.0.1';
  const baseURL = `http://${host}:${port}`;
  const secret = randomBytes(32).toString('base64url');
  // A production server runs with the heap cap of `npm start`, the Dockerfile and the systemd unit.
  const heapCap = '--max-old-space-size=1024';
  const [command, args] = standaloneServer
    ? [process.execPath, [heapCap, standaloneServer]]
    : mode === 'start'
      ? [process.execPath, [heapCap, path.resolve('node_modules/next/dist/bin/next'), mode, '-p', String(port), '-H', host]]
      : [bin('next'), [mode, '-p', String(port), '-H', host]];
  const server = spawn(command, args, {
    cwd: standaloneServer ? path.dirname(standaloneServer) : undefined,
    stdio: ['ignore', captureLogs ? 'pipe' : 'inherit', captureLogs ? 'pipe' : 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: mode === 'dev' ? 'development' : 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: secret,
      // The build's public origin (feeds, sitemap); this server's own address is NEXTAUTH_URL.
      SITE_URL: process.env.SITE_URL || 'http://localhost:3000',
      // The test client plays the one reverse proxy in front of the app: each
      // Reader sends its own X-Forwarded-For, so the suite's many sign-ups do
      // not share one per-address limit (lib/http/client-ip.ts).
      TRUSTED_PROXY_COUNT: '1',
      PORT: String(port),
      HOSTNAME: host,
      ...env,
    },
  });
  let logs = '';
  server.stdout?.on('data', (chunk) => (logs += chunk));
  server.stderr?.on('data', (chunk) => (logs += chunk));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await cleanup();
  };
  try {
    // The dev server compiles the page it is first asked for.
    await waitForServer(baseURL, server, mode === 'dev' ? 180_000 : 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { backend, baseURL, stop, secret, logs: () => logs, pid: server.pid! };
}

/**
 * `next start` against a PostgreSQL port nobody listens on: the database is
 * down. For the health check's 503 and the error pages; logs are captured.
 */
export async function startWithDatabaseDown(): Promise<LoggedApp & { databasePort: number }> {
  const port = await freePort();
  return startWithDatabaseAt(port);
}

/** `next start` against PostgreSQL at 127.0.0.1:`port` (e.g. a server that accepts and never answers); logs captured. */
export async function startWithDatabaseAt(port: number, env: Record<string, string> = {}): Promise<LoggedApp & { databasePort: number }> {
  const app = await startServer(
    'postgres',
    { DATABASE_URL: `postgres://app:db-password-not-for-logs@127.0.0.1:${port}/app`, ...env },
    async () => {},
    { captureLogs: true },
  );
  return { ...app, databasePort: port };
}

/** A server's cleanup: removes its database folder. */
function removeDir(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  return Promise.resolve();
}

/** The settings that point a process at the embedded database in `dataDir`. */
const embeddedEnv = (dataDir: string) => ({ PGLITE_DIR: dataDir, DATABASE_URL: '', ALLOW_EMBEDDED_DATABASE: '1' });

/** `next start` on the embedded database in `dir`/db; `dir` is removed on stop. */
function startOnPgliteIn(dir: string, env: Record<string, string>, options: ServerOptions): Promise<LoggedApp> {
  return startServer('pglite', { ...embeddedEnv(path.join(dir, 'db')), ...env }, () => removeDir(dir), options);
}

/** `next start` on a fresh embedded database folder, removed on stop; `env` adds or overrides variables (SMTP_URL…). */
export function startOnPglite(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<LoggedApp> {
  return startOnPgliteIn(mkdtempSync(path.join(tmpdir(), 'app-pglite-')), env, options);
}

/**
 * `next start` on an embedded database folder that `npm run db:migrate`
 * created and migrated in a process of its own first, as a restarted server
 * finds it: the server opens an existing folder and runs no initdb. Removed on stop.
 */
export function startOnMigratedPglite(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<LoggedApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'app-pglite-'));
  const run = spawnSync(bin('tsx'), ['scripts/db-migrate.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ...embeddedEnv(path.join(dir, 'db')), DIRECT_URL: '' },
  });
  if (run.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return Promise.reject(new Error('db:migrate failed on the embedded database folder'));
  }
  return startOnPgliteIn(dir, env, options);
}

/** A PostgreSQL schema for one server: `url` carries it as `?schema=`; `drop` removes it. */
export async function freshSchema(databaseUrl: string, { migrate = true } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `app_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const drop = async () => {
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  };
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  if (migrate) {
    const run = spawnSync(bin('tsx'), ['scripts/db-migrate.ts'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url.toString(), DIRECT_URL: '' },
    });
    if (run.status !== 0) {
      await drop();
      throw new Error('db:migrate failed on the PostgreSQL schema');
    }
  }
  return { url: url.toString(), drop };
}

/** `next start` (or a standalone server.js) on PostgreSQL at `url`, logs captured; `cleanup` runs on stop. */
export function startOnPostgresUrl(
  url: string,
  cleanup: () => Promise<void>,
  env: Record<string, string> = {},
  options: ServerOptions = {},
): Promise<LoggedApp> {
  return startServer('postgres', { DATABASE_URL: url, ...env }, cleanup, { captureLogs: true, ...options });
}

/**
 * `next dev` (what `npm run dev` runs) on a fresh embedded database folder,
 * logs captured. It builds into .next/dev, leaving the suite's build alone.
 * `env` adds variables: `CONTENT_DIR` for a copy of content/ a test may edit.
 */
export function startDevServer(env: Record<string, string> = {}): Promise<LoggedApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-pglite-'));
  return startServer('pglite', { PGLITE_DIR: path.join(dir, 'db'), DATABASE_URL: '', ...env }, () => removeDir(dir), {
    captureLogs: true,
    mode: 'dev',
  });
}

/** `next start` on a fresh, migrated schema of a PostgreSQL database, dropped on stop. */
export async function startOnPostgres(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const { url, drop } = await freshSchema(databaseUrl);
  return startServer('postgres', { DATABASE_URL: url, ...env }, drop);
}
