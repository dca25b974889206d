import { z } from 'zod';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { findReview } from '@/lib/content/index/review-lookup';
import { json, route } from '@/lib/http/route';
import { readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { searchNotes } from '@/lib/reader/note-search';

/**
 * "Search my notes too": the reader's own notes and highlights (a highlight's
 * hit links to the passage, `<review>#hl-<id>`; `noteId` is `hl-<id>` then), searched on the server with
 * the site index's analyzer (lib/reader/note-search.ts keeps the index between
 * requests). `searched` < `total` when the account has more note text than a
 * search covers: the most recent notes are searched.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { q } = readQuery(request, z.object({ q: z.string().trim().min(1).max(200) }));
  const { hits, searched, total } = await searchNotes(user.id, q, { limit: 20 });
  const catalog = paperCatalog();
  return json({
    hits: hits.map((hit) => {
      if (hit.kind === 'highlight') {
        // The passage itself: the review page scrolls to `#hl-<id>` and flashes it.
        const review = findReview(hit.review, catalog);
        const name = (hit.paperId === null ? review?.title : catalog.get(hit.paperId)?.name) ?? hit.paperId ?? hit.review;
        const href = review ? `${review.url}#hl-${hit.highlightId}` : '/notes';
        return { kind: hit.kind, noteId: `hl-${hit.highlightId}`, href, paper: name, excerpt: hit.excerpt };
      }
      const paper = lookupPaper(hit.paperId, catalog);
      return { kind: hit.kind, noteId: hit.noteId, href: paper?.href ?? '/notes', paper: paper?.name ?? hit.paperId, excerpt: hit.excerpt };
    }),
    searched,
    total,
  });
});
