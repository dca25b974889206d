// What a server does with its database before it reports ready (instrumentation.ts).
import { resolveDbConfig } from '@/lib/db/config';
import { getDb } from '@/lib/db/connection';
import { pendingMigrations, pendingMigrationsMessage } from '@/lib/db/migration-status';

/**
 * The embedded database is opened (and migrated) now, before the first
 * request: its first open blocks the event loop for seconds, which used to
 * land on the first health check. A folder another server holds stops this
 * one from starting, with that server's pid in the message.
 *
 * PostgreSQL is migrated as a deploy step; the server only checks, in the
 * background (a slow database must not hold up the start), and logs the
 * command to run when migrations are pending.
 */
export async function prepareDatabase(): Promise<void> {
  const config = resolveDbConfig();
  if (config.kind === 'pglite') {
    try {
      await getDb();
    } catch (error) {
      console.error(`[db] Not starting: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    console.info(`[db] embedded database ready at ${config.dataDir}`);
    return;
  }
  void getDb()
    .then((db) => pendingMigrations(db))
    .then((pending) => {
      if (pending.length > 0) console.error(pendingMigrationsMessage(pending));
    })
    .catch(() => {
      // Unreachable: every request (and /api/health) says so and logs why.
    });
}
