import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson, readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { createCollection, listCollections } from '@/lib/reader/collections';
import { collectionNameSchema, paperIdSchema } from '@/lib/reader/shared';

const listQuery = z.object({ paperId: paperIdSchema.optional() }).strict();

/** GET /api/collections[?paperId=…]: the reader's collections; with paperId each says whether that paper is in it. */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { paperId } = readQuery(request, listQuery);
  return json({ collections: await listCollections(user.id, { paperId }) });
});

const createBody = z.object({ name: collectionNameSchema }).strict();

/** POST /api/collections {name}: a new empty collection (201). */
export const POST = route(async (request) => {
  const user = await requireUser();
  const { name } = await readJson(request, createBody);
  return json({ collection: await createCollection(user.id, name) }, { status: 201 });
});
