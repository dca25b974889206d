import { databaseIsReachable } from '@/lib/db/health';
import { json } from '@/lib/http/route';
import { requestIdOf } from '@/lib/http/log';

/** For uptime checks: 200 when the app can reach its database, 503 otherwise. Details go to the log only. */
export async function GET(request: Request): Promise<Response> {
  const ok = await databaseIsReachable(requestIdOf(request.headers));
  return json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503 });
}
