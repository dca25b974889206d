import 'server-only';
// "Search my notes": the reader's notes, and their highlights (the quote and
// its note), searched with the site search's Korean-aware analyzer
// (lib/search), on the server, never sent to anyone else.
//
// Building that index is the expensive part (seconds for thousands of notes),
// so each server process keeps one per reader and brings it up to date on
// every search instead of rebuilding it: one light query lists the reader's
// note ids with their updatedAt, and only notes added, edited or deleted since
// (by this process or any other) are indexed again or dropped. Indexing runs
// in chunks that yield to the event loop, so a large first build delays no
// other request by more than a chunk.
import { paperCatalog } from '@/lib/content/index/catalog';
import { findReview } from '@/lib/content/index/review-lookup';
import { getDb } from '@/lib/db/connection';
import { noteMarkdownToText } from '@/lib/reader/note-markdown';
import { createSearchIndex, excerpt, search, type Highlight, type SearchIndex } from '@/lib/search/engine';
import type { SearchDocument } from '@/lib/search/documents';
import { normalize } from '@/lib/search/tokenize';

/**
 * How much note text (UTF-8 bytes, most recently written first) one reader's
 * search covers: 4 MB, about 8 × what ~1,000 pages of prose take. Past it the
 * oldest notes are not searched, and the answer says how many were. Without a
 * bound, 5,000 notes of 20,000 characters would be 100 MB to index.
 */
export const NOTE_SEARCH_BUDGET_BYTES = 4 * 1024 * 1024;

/** Note text all cached indexes may cover together; the least recently searched readers' indexes go first. */
const CACHE_BUDGET_BYTES = 16 * NOTE_SEARCH_BUDGET_BYTES;

/** Notes indexed between two yields to the event loop. */
const CHUNK = 50;

/**
 * An indexed item: a note (keyed by its id) or a highlight (keyed `hl:<id>`,
 * so the two tables' ids can never meet in the one index).
 */
type Indexed = { updatedAt: number; paperId: string | null; review: string | null; bytes: number };
const HIGHLIGHT_KEY = 'hl:';
type Entry = { index: SearchIndex; notes: Map<string, Indexed>; bytes: number; queue: Promise<unknown> };

const cache = new Map<string, Entry>();

export type NoteSearchHit =
  | { kind: 'note'; noteId: string; paperId: string; body: string; updatedAt: Date; excerpt: Highlight }
  | {
      kind: 'highlight';
      highlightId: string;
      review: string;
      paperId: string | null;
      /** The quote and the note's text, as searched. */
      body: string;
      updatedAt: Date;
      excerpt: Highlight;
    };
export type NoteSearchResult = {
  hits: NoteSearchHit[];
  /** Notes and highlights the search covered: the most recent ones within the budget. */
  searched: number;
  /** The reader's notes and highlights in all. */
  total: number;
};

function entryFor(userId: string): Entry {
  let entry = cache.get(userId);
  if (entry) cache.delete(userId);
  else entry = { index: createSearchIndex([]), notes: new Map(), bytes: 0, queue: Promise.resolve() };
  // Map order is the LRU order: most recently searched last.
  cache.set(userId, entry);
  return entry;
}

function evictBeyondBudget(keep: string): void {
  let total = 0;
  for (const entry of cache.values()) total += entry.bytes;
  for (const [userId, entry] of cache) {
    if (total <= CACHE_BUDGET_BYTES) break;
    if (userId === keep) continue;
    cache.delete(userId);
    total -= entry.bytes;
  }
}

/** Brings the reader's index up to date with the database; returns how many notes it covers and the reader's total. */
async function sync(userId: string, entry: Entry): Promise<{ searched: number; total: number }> {
  const db = await getDb();
  // octet_length reads a stored body's size without loading the body.
  const rows = await db.$queryRaw<{ id: string; updatedAt: Date; bytes: number }[]>`
    SELECT "id", "updatedAt", octet_length("body")::int AS "bytes"
    FROM "Note" WHERE "userId" = ${userId}
    UNION ALL
    SELECT ${HIGHLIGHT_KEY} || "id", "updatedAt", (octet_length("quoteExact") + coalesce(octet_length("note"), 0))::int
    FROM "Highlight" WHERE "userId" = ${userId}
    ORDER BY "updatedAt" DESC, "id" DESC`;
  const wanted = new Map<string, number>();
  let bytes = 0;
  for (const row of rows) {
    if (bytes + row.bytes > NOTE_SEARCH_BUDGET_BYTES) break;
    bytes += row.bytes;
    wanted.set(row.id, row.updatedAt.getTime());
  }

  const engine = entry.index.engine;
  for (const [id, indexed] of entry.notes) {
    if (wanted.get(id) === indexed.updatedAt) continue;
    engine.discard(id);
    entry.notes.delete(id);
    entry.bytes -= indexed.bytes;
  }
  const missing = [...wanted.keys()].filter((id) => !entry.notes.has(id));
  const catalog = paperCatalog();
  const missingHighlights = missing.filter((id) => id.startsWith(HIGHLIGHT_KEY)).map((id) => id.slice(HIGHLIGHT_KEY.length));
  const missingNotes = missing.filter((id) => !id.startsWith(HIGHLIGHT_KEY));
  for (let i = 0; i < missingHighlights.length; i += 500) {
    const highlights = await db.highlight.findMany({
      where: { userId, id: { in: missingHighlights.slice(i, i + 500) } },
      select: { id: true, review: true, paperId: true, quoteExact: true, note: true, updatedAt: true },
    });
    const documents = highlights.map((h): SearchDocument => ({
      id: HIGHLIGHT_KEY + h.id,
      kind: 'section',
      title: (h.paperId === null ? findReview(h.review, catalog)?.title : catalog.get(h.paperId)?.name) ?? h.paperId ?? h.review,
      subtitle: '',
      orgs: '',
      review: '',
      date: h.updatedAt.toISOString().slice(0, 10),
      // The quote first, so an excerpt of a match in it reads as the passage.
      text: normalize([h.quoteExact, h.note === null ? '' : noteMarkdownToText(h.note)].join(' ').trim()),
    }));
    await engine.addAllAsync(documents, { chunkSize: CHUNK });
    for (const h of highlights) {
      const size = Buffer.byteLength(h.quoteExact) + (h.note === null ? 0 : Buffer.byteLength(h.note));
      entry.notes.set(HIGHLIGHT_KEY + h.id, { updatedAt: h.updatedAt.getTime(), paperId: h.paperId, review: h.review, bytes: size });
      entry.bytes += size;
    }
  }
  for (let i = 0; i < missingNotes.length; i += 500) {
    const notes = await db.note.findMany({
      where: { userId, id: { in: missingNotes.slice(i, i + 500) } },
      select: { id: true, paperId: true, body: true, updatedAt: true },
    });
    const documents = notes.map((note): SearchDocument => ({
      id: note.id,
      kind: 'section',
      // The paper's name is searched too (and weighs most), as on the site.
      title: catalog.get(note.paperId)?.name ?? note.paperId,
      subtitle: '',
      orgs: '',
      review: '',
      date: note.updatedAt.toISOString().slice(0, 10),
      // Searched and excerpted as the reader sees it: `**bold**` is "bold".
      text: normalize(noteMarkdownToText(note.body)),
    }));
    await engine.addAllAsync(documents, { chunkSize: CHUNK });
    for (const note of notes) {
      // The version indexed is the one read now (it may be newer than the listing): the next search compares with it.
      const size = Buffer.byteLength(note.body);
      entry.notes.set(note.id, { updatedAt: note.updatedAt.getTime(), paperId: note.paperId, review: null, bytes: size });
      entry.bytes += size;
    }
  }
  return { searched: entry.notes.size, total: rows.length };
}

/**
 * The reader's notes matching `query` (every word must match, ranked as the
 * site search ranks), at most `limit`, best first.
 */
export async function searchNotes(userId: string, query: string, { limit = 20 }: { limit?: number } = {}): Promise<NoteSearchResult> {
  const entry = entryFor(userId);
  // One search at a time per reader: two syncs of one index would index a note twice.
  const run = entry.queue.then(async () => {
    const coverage = await sync(userId, entry);
    const engine = entry.index.engine;
    const hits = search(entry.index, query, { limit }).flatMap((hit): NoteSearchHit[] => {
      const note = entry.notes.get(hit.url);
      const body = engine.getStoredFields(hit.url)?.text;
      if (!note || typeof body !== 'string') return [];
      const text = hit.highlights.find((h) => h.field === 'text');
      const shown = text ? excerpt(text) : { field: 'title' as const, text: hit.title, ranges: [] };
      if (hit.url.startsWith(HIGHLIGHT_KEY)) {
        const highlightId = hit.url.slice(HIGHLIGHT_KEY.length);
        return [
          {
            kind: 'highlight',
            highlightId,
            review: note.review ?? '',
            paperId: note.paperId,
            body,
            updatedAt: new Date(note.updatedAt),
            excerpt: shown,
          },
        ];
      }
      return [{ kind: 'note', noteId: hit.url, paperId: note.paperId ?? '', body, updatedAt: new Date(note.updatedAt), excerpt: shown }];
    });
    return { hits, ...coverage };
  });
  // A failed search (database down) must not wedge the reader's queue.
  entry.queue = run.catch(() => undefined);
  try {
    return await run;
  } catch (error) {
    // The index may be half-updated: start afresh next time.
    cache.delete(userId);
    throw error;
  } finally {
    evictBeyondBudget(userId);
  }
}
