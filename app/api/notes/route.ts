import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson, readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { paperIdSchema } from '@/lib/reader/shared';
import { assertKnownPaper } from '@/lib/content/index/catalog';
import { presentNote } from '@/lib/reader/note-markdown';
import { noteBodySchema } from '@/lib/reader/shared';
import { createNote, listNotesForPaper } from '@/lib/reader/notes';

export const GET = route(async (request) => {
  const user = await requireUser();
  const { paperId } = readQuery(request, z.object({ paperId: paperIdSchema }));
  assertKnownPaper(paperId);
  const notes = await listNotesForPaper(user.id, paperId);
  return json({ notes: await Promise.all(notes.map(presentNote)) });
});

export const POST = route(async (request) => {
  const user = await requireUser();
  const { paperId, body } = await readJson(request, z.object({ paperId: paperIdSchema, body: noteBodySchema }).strict());
  assertKnownPaper(paperId);
  return json({ note: await presentNote(await createNote(user.id, paperId, body)) }, { status: 201 });
});
