import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { readJson } from '@/lib/http/body';
import { json, route } from '@/lib/http/route';
import { importReaderData, parseReaderExport } from '@/lib/reader/export/reader-data';
import { MAX_IMPORT_BYTES } from '@/lib/reader/shared';

/** POST /api/import: restores a JSON export (GET /api/export?format=json), all or nothing. */
export const POST = route(async (request) => {
  const user = await requireUser();
  // The shape is checked by parseReaderExport, whose messages name the export's fields.
  const data = await readJson(request, z.unknown(), { maxBytes: MAX_IMPORT_BYTES, what: 'The import file' });
  return json({ imported: await importReaderData(user.id, parseReaderExport(data)) });
});
