import { randomUUID } from 'node:crypto';
import { checksumMatches, readMigrationFiles, type MigrationFile } from '@/lib/db/migration-files';
import type { SqlDatabase, SqlSession } from '@/lib/db/sql';

export interface MigrateOptions {
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** Called once per migration as it is applied. */
  onApplied?: (name: string) => void;
}

export interface MigrateResult {
  /** Applied by this run, in order. */
  applied: string[];
  /** Already recorded as applied before this run. */
  alreadyApplied: string[];
}

// The id Prisma Migrate itself locks with (schema-engine's postgres flavour),
// so this migrator and `prisma migrate deploy` also exclude each other.
const PRISMA_ADVISORY_LOCK_ID = 72707369;
const LOCK_WAIT_MS = 60_000;

// Prisma's own DDL for the history table (schema-engine postgres flavour,
// create_migrations_table), so `prisma migrate status/deploy` read our rows.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies the pending migrations of prisma/migrations, like `prisma migrate
 * deploy` but through the app's own driver (the schema engine cannot be
 * downloaded here, and PGlite has no server for it to talk to anyway).
 * Each migration and its history row commit together, or not at all.
 */
export async function applyMigrations(db: SqlDatabase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const files = readMigrationFiles(options.migrationsDir);
  return db.withSession(async (session) => {
    await lock(session);
    try {
      if (db.schema) await session.exec(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
      const history = await readHistory(session);
      const pending = planMigrations(files, history);
      for (const migration of pending) {
        await applyOne(session, migration);
        options.onApplied?.(migration.name);
      }
      return {
        applied: pending.map((m) => m.name),
        alreadyApplied: files.filter((f) => !pending.includes(f)).map((f) => f.name),
      };
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_ID]);
    }
  });
}

// Polls instead of blocking in pg_advisory_lock so a stuck migrator elsewhere
// ends in a clear error rather than a hang.
async function lock(session: SqlSession): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const [row] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PRISMA_ADVISORY_LOCK_ID]);
    if (row?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Another migration has held the database's migration lock for ${LOCK_WAIT_MS / 1000}s; try again when it has finished.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function readHistory(session: SqlSession): Promise<HistoryRow[]> {
  const tables = await session.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  if (!tables.some((t) => t.table_name === '_prisma_migrations')) {
    // Same rule as Prisma (P3005): tables without a history means the schema
    // was made some other way, and replaying migrations on it would clash.
    if (tables.length > 0) {
      throw new Error(
        `The database schema is not empty (${tables.map((t) => t.table_name).join(', ')}) but has no _prisma_migrations table, ` +
          'so it was not created by these migrations. Baseline it (prisma migrate resolve --applied) or use an empty database.',
      );
    }
    await session.exec(CREATE_MIGRATIONS_TABLE);
    return [];
  }
  return session.query<HistoryRow>(
    'SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
  );
}

/** Decides what to apply, refusing histories that Prisma would refuse too. */
export function planMigrations(files: MigrationFile[], history: HistoryRow[]): MigrationFile[] {
  const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} started but never finished (see _prisma_migrations.logs). ` +
        'Fix the database by hand, then mark it with `prisma migrate resolve --applied` or `--rolled-back`.',
    );
  }
  const applied = new Map(
    history.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]),
  );
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const row = applied.get(file.name);
    if (!row) {
      pending.push(file);
    } else if (!checksumMatches(file.script, row.checksum)) {
      throw new Error(
        `Migration ${file.name} was modified after it was applied (checksum ${file.checksum} in prisma/migrations, ` +
          `${row.checksum} in the database). Applied migrations must not change: restore the file and put the change in a new migration.`,
      );
    }
  }
  return pending;
}

async function applyOne(session: SqlSession, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await session.exec('BEGIN');
  try {
    // The same row Prisma leaves after a successful `migrate deploy` step.
    await session.query('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
      id,
      migration.checksum,
      migration.name,
    ]);
    await session.exec(migration.script);
    await session.query(
      'UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1',
      [id],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}
