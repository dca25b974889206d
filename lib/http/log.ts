/**
 * Server error logging that is safe to ship to a log drain: one line per
 * failure with the request id, never the request's cookies or body, and never
 * a message that can echo stored data back (Prisma puts the query's arguments,
 * note text included, into its messages; driver errors can carry the URL).
 */
import { headerValue, type AnyHeaders } from '@/lib/http/headers';

const ECHOES_ARGUMENTS = /^PrismaClient\w*Error$/;
const CREDENTIAL_URL = /\b(postgres(?:ql)?|https?):\/\/[^\s'"]*@[^\s'"]*/gi;
const MAX_MESSAGE = 300;

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const parts = [error.name];
  if (typeof code === 'string' || typeof code === 'number') parts.push(`code=${code}`);
  if (!ECHOES_ARGUMENTS.test(error.name) && error.message) {
    const message = error.message.replace(CREDENTIAL_URL, '$1://[redacted]').replace(/\s+/g, ' ');
    parts.push(JSON.stringify(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message));
  }
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 4)
    .map((line) => line.trim());
  if (frames?.length) parts.push(`[${frames.join(' | ')}]`);
  return parts.join(' ');
}

/**
 * The id the proxy gave this request (also sent back as `x-request-id`). The
 * proxy does not run in front of prerendered pages, so a failure there (a
 * /docs/ path rendered on demand) is logged under Vercel's own request id
 * (`x-vercel-id`, which Vercel sends back too), or else a fresh one.
 */
export function requestIdOf(headers: AnyHeaders): string {
  const id = headerValue(headers, 'x-request-id');
  if (id && /^[\w-]{1,64}$/.test(id)) return id;
  const vercel = headerValue(headers, 'x-vercel-id');
  if (vercel && /^[\w:-]{1,128}$/.test(vercel)) return vercel;
  return crypto.randomUUID();
}

export function logServerError(where: string, requestId: string, error: unknown): void {
  console.error(`[error] request=${requestId} ${where}: ${describeError(error)}`);
}
