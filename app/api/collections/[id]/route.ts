import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { deleteCollection, renameCollection } from '@/lib/reader/collections';
import { COLLECTION_NOT_FOUND_MESSAGE, collectionIdSchema, collectionNameSchema } from '@/lib/reader/shared';

type Context = { params: Promise<{ id: string }> };

/** Checked by shape before anything else: a NUL or a stray `%` in the URL never reaches a query. */
async function collectionIdOf(context: Context): Promise<string> {
  const parsed = collectionIdSchema.safeParse((await context.params).id);
  if (!parsed.success) throw new HttpError(400, 'Invalid collection id.');
  return parsed.data;
}

/** PATCH /api/collections/:id {name}: renames it; 404 for a collection that is not the reader's. */
export const PATCH = route(async (request, context: Context) => {
  const user = await requireUser();
  const id = await collectionIdOf(context);
  const { name } = await readJson(request, z.object({ name: collectionNameSchema }).strict());
  const collection = await renameCollection(user.id, id, name);
  if (!collection) throw new HttpError(404, COLLECTION_NOT_FOUND_MESSAGE);
  return json({ collection });
});

/** DELETE /api/collections/:id: the collection and its list go; the papers' bookmarks, statuses and notes stay. */
export const DELETE = route(async (_request, context: Context) => {
  const user = await requireUser();
  if (!(await deleteCollection(user.id, await collectionIdOf(context)))) throw new HttpError(404, COLLECTION_NOT_FOUND_MESSAGE);
  return json({ deleted: true });
});
