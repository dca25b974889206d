import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson, readQuery } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema, noteBodySchema, noteCursorSchema, paperIdSchema } from '@/lib/reader/shared';
import { assertKnownPaper } from '@/lib/content/index/catalog';
import { presentNote } from '@/lib/reader/note-markdown';
import { createNote, listNotesForPaper } from '@/lib/reader/notes';

/**
 * GET /api/notes?paperId=…[&before=<earlier>]: the newest page of the reader's
 * notes on a paper (oldest first within it); `earlier` fetches the page before.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { paperId, before } = readQuery(request, z.object({ paperId: paperIdSchema, before: noteCursorSchema.optional() }));
  assertKnownPaper(paperId);
  const { notes, earlier } = await listNotesForPaper(user.id, paperId, { before });
  return json({ notes: await Promise.all(notes.map(presentNote)), earlier });
});

/** The optional Idempotency-Key header: a retry with the same key gets the first attempt's note (201 both times). */
function idempotencyKeyOf(request: Request): string | undefined {
  const header = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (header === null) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Invalid Idempotency-Key.');
  return parsed.data;
}

export const POST = route(async (request) => {
  const user = await requireUser();
  const idempotencyKey = idempotencyKeyOf(request);
  const { paperId, body } = await readJson(request, z.object({ paperId: paperIdSchema, body: noteBodySchema }).strict());
  assertKnownPaper(paperId);
  return json({ note: await presentNote(await createNote(user.id, paperId, body, idempotencyKey)) }, { status: 201 });
});
