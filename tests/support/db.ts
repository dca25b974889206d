import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { PrismaClient } from '@/lib/db/connection';
import { useAppTestDb } from '@/tests/support/app-db';
import { createPrismaClient } from '@/lib/db/client';
import { splitSchemaParam } from '@/lib/db/config';
import { applyMigrations, type MigrateOptions } from '@/lib/db/migrate';
import { openSql, type SqlDatabase } from '@/lib/db/sql';

/**
 * Data tests run on the embedded PGlite always, and once more on a real
 * PostgreSQL when TEST_DATABASE_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/test).
 */
export type BackendName = 'pglite' | 'postgres';

export const backends: readonly BackendName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  backend: BackendName;
  /** Prisma client on this database (same driver setup as the app's getDb()). */
  db: PrismaClient;
  /** Raw access to the same database; unqualified names resolve to its fresh schema. */
  sql: SqlDatabase;
  /** Drops the schema (PostgreSQL) or the in-memory database (PGlite). */
  close(): Promise<void>;
}

export interface TestDbOptions {
  /** Apply prisma/migrations first (default true). False gives an empty database. */
  migrate?: boolean;
  migrationsDir?: MigrateOptions['migrationsDir'];
}

// PGlite start-up plus migrations can take several seconds on a busy 2-core machine.
const SETUP_TIMEOUT_MS = 60_000;

/**
 * A fresh database for one backend: a new in-memory PGlite, or a new
 * `test_<random>` schema in TEST_DATABASE_URL's database (so runs never see
 * each other's rows, nor the app's own data).
 */
export async function createTestDb(backend: BackendName, options: TestDbOptions = {}): Promise<TestDb> {
  const sql = await openBackend(backend);
  try {
    if (sql.schema) await sql.withSession((s) => s.exec(`CREATE SCHEMA "${sql.schema}"`));
    if (options.migrate ?? true) await applyMigrations(sql, { migrationsDir: options.migrationsDir });
    const db = await createPrismaClient(sql);
    return {
      backend,
      db,
      sql,
      async close() {
        await db.$disconnect();
        await dropAndClose(sql);
      },
    };
  } catch (error) {
    await dropAndClose(sql);
    throw error;
  }
}

/** Runs fn against a fresh database and always cleans up after. */
export async function withTestDb<T>(backend: BackendName, fn: (t: TestDb) => Promise<T>, options?: TestDbOptions): Promise<T> {
  const t = await createTestDb(backend, options);
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

/**
 * `describe` once per backend, with one fresh migrated database shared by the
 * block's tests (made in beforeAll, dropped in afterAll):
 *
 *   describeEachBackend('bookmarks', (getDb) => {
 *     test('…', async () => { const { db } = getDb(); … });
 *   });
 */
export function describeEachBackend(
  name: string,
  fn: (getTestDb: () => TestDb, backend: BackendName) => void,
  options?: TestDbOptions,
): void {
  for (const backend of backends) {
    describe(`${name} [${backend}]`, () => {
      let current: TestDb | undefined;
      beforeAll(async () => {
        current = await createTestDb(backend, options);
        // The app's data modules (getDb) use this block's database while it runs.
        useAppTestDb(current.db);
      }, SETUP_TIMEOUT_MS);
      afterAll(async () => {
        useAppTestDb(undefined);
        await current?.close();
      }, SETUP_TIMEOUT_MS);
      fn(() => {
        if (!current) throw new Error(`The ${backend} test database is not ready (did beforeAll fail?)`);
        return current;
      }, backend);
    });
  }
}

function openBackend(backend: BackendName): Promise<SqlDatabase> {
  if (backend === 'pglite') return openSql({ kind: 'pglite', dataDir: 'memory://' });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const { connectionString } = splitSchemaParam(url);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return openSql({ kind: 'postgres', connectionString, schema });
}

async function dropAndClose(sql: SqlDatabase): Promise<void> {
  try {
    if (sql.schema) await sql.withSession((s) => s.exec(`DROP SCHEMA IF EXISTS "${sql.schema}" CASCADE`));
  } finally {
    await sql.close();
  }
}

/**
 * A function that creates a fresh reader (`<prefix>-<n>@example.com`) in the
 * block's database and returns its id; each data suite makes its own.
 */
export function userFactory(getTestDb: () => TestDb, prefix: string): () => Promise<string> {
  let n = 0;
  return async () => (await getTestDb().db.user.create({ data: { email: `${prefix}-${++n}@example.com` } })).id;
}
