import 'server-only';
import type { z } from 'zod';
import { HttpError } from '@/lib/http/errors';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '@/lib/reader/shared';

// A 20,000-character note is at most ~120 KB of JSON (escaped control characters); leave room above that.
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Deeper JSON than this is refused before parsing. Nothing this app reads
 * nests more than 4 levels (an export file); 10 MB of `[[[[…` would otherwise
 * keep JSON.parse and the validation after it busy for seconds, and every
 * other request waiting.
 */
export const MAX_JSON_DEPTH = 32;

type BodyOptions = {
  /** Refuse bodies larger than this many bytes (413). */
  maxBytes?: number;
  /** What the body is, for messages: "Request body" or "The file". */
  what?: string;
};

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * The body as UTF-8 text, counting bytes as they arrive: Content-Length can
 * be absent (a chunked upload) or wrong, so it is only used to refuse early.
 */
async function readText(request: Request, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () => new HttpError(413, `${what} is larger than ${formatBytes(maxBytes)}.`);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away mid-upload; nothing to store, nothing to log.
    throw new HttpError(400, `${what} could not be read.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new HttpError(400, `${what} is not UTF-8 text.`);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit`: one pass
 * over the characters, brackets inside strings not counted, stopping at the
 * first level too deep. Malformed text is left for JSON.parse to report.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Reads and validates a JSON body: 415 for other types, 413 when too large, 400 for nesting too deep, bad JSON or shape. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>, options: BodyOptions = {}): Promise<T> {
  const { maxBytes = MAX_BODY_BYTES, what = 'Request body' } = options;
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new HttpError(415, `Send ${what.toLowerCase()} as application/json.`);
  const text = await readText(request, maxBytes, what);
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    throw new HttpError(400, `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, `${what} is not valid JSON.`);
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

/** The optional Idempotency-Key header of a create (POST /api/notes, /api/highlights): a retry with the same key gets the first attempt's row. */
export function readIdempotencyKey(request: Request): string | undefined {
  const header = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (header === null) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Invalid Idempotency-Key.');
  return parsed.data;
}
