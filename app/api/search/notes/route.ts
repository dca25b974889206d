import { z } from 'zod';
import { paperCatalog } from '@/lib/content/index/catalog';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { json, route } from '@/lib/http/route';
import { readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { allNotes } from '@/lib/reader/notes';
import { createSearchIndex, excerpt, search } from '@/lib/search/engine';

/**
 * "Search my notes too": the reader's own notes are searched here on the
 * server with the same analyzer as the site index, and never leave it for
 * anyone else.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { q } = readQuery(request, z.object({ q: z.string().trim().min(1).max(200) }));
  const notes = await allNotes(user.id);
  const catalog = paperCatalog();
  const documents = notes.map((note) => {
    const paper = lookupPaper(note.paperId, catalog);
    return {
      id: `${paper?.href ?? '/notes'}::${note.id}`,
      kind: 'section' as const,
      title: paper?.name ?? note.paperId,
      subtitle: '',
      orgs: '',
      review: paper?.reviewTitle ?? '',
      date: note.updatedAt.toISOString().slice(0, 10),
      text: note.body,
    };
  });
  const hits = search(createSearchIndex(documents), q, { limit: 20 }).map((hit) => {
    const [href, noteId] = hit.url.split('::') as [string, string];
    const text = hit.highlights.find((h) => h.field === 'text');
    return { noteId, href, paper: hit.title, excerpt: text ? excerpt(text) : { text: hit.title, ranges: [] } };
  });
  return json({ hits });
});
