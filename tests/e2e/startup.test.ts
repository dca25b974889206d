import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { startOnPglite } from '@/tests/support/server';

/** Starts `next start` on the suite's build with `env` and returns how it exited and what it printed. */
async function startExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // Empty strings count as unset for the check and also keep any .env.local
  // value out (Next never overrides a variable that is already defined).
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', '0', '-H', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    server.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output };
}

test('a production server with a bad NEXTAUTH_SECRET refuses to start and says why', async () => {
  const { code, output } = await startExpectingExit({ NEXTAUTH_SECRET: 'too-short', DATABASE_URL: 'postgres://db.example/app' });
  expect(code).toBe(1);
  expect(output).toContain('Invalid configuration (see .env.example):\n  - NEXTAUTH_SECRET: must be at least 32 characters');
});

test('a production server without DATABASE_URL or NEXTAUTH_SECRET lists both and never falls back to the embedded database', async () => {
  const { code, output } = await startExpectingExit({ NEXTAUTH_SECRET: '', DATABASE_URL: '', ALLOW_EMBEDDED_DATABASE: '' });
  expect(code).toBe(1);
  expect(output).toContain(
    [
      'Invalid configuration (see .env.example):',
      '  - DATABASE_URL: is required in production (a PostgreSQL URL; to self-host on the embedded database on one machine, set ALLOW_EMBEDDED_DATABASE=1 instead)',
      '  - NEXTAUTH_SECRET: is required in production',
    ].join('\n'),
  );
});

test('a production server without SITE_URL refuses to start and names it, even with NEXTAUTH_URL set', async () => {
  const { code, output } = await startExpectingExit({
    SITE_URL: '',
    VERCEL_PROJECT_PRODUCTION_URL: '',
    NEXTAUTH_URL: 'https://papers.example.com',
    NEXTAUTH_SECRET: 'x'.repeat(32),
    DATABASE_URL: 'postgres://db.example/app',
  });
  expect(code).toBe(1);
  expect(output).toContain(
    'Invalid configuration (see .env.example):\n  - SITE_URL: is required in production (the public origin, e.g. https://papers.example.com:',
  );
});

test('a production build without its deploy configuration stops before compiling, with the same message', () => {
  const distDir = `.next-refused-${process.pid}`;
  try {
    const build = spawnSync(path.resolve('node_modules/.bin/next'), ['build'], {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: distDir,
        NEXTAUTH_SECRET: '',
        DATABASE_URL: '',
        ALLOW_EMBEDDED_DATABASE: '',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('Invalid configuration (see .env.example):\n  - DATABASE_URL: is required in production');
    expect(build.stderr).toContain('  - NEXTAUTH_SECRET: is required in production');
    expect(existsSync(path.join(distDir, 'BUILD_ID'))).toBe(false);
  } finally {
    rmSync(distDir, { recursive: true, force: true });
  }
});

test('a second server on the same embedded data folder refuses to start, naming the folder and the running process', async () => {
  const first = await startOnPglite({}, { captureLogs: true });
  try {
    const dataDir = first.logs().match(/\[db\] embedded database ready at (\S+)/)?.[1];
    expect(dataDir).toBeTruthy();
    const holder = readFileSync(`${dataDir}.lock.pid`, 'utf8').trim();
    const { code, output } = await startExpectingExit({
      PGLITE_DIR: dataDir!,
      DATABASE_URL: '',
      ALLOW_EMBEDDED_DATABASE: '1',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      SITE_URL: 'http://localhost:3000',
    });
    expect(code).toBe(1);
    expect(output).toContain(`[db] Not starting: The embedded database at ${dataDir} is already open in process ${holder}.`);
    expect([String(first.pid), ...childPids(first.pid)]).toContain(holder);
    // The first server is untouched and still serves its readers.
    expect((await fetch(`${first.baseURL}/api/health`)).status).toBe(200);
  } finally {
    await first.stop();
  }
}, 120_000);

/** The pids of `pid`'s children (next start may serve from a child process). */
function childPids(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}
