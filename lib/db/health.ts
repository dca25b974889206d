import 'server-only';
import { getDb } from '@/lib/db/connection';
import { pendingMigrations, pendingMigrationsMessage } from '@/lib/db/migration-status';
import { logServerError } from '@/lib/http/log';

const TIMEOUT_MS = 3_000;

export type DatabaseHealth = { status: 'ok' } | { status: 'unavailable' } | { status: 'migrations pending'; migrations: string[] };

// Once the database has every migration it cannot lose one: later checks skip the comparison.
const UP_TO_DATE = Symbol.for('papers-review.migrations-up-to-date');
const LOGGED = Symbol.for('papers-review.migrations-pending-logged');
const store = globalThis as typeof globalThis & { [UP_TO_DATE]?: boolean; [LOGGED]?: string };

/**
 * What /api/health reports: the database answers a trivial query in time and
 * has applied every migration of prisma/migrations. A load balancer or uptime
 * check polls this; it must answer fast even when the database hangs.
 */
export async function databaseHealth(requestId: string): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const db = await Promise.race([getDb(), timeout]);
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    if (store[UP_TO_DATE]) return { status: 'ok' };
    const pending = await Promise.race([pendingMigrations(db), timeout]);
    if (pending.length === 0) {
      store[UP_TO_DATE] = true;
      return { status: 'ok' };
    }
    logPendingOnce(pending);
    return { status: 'migrations pending', migrations: pending };
  } catch (error) {
    logServerError('health check: database unreachable', requestId, error);
    return { status: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

/** Says so in the log (once per set of pending migrations, not once per health check). */
export function logPendingOnce(pending: string[]): void {
  const key = pending.join(',');
  if (store[LOGGED] === key) return;
  store[LOGGED] = key;
  console.error(pendingMigrationsMessage(pending));
}
