import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { noteBodySchema, noteIdSchema } from '@/lib/reader/shared';
import { presentNote } from '@/lib/reader/note-markdown';
import { deleteNote, updateNote } from '@/lib/reader/notes';

type Context = { params: Promise<{ id: string }> };

/** Checked by shape before anything else: a NUL or a stray `%` in the URL never reaches a query. */
async function idOf(context: Context): Promise<string> {
  const parsed = noteIdSchema.safeParse((await context.params).id);
  if (!parsed.success) throw new HttpError(400, 'Invalid note id.');
  return parsed.data;
}

export const PATCH = route(async (request, context: Context) => {
  const user = await requireUser();
  const id = await idOf(context);
  const { body } = await readJson(request, z.object({ body: noteBodySchema }).strict());
  const note = await updateNote(user.id, id, body);
  if (!note) throw new HttpError(404, 'Note not found.');
  return json({ note: await presentNote(note) });
});

export const DELETE = route(async (_request, context: Context) => {
  const user = await requireUser();
  if (!(await deleteNote(user.id, await idOf(context)))) throw new HttpError(404, 'Note not found.');
  return json({ deleted: true });
});
