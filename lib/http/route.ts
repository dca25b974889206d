import 'server-only';
import { z } from 'zod';
import { currentUser } from '@/lib/auth/options';
import { paperCatalog } from '@/lib/content/index/catalog';
import { logServerError, requestIdOf } from '@/lib/http/log';

/** An expected failure with the status and message the client should see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

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

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

// A 20,000-character note is at most ~120 KB of JSON (escaped control characters); leave room above that.
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads and validates a JSON body: 415 for other types, 413 when too large, 400 for bad JSON or shape. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new HttpError(415, 'Send the request body as application/json.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The client went away mid-upload; nothing to store, nothing to log.
    throw new HttpError(400, 'Request body could not be read.');
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new HttpError(400, `Invalid request: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Validates query parameters the same way. */
export function readQuery<T>(request: Request, schema: z.ZodType<T>): T {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new HttpError(400, `Invalid query: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export async function requireUser(): Promise<{ id: string; email: string | null; name: string | null }> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, 'Sign in to do this.');
  return user;
}

/** Paper ids come from the content index; anything else is refused by name. */
export const paperIdSchema = z.string().trim().min(1, 'paperId is required').max(300, 'paperId is too long');

export function assertKnownPaper(paperId: string): void {
  if (!paperCatalog().has(paperId)) throw new HttpError(404, `Unknown paper "${paperId}": it is not in any review.`);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: same-origin check for mutations, expected errors as
 * JSON with their status, and a logged 500 only for real bugs.
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return json({ error: error.message }, { status: error.status });
      const mapped = mapDomainError(error);
      if (mapped) return json({ error: mapped.message }, { status: mapped.status });
      logServerError(`${request.method} ${new URL(request.url).pathname}`, requestIdOf(request.headers), error);
      return json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
    }
  };
}

function mapDomainError(error: unknown): { status: number; message: string } | null {
  if (!(error instanceof Error)) return null;
  // A still-valid JWT for an account deleted meanwhile: writes hit the user foreign key.
  if ((error as { code?: string }).code === 'P2003') return { status: 401, message: 'Your account no longer exists. Sign in again.' };
  switch (error.name) {
    case 'NoteTooLongError':
      return { status: 413, message: error.message };
    case 'EmptyNoteError':
      return { status: 400, message: error.message || 'A note cannot be empty.' };
    case 'EmailTakenError':
      return { status: 409, message: error.message };
    default:
      return null;
  }
}
