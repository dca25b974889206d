import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app on the embedded database. */
    baseURL: string;
    /** Every backend the app is served on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
    servers: { backend: 'pglite' | 'postgres'; baseURL: string }[];
  }
}

const next = path.resolve('node_modules/.bin/next');

function freePort(): Promise<number> {
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
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function startServer(env: Record<string, string>): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), ...env },
  });
  await waitForServer(baseURL, server);
  return {
    baseURL,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    },
  };
}

/**
 * Builds the app once and serves it with `next start` for every browser and
 * API test: on a fresh PGlite folder, and on a fresh PostgreSQL schema when
 * TEST_DATABASE_URL is set. `E2E_BASE_URL` points the tests at a server you
 * already run; `E2E_SKIP_BUILD=1` reuses the last build.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL);
    project.provide('servers', [{ backend: 'pglite', baseURL: process.env.E2E_BASE_URL }]);
    return;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const build = spawnSync(next, ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error(`next build failed with code ${build.status}`);
  }
  const cleanups: (() => Promise<void>)[] = [];
  const servers: { backend: 'pglite' | 'postgres'; baseURL: string }[] = [];
  try {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-pglite-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const embedded = await startServer({ PGLITE_DIR: path.join(dataDir, 'db'), DATABASE_URL: '' });
    cleanups.unshift(embedded.stop);
    servers.push({ backend: 'pglite', baseURL: embedded.baseURL });

    if (process.env.TEST_DATABASE_URL) {
      const schema = `e2e_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
        await admin.end();
      });
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.searchParams.set('schema', schema);
      const migrate = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/db-migrate.ts'], {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url.toString() },
      });
      if (migrate.status !== 0) throw new Error('db:migrate failed on the PostgreSQL test schema');
      const postgres = await startServer({ DATABASE_URL: url.toString() });
      cleanups.unshift(postgres.stop);
      servers.push({ backend: 'postgres', baseURL: postgres.baseURL });
    }
  } catch (error) {
    for (const cleanup of cleanups) await cleanup();
    throw error;
  }
  project.provide('baseURL', servers[0]!.baseURL);
  project.provide('servers', servers);
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
