import { databaseHealth } from '@/lib/db/health';
import { json } from '@/lib/http/route';
import { requestIdOf } from '@/lib/http/log';

/**
 * For uptime checks: 200 when the app can reach its database and the database
 * has every migration; 503 otherwise ("unavailable", details in the log only;
 * or "migrations pending" with their names, which are in the repository anyway).
 */
export async function GET(request: Request): Promise<Response> {
  const health = await databaseHealth(requestIdOf(request.headers));
  return json(health, { status: health.status === 'ok' ? 200 : 503 });
}
