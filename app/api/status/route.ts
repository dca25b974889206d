import { z } from 'zod';
import { assertKnownPaper, json, paperIdSchema, readJson, requireUser, route } from '@/lib/http/route';
import { setReadingStatus } from '@/lib/reader/reading-status';

export const dynamic = 'force-dynamic';

const body = z.object({ paperId: paperIdSchema, status: z.enum(['TO_READ', 'READING', 'READ']).nullable() }).strict();

export const PUT = route(async (request) => {
  const user = await requireUser();
  const { paperId, status } = await readJson(request, body);
  assertKnownPaper(paperId);
  return json({ paperId, status: await setReadingStatus(user.id, paperId, status) });
});
