import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildIndex } from '../../lib/content/index';
import { freePort } from '../support/server';
import { cspViolations, recordCspViolations, useBrowser, waitForHydration } from './browser';

const browser = useBrowser();
const review = buildIndex(undefined, undefined, { drafts: true }).reviews.find((r) => !r.draft)!;

// The README's quick start is `npm run dev`: under the development policy
// (nonce on every page, eval for React's tooling) a review page must still
// hydrate with no CSP violation. Next's dev server builds into .next/dev, so
// it leaves the suite's production build alone.
test('npm run dev serves a review that hydrates under the development CSP', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-pglite-'));
  const server = spawn(path.resolve('node_modules/.bin/next'), ['dev', '-p', String(port), '-H', 'localhost'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', NEXT_TELEMETRY_DISABLED: '1', PGLITE_DIR: path.join(dir, 'db'), DATABASE_URL: '', NEXTAUTH_SECRET: randomBytes(32).toString('base64url') },
  });
  let logs = '';
  server.stdout.on('data', (chunk) => (logs += chunk));
  server.stderr.on('data', (chunk) => (logs += chunk));
  const baseURL = `http://localhost:${port}`;
  try {
    await expect.poll(() => logs, { timeout: 60_000 }).toMatch(/Ready in/);
    const response = await fetch(`${baseURL}${review.url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+' 'unsafe-eval'/);

    const context = await browser().newContext({ baseURL });
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(review.url);
    await expect.poll(() => page.locator('button[data-bookmark]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await waitForHydration(page);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    rmSync(dir, { recursive: true, force: true });
  }
});
