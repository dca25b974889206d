import { importReaderData, ImportValidationError, parseReaderExport, UnknownPapersError } from '@/lib/reader/export/reader-data';
import { HttpError, json, requireUser, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// lib/http's readJson stops at 256 KB (one note); an export of thousands of
// notes is megabytes. 20 MB holds ~1,000 notes at the 20,000-character limit.
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const tooLarge = () => new HttpError(413, `Import file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);

/**
 * The body as text, counting bytes as they arrive: Content-Length can be
 * absent (chunked upload) or wrong, so it is only used to refuse early.
 */
async function readLimitedBody(request: Request): Promise<string> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new HttpError(415, 'Send the export file as application/json.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
  if (!request.body) throw new HttpError(400, 'The request has no body: send the export file.');
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_IMPORT_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away mid-upload; nothing to store, nothing to log.
    throw new HttpError(400, 'Request body could not be read.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new HttpError(400, 'The file is not UTF-8 text.');
  }
}

/** POST /api/import: restores a JSON export (GET /api/export?format=json), all or nothing. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const text = await readLimitedBody(request);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The file is not valid JSON.');
  }
  try {
    const imported = await importReaderData(user.id, parseReaderExport(data));
    return json({ imported });
  } catch (error) {
    if (error instanceof ImportValidationError || error instanceof UnknownPapersError) throw new HttpError(400, error.message);
    throw error;
  }
});
