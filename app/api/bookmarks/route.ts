import { z } from 'zod';
import { listBookmarks, setBookmarkInSession } from '@/lib/reader/bookmarks';
import { json, route } from '@/lib/http/route';
import { readJson, readQuery } from '@/lib/http/body';
import { requireSessionClaim, requireUser, signInRequired } from '@/lib/auth/session';
import { paperIdSchema, readingStatusSchema } from '@/lib/reader/shared';
import { assertKnownPaper } from '@/lib/content/index/catalog';

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  status: readingStatusSchema.optional(),
});

export const GET = route(async (request) => {
  const user = await requireUser();
  const query = readQuery(request, listQuery);
  const { items, total } = await listBookmarks(user.id, query);
  return json({ items, total, page: query.page, pageSize: query.pageSize });
});

const setBody = z.object({ paperId: paperIdSchema, bookmarked: z.boolean() }).strict();

/**
 * Sets (not flips) the bookmark: repeating a request is harmless, and the
 * client says what it showed. The session's version is checked by the write
 * itself (one database round trip): a cookie that does not decrypt is 401
 * before anything else, an ended session is 401 with nothing written.
 */
export const PUT = route(async (request) => {
  const { user, sessionVersion } = await requireSessionClaim();
  const { paperId, bookmarked } = await readJson(request, setBody);
  assertKnownPaper(paperId);
  const state = await setBookmarkInSession({ userId: user.id, sessionVersion }, paperId, bookmarked);
  if (state === 'session-ended') throw signInRequired();
  return json(state);
});
