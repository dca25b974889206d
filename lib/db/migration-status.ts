import type { PrismaClient } from '@/lib/generated/prisma/client';
import { readMigrationFiles } from '@/lib/db/migration-files';

/** What a deployer runs when the database is behind prisma/migrations. */
export const MIGRATE_COMMAND = 'npm run db:migrate';

/**
 * The migrations of prisma/migrations that the database has not applied, in
 * order ([] when it is up to date). A database that was never migrated has
 * them all pending. Reads only: applying is `npm run db:migrate`'s job.
 */
export async function pendingMigrations(db: PrismaClient, migrationsDir?: string): Promise<string[]> {
  const files = readMigrationFiles(migrationsDir);
  // Unqualified, so it resolves in the configured schema (search_path) as the app's tables do.
  const [table] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return files.map((file) => file.name);
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  return files.filter((file) => !applied.has(file.name)).map((file) => file.name);
}

/** The log line a deployer sees: which migrations, and the command that applies them. */
export function pendingMigrationsMessage(pending: string[]): string {
  return (
    `[db] The database is behind prisma/migrations: ${pending.length} migration${pending.length === 1 ? '' : 's'} pending ` +
    `(${pending.join(', ')}). Readers' requests fail until you run \`${MIGRATE_COMMAND}\` with this DATABASE_URL; /api/health answers 503 meanwhile.`
  );
}
