// The app's one database client. Server-side only by convention: it is not
// marked 'server-only' because scripts (npm run db:migrate) import it too.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createPrismaClient } from '@/lib/db/client';
import { resolveDbConfig } from '@/lib/db/config';
import { applyMigrations } from '@/lib/db/migrate';
import { openSql, type SqlDatabase } from '@/lib/db/sql';

export type { PrismaClient };

interface OpenDb {
  client: PrismaClient;
  sql: SqlDatabase;
}

// Memoized on globalThis, not in a module variable: Next's dev server
// re-evaluates modules on every edit, and a second client would open the
// PGlite folder twice.
const KEY = Symbol.for('papers-review.db');
type GlobalWithDb = typeof globalThis & { [KEY]?: Promise<OpenDb> };
const store = globalThis as GlobalWithDb;

/**
 * The Prisma client, created on first call (never at import: `next build`
 * imports route modules and must not open a database).
 * DATABASE_URL set → PostgreSQL through @prisma/adapter-pg (migrations are a
 * deploy step: `npm run db:migrate`). Otherwise → embedded PGlite in
 * PGLITE_DIR (default .data/pglite), migrated automatically on open.
 */
export function getDb(): Promise<PrismaClient> {
  store[KEY] ??= openDb().catch((error: unknown) => {
    // Forget the failure so a later call can retry (e.g. once the other process holding PGlite stopped).
    delete store[KEY];
    throw error;
  });
  return store[KEY].then((db) => db.client);
}

/** Disconnects and releases the PGlite folder; the next getDb() opens afresh. */
export async function closeDb(): Promise<void> {
  const pending = store[KEY];
  if (!pending) return;
  delete store[KEY];
  const db = await pending.catch(() => undefined);
  if (!db) return;
  try {
    await db.client.$disconnect();
  } finally {
    await db.sql.close();
  }
}

async function openDb(): Promise<OpenDb> {
  const config = resolveDbConfig();
  const sql = await openSql(config);
  try {
    if (config.kind === 'pglite') {
      const { applied } = await applyMigrations(sql);
      if (applied.length > 0) console.info(`[db] applied migrations to ${config.dataDir}: ${applied.join(', ')}`);
    }
    return { client: await createPrismaClient(sql), sql };
  } catch (error) {
    await sql.close();
    throw error;
  }
}
