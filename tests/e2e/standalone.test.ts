import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIndex } from '@/lib/content/index/content-index';
import { readMigrationFiles } from '@/lib/db/migration-files';
import { Reader } from '@/tests/e2e/client';
import { freshSchema, startOnPglite, startOnPostgresUrl, type LoggedApp } from '@/tests/support/server';

/**
 * Self-hosting (README "Self-hosting"): the suite's one build has
 * `output: 'standalone'`. As Next's docs say, `.next/static` and `public` are
 * copied next to `.next/standalone`, and `node server.js` serves the app with
 * nothing else: the copy lives outside the repository, so no module can
 * quietly come from the repository's node_modules.
 */
const paper = buildIndex(undefined, undefined, { drafts: false }).papers[0]!;
let root: string;
let server: string;

beforeAll(() => {
  expect(existsSync('.next/standalone/server.js'), 'the build has no .next/standalone/server.js').toBe(true);
  root = mkdtempSync(path.join(tmpdir(), 'standalone-'));
  const app = path.join(root, 'app');
  cpSync('.next/standalone', app, { recursive: true });
  cpSync('.next/static', path.join(app, '.next', 'static'), { recursive: true });
  if (existsSync('public')) cpSync('public', path.join(app, 'public'), { recursive: true });
  server = path.join(app, 'server.js');
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** What a reader does first: sign up, sign in, bookmark a paper, and see it kept. */
async function signInAndBookmark(app: LoggedApp) {
  const reader = await new Reader(app.baseURL).signUp();
  const set = await reader.json('PUT', '/api/bookmarks', { paperId: paper.paperId, bookmarked: true });
  expect(set.status).toBe(200);
  const list = await reader.json<{ items: { paperId: string }[] }>('GET', '/api/bookmarks');
  expect(list.status).toBe(200);
  expect(list.data.items.map((item) => item.paperId)).toEqual([paper.paperId]);
  // A page and its static assets come from the copied folders.
  const home = await fetch(`${app.baseURL}/`);
  expect(home.status).toBe(200);
  const asset = (await home.text()).match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset).toBeTruthy();
  expect((await fetch(`${app.baseURL}${asset}`)).status).toBe(200);
}

describe('the standalone server on the embedded database', () => {
  let app: LoggedApp;
  afterAll(async () => {
    await app?.stop();
  });

  test('migrates at startup, answers its first health check with 200, and serves a signed-in reader', async () => {
    app = await startOnPglite({}, { captureLogs: true, standaloneServer: server });
    const health = await fetch(`${app.baseURL}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(app.logs()).toContain('[db] embedded database ready at ');
    await signInAndBookmark(app);
  }, 180_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('the standalone server on PostgreSQL', () => {
  test('serves a signed-in reader on a migrated database', async () => {
    const { url, drop } = await freshSchema(process.env.TEST_DATABASE_URL!);
    const app = await startOnPostgresUrl(url, drop, {}, { standaloneServer: server });
    try {
      expect((await fetch(`${app.baseURL}/api/health`)).status).toBe(200);
      await signInAndBookmark(app);
    } finally {
      await app.stop();
    }
  }, 180_000);

  test('on a database that was never migrated, /api/health is 503 "migrations pending" with their names, and the log says what to run', async () => {
    const { url, drop } = await freshSchema(process.env.TEST_DATABASE_URL!, { migrate: false });
    const app = await startOnPostgresUrl(url, drop, {}, { standaloneServer: server });
    try {
      const names = readMigrationFiles().map((file) => file.name);
      const health = await fetch(`${app.baseURL}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'migrations pending', migrations: names });
      await expect.poll(() => app.logs()).toContain(`[db] The database is behind prisma/migrations: ${names.length} migrations pending (`);
      expect(app.logs()).toContain('run `npm run db:migrate` with this DATABASE_URL');
      expect(app.logs()).not.toContain('db-password');
      expect(readFileSync(path.join(path.dirname(server), 'prisma', 'migrations', names[0]!, 'migration.sql'), 'utf8')).toContain('CREATE');
    } finally {
      await app.stop();
    }
  }, 180_000);
});
