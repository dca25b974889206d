import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { assertKnownPaper } from '@/lib/content/index/catalog';
import { setCollectionPaper } from '@/lib/reader/collections';
import { COLLECTION_NOT_FOUND_MESSAGE, collectionIdSchema, paperIdSchema } from '@/lib/reader/shared';

type Context = { params: Promise<{ id: string }> };

const setBody = z.object({ paperId: paperIdSchema, included: z.boolean() }).strict();

/** PUT /api/collections/:id/papers {paperId, included}: puts the paper in (or takes it out); repeating is harmless. */
export const PUT = route(async (request, context: Context) => {
  const user = await requireUser();
  const parsedId = collectionIdSchema.safeParse((await context.params).id);
  if (!parsedId.success) throw new HttpError(400, 'Invalid collection id.');
  const { paperId, included } = await readJson(request, setBody);
  // Taking a paper out works even after its review is gone; putting one in needs a known paper.
  if (included) assertKnownPaper(paperId);
  const state = await setCollectionPaper(user.id, parsedId.data, paperId, included);
  if (!state) throw new HttpError(404, COLLECTION_NOT_FOUND_MESSAGE);
  return json(state);
});
