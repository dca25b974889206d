import { z } from 'zod';
import { bibtexChunks } from '@/lib/reader/export/bibtex';
import { markdownChunks, notebookMarkdownChunks } from '@/lib/reader/export/markdown';
import { readwiseCsv } from '@/lib/reader/export/readwise';
import { listAllHighlights } from '@/lib/reader/highlights';
import { gatherExportPapers, notebookExportGroups, readerDataJsonChunks, readReaderData } from '@/lib/reader/export/reader-data';
import { route } from '@/lib/http/route';
import { readQuery } from '@/lib/http/body';
import { requireUser } from '@/lib/auth/session';
import { listCollections } from '@/lib/reader/collections';
import { listLibrary } from '@/lib/reader/library';
import { describeLibraryView, libraryFilterShape, paperIdSchema } from '@/lib/reader/shared';

// A selection comes from one page of /bookmarks; this only stops absurd URLs.
const MAX_SELECTED = 5_000;

const exportQuery = z.object({
  ...libraryFilterShape,
  format: z.enum(['md', 'bibtex', 'json', 'readwise', 'notebook'], { error: 'expected md, bibtex, json, readwise or notebook' }),
  ids: z
    .string()
    .optional()
    .transform((ids) =>
      ids
        ?.split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(paperIdSchema)
        .min(1, 'list at least one paperId, or leave ids out to export the library view the filters describe')
        .max(MAX_SELECTED, `at most ${MAX_SELECTED} paperIds`)
        .optional(),
    ),
});

const files = {
  md: { extension: 'md', type: 'text/markdown; charset=utf-8' },
  bibtex: { extension: 'bib', type: 'application/x-bibtex; charset=utf-8' },
  json: { extension: 'json', type: 'application/json' },
  readwise: { extension: 'csv', type: 'text/csv; charset=utf-8' },
  notebook: { extension: 'md', type: 'text/markdown; charset=utf-8' },
} as const;

/** Pulls one chunk (one paper, one item) at a time, so a big export is never one giant string in memory. */
function streamOf(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return?.();
    },
  });
}

/**
 * GET /api/export?format=md|bibtex|json[&ids=<comma-separated paperIds>][&<library filters>]
 * md and bibtex: the selected papers, or without ids what /library shows
 * with the same filters (status, bookmarked, notes, org, tag, collection,
 * sort), in the same order; json: always everything the reader owns, for /api/import;
 * readwise: every highlight as Readwise's CSV import file; notebook: every
 * note and highlight as Markdown, grouped as /notes shows them.
 */
export const GET = route(async (request) => {
  const user = await requireUser();
  const { format, ids, ...filters } = readQuery(request, exportQuery);
  const exportedAt = new Date();

  let chunks: Iterator<string>;
  if (format === 'json') {
    chunks = readerDataJsonChunks(await readReaderData(user.id), exportedAt);
  } else if (format === 'notebook') {
    chunks = notebookMarkdownChunks(notebookExportGroups(await readReaderData(user.id)), exportedAt);
  } else if (format === 'readwise') {
    // At most 5,000 highlights of 2,000 characters: one string is fine.
    chunks = [readwiseCsv(await listAllHighlights(user.id))][Symbol.iterator]();
  } else if (ids) {
    const papers = await gatherExportPapers(user.id, ids);
    chunks = format === 'md' ? markdownChunks(papers, exportedAt, 'selected papers') : bibtexChunks(papers);
  } else {
    const { items } = await listLibrary(user.id, filters, 'all');
    const papers = items.length
      ? await gatherExportPapers(
          user.id,
          items.map((item) => item.paperId),
        )
      : [];
    const collection = filters.collection ? (await listCollections(user.id)).find((c) => c.id === filters.collection) : undefined;
    chunks = format === 'md' ? markdownChunks(papers, exportedAt, describeLibraryView(filters, collection?.name)) : bibtexChunks(papers);
  }

  const file = files[format];
  const name = format === 'readwise' ? 'highlights-readwise' : format === 'notebook' ? 'notes-and-highlights' : 'bookmarks';
  const filename = `papers-review-${name}-${exportedAt.toISOString().slice(0, 10)}.${file.extension}`;
  return new Response(streamOf(chunks), {
    headers: {
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      // Reader data is never stored by a shared cache (same rule as json() in lib/http/route.ts).
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
