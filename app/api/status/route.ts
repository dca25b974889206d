import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readJson } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { paperIdSchema, readingStatusSchema } from '@/lib/reader/shared';
import { assertKnownPaper } from '@/lib/content/index/catalog';
import { setReadingStatus } from '@/lib/reader/reading-status';

const body = z.object({ paperId: paperIdSchema, status: readingStatusSchema.nullable() }).strict();

export const PUT = route(async (request) => {
  const user = await requireUser();
  const { paperId, status } = await readJson(request, body);
  assertKnownPaper(paperId);
  return json({ paperId, status: await setReadingStatus(user.id, paperId, status) });
});
