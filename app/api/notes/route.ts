import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readIdempotencyKey, readJson, readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { noteBodySchema, noteCursorSchema, paperIdSchema } from '@/lib/reader/shared';
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

export const POST = route(async (request) => {
  const user = await requireUser();
  // A retry with the same Idempotency-Key gets the first attempt's note (201 both times).
  const idempotencyKey = readIdempotencyKey(request);
  const { paperId, body } = await readJson(request, z.object({ paperId: paperIdSchema, body: noteBodySchema }).strict());
  assertKnownPaper(paperId);
  return json({ note: await presentNote(await createNote(user.id, paperId, body, idempotencyKey)) }, { status: 201 });
});
