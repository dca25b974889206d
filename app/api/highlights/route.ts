import { z } from 'zod';
import { json, route } from '@/lib/http/route';
import { readIdempotencyKey, readJson, readQuery } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { requireUser } from '@/lib/auth/session';
import { highlightQueryShape, newHighlightSchema } from '@/lib/reader/shared';
import { paperCatalog } from '@/lib/content/index/catalog';
import {
  createHighlight,
  listHighlightsForPaper,
  listHighlightsForReview,
  locateHighlight,
  presentHighlight,
} from '@/lib/reader/highlights';

/**
 * GET /api/highlights?review=<slug> → { highlights } in that review, in
 * reading order (the review page's island paints them);
 * GET /api/highlights?paperId=<id> → { highlights } on that paper, in every
 * review that discusses it (the paper page), each with `href` and `gone`.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { review, paperId } = readQuery(request, z.object(highlightQueryShape).strict());
  if ((review === undefined) === (paperId === undefined)) throw new HttpError(400, 'Invalid query: pass either review or paperId.');
  if (review !== undefined) {
    const rows = await listHighlightsForReview(user.id, review);
    return json({ highlights: await Promise.all(rows.map(presentHighlight)) });
  }
  // Away from the article, the server says where each passage is and whether it is still there.
  const rows = await listHighlightsForPaper(user.id, paperId!);
  const catalog = paperCatalog();
  return json({
    highlights: await Promise.all(
      rows.map(async (h) => {
        const { href, gone } = locateHighlight(h, catalog);
        return { ...(await presentHighlight(h)), href, gone };
      }),
    ),
  });
});

/** POST /api/highlights → 201 { highlight }; a retry with the same Idempotency-Key gets the first attempt's highlight. */
export const POST = route(async (request) => {
  const user = await requireUser();
  const idempotencyKey = readIdempotencyKey(request);
  const input = await readJson(request, newHighlightSchema().strict());
  return json({ highlight: await presentHighlight(await createHighlight(user.id, input, idempotencyKey)) }, { status: 201 });
});
