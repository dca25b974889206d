import { z } from 'zod';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { json, route } from '@/lib/http/route';
import { readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { searchNotes } from '@/lib/reader/note-search';

/**
 * "Search my notes too": the reader's own notes, searched on the server with
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
      const paper = lookupPaper(hit.paperId, catalog);
      return { noteId: hit.noteId, href: paper?.href ?? '/notes', paper: paper?.name ?? hit.paperId, excerpt: hit.excerpt };
    }),
    searched,
    total,
  });
});
