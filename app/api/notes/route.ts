import { z } from 'zod';
import { assertKnownPaper, json, paperIdSchema, readJson, readQuery, requireUser, route } from '@/lib/http/route';
import { presentNote } from '@/lib/reader/note-view';
import { noteBody } from '@/lib/reader/shared';
import { createNote, listNotesForPaper } from '@/lib/reader/notes';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const user = await requireUser();
  const { paperId } = readQuery(request, z.object({ paperId: paperIdSchema }));
  assertKnownPaper(paperId);
  const notes = await listNotesForPaper(user.id, paperId);
  return json({ notes: await Promise.all(notes.map(presentNote)) });
});

export const POST = route(async (request) => {
  const user = await requireUser();
  const { paperId, body } = await readJson(request, z.object({ paperId: paperIdSchema, body: noteBody }).strict());
  assertKnownPaper(paperId);
  return json({ note: await presentNote(await createNote(user.id, paperId, body)) }, { status: 201 });
});
