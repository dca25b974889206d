import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

test('a production server with a bad NEXTAUTH_SECRET refuses to start and says why', async () => {
  // A non-empty value wins over any .env.local, so the check sees exactly this.
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', '0', '-H', '127.0.0.1'], {
    env: { ...process.env, NEXTAUTH_SECRET: 'too-short', NEXT_TELEMETRY_DISABLED: '1' },
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
  expect(code).toBe(1);
  expect(output).toContain('Invalid configuration (see .env.example):\n  - NEXTAUTH_SECRET: must be at least 32 characters');
});
