import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readIdempotencyKey, readJson, readQuery } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { highlightQueryShape, newHighlightSchema } from '@/lib/reader/shared';
import { createHighlight, listHighlightsForPaper, listHighlightsForReview, presentHighlight } from '@/lib/reader/highlights';

/**
 * GET /api/highlights?review=<slug> → { highlights } in that review, in
 * reading order (the review page's island paints them);
 * GET /api/highlights?paperId=<id> → { highlights } on that paper, in every
 * review that discusses it (the paper page).
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { review, paperId } = readQuery(request, z.object(highlightQueryShape).strict());
  if ((review === undefined) === (paperId === undefined)) throw new HttpError(400, 'Invalid query: pass either review or paperId.');
  const rows = review !== undefined ? await listHighlightsForReview(user.id, review) : await listHighlightsForPaper(user.id, paperId!);
  return json({ highlights: await Promise.all(rows.map(presentHighlight)) });
});

/** POST /api/highlights → 201 { highlight }; a retry with the same Idempotency-Key gets the first attempt's highlight. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const idempotencyKey = readIdempotencyKey(request);
  const input = await readJson(request, newHighlightSchema().strict());
  return json({ highlight: await presentHighlight(await createHighlight(user.id, input, idempotencyKey)) }, { status: 201 });
});
