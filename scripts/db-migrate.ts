// `npm run db:migrate`: applies pending prisma/migrations to the app's
// database (DATABASE_URL, or the embedded PGlite folder) with the app's own
// driver, recording them in _prisma_migrations exactly like `prisma migrate deploy`.
import { resolveDbConfig } from '@/lib/db/config';
import { applyMigrations } from '@/lib/db/migrate';
import { openSql } from '@/lib/db/sql';

async function main(): Promise<void> {
  // Poolers (Neon, Supabase) hand out a pooled DATABASE_URL that cannot hold the
  // advisory lock across a migration; DIRECT_URL is the unpooled one.
  const config = resolveDbConfig({ ...process.env, DATABASE_URL: process.env.DIRECT_URL || process.env.DATABASE_URL });
  const target = config.kind === 'postgres' ? describeUrl(config.connectionString, config.schema) : `PGlite at ${config.dataDir}`;
  console.log(`Migrating ${target}`);
  // A migration may rewrite a big table: no statement timeout here (the app's
  // DB_STATEMENT_TIMEOUT_MS is for readers' requests). The lock timeout stays:
  // a migration that cannot get its lock fails rather than stall the app behind it.
  const db = await openSql(
    config.kind === 'postgres' ? { ...config, timeouts: { ...config.timeouts!, DB_STATEMENT_TIMEOUT_MS: 0 } } : config,
  );
  try {
    const { applied, alreadyApplied } = await applyMigrations(db, {
      onApplied: (name) => console.log(`  applied ${name}`),
    });
    console.log(
      applied.length === 0
        ? `Up to date: ${alreadyApplied.length} migration(s) already applied.`
        : `Applied ${applied.length} migration(s); ${alreadyApplied.length} were already applied.`,
    );
  } finally {
    await db.close();
  }
}

// Never print the password.
function describeUrl(connectionString: string, schema: string | undefined): string {
  const url = new URL(connectionString);
  url.password = url.password ? '***' : '';
  url.search = '';
  return `PostgreSQL ${url.toString()}${schema ? ` (schema ${schema})` : ''}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
