import 'server-only';
import { databaseUnavailable } from '@/lib/db/errors';
import { HttpError } from '@/lib/http/errors';
import { nextTurn } from '@/lib/http/fair-turns';
import { logServerError, requestIdOf } from '@/lib/http/log';

/** Reader data is never stored by a shared cache. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Cache-Control', 'private, no-store');
  return Response.json(data, { ...init, headers });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Route handlers get no CSRF protection from Next (server actions do): a
 * mutation must come from a page of this site, as the browser's Origin says.
 */
export function assertSameOrigin(request: Request): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) throw new HttpError(403, 'Cross-site request refused: missing Origin header.');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'Cross-site request refused: malformed Origin header.');
  }
  if (originHost !== host) throw new HttpError(403, 'Cross-site request refused: Origin does not match this site.');
}

/** Prisma's "foreign key constraint failed": a still-valid session for an account deleted meanwhile. */
function isDeletedAccountWrite(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2003';
}

/** What a reader is told when the database is down or silent (lib/db/errors.ts); the log line says which. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is not answering right now, so nothing was read or saved. Please try again in a minute.';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: same-origin check for mutations, its turn
 * (lib/http/fair-turns.ts), expected errors
 * (HttpError and the domain errors that extend it) as JSON with their status,
 * a logged 503 when the database is down or silent, and a logged 500 only for real bugs.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      // Under load, one handler per event-loop turn: new connections are then accepted as fast as requests are served.
      await nextTurn();
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return json({ error: error.message }, { status: error.status });
      if (isDeletedAccountWrite(error)) return json({ error: 'Your account no longer exists. Sign in again.' }, { status: 401 });
      const where = `${request.method} ${new URL(request.url).pathname}`;
      if (databaseUnavailable(error)) {
        logServerError(`${where}: database unavailable`, requestIdOf(request.headers), error);
        return json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { 'Retry-After': '30' } });
      }
      logServerError(where, requestIdOf(request.headers), error);
      return json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
    }
  };
}
