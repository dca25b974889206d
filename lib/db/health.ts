import 'server-only';
import { getDb } from '@/lib/db/connection';
import { logServerError } from '@/lib/http/log';

const TIMEOUT_MS = 3_000;

/**
 * True when the database answers a trivial query in time. A load balancer or
 * uptime check polls this; it must answer fast even when the database hangs.
 */
export async function databaseIsReachable(requestId: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const db = await Promise.race([getDb(), timeout]);
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch (error) {
    logServerError('health check: database unreachable', requestId, error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
