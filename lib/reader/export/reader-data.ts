import 'server-only';
// Everything a reader owns, in and out: gathering it for the Markdown and
// BibTeX exports, the versioned JSON format, and restoring that JSON on
// another instance. Every query is scoped by userId.
import { z } from 'zod';
import { paperCatalog } from '@/lib/content/index/catalog';
import type { Paper } from '@/lib/content/index/content-index';
import { getDb } from '@/lib/db/connection';
import { HttpError } from '@/lib/http/errors';
import {
  MAX_BOOKMARKS,
  MAX_NOTES,
  MAX_STATUSES,
  MAX_COLLECTIONS,
  MAX_COLLECTION_PAPERS,
  MAX_HIGHLIGHTS,
  collectionNameSchema,
  highlightColorSchema,
  reviewSlugSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  noteBodySchema,
  paperIdSchema,
  READER_LIMITS,
  readingStatusSchema,
  type ReaderCollection,
  type ReadingStatusValue,
} from '@/lib/reader/shared';
import { HIGHLIGHT_SELECT, type HighlightRecord } from '@/lib/reader/highlights';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';
import type { Prisma } from '@/lib/generated/prisma/client';
import { absoluteSiteUrl } from '@/lib/config/site';
import { appearanceHref } from '@/lib/content/urls';
import type { ExportHighlight, ExportPaper, NotebookExportGroup } from '@/lib/reader/export/markdown';
import { compareGroupKeys, notebookGroupOrder } from '@/lib/reader/notebook';
import { findReview } from '@/lib/content/index/review-lookup';

export const EXPORT_FORMAT = 'papers-review-export';
/** Version 2 added collections, version 3 highlights; older files (without them) still import. */
export const EXPORT_VERSION = 3;
export const IMPORTABLE_VERSIONS = [1, 2, 3] as const;

export type ReaderData = {
  /** Oldest first. */
  bookmarks: { paperId: string; createdAt: Date }[];
  /** By paperId. */
  statuses: { paperId: string; status: ReadingStatusValue; updatedAt: Date }[];
  /** Oldest first. */
  notes: { paperId: string; body: string; createdAt: Date; updatedAt: Date }[];
  /** By name; each collection's papers in the order they were added. */
  collections: { name: string; createdAt: Date; papers: { paperId: string; addedAt: Date }[] }[];
  /** Oldest first. */
  highlights: ReaderHighlight[];
};

/** A highlight as the data layer returns it (lib/reader/highlights.ts). */
export type ReaderHighlight = HighlightRecord;

/** Selected or imported papers that no review here knows; carries the full list for the message. */
export class UnknownPapersError extends HttpError {
  constructor(
    readonly paperIds: string[],
    action: string,
  ) {
    const shown = paperIds
      .slice(0, 20)
      .map((id) => JSON.stringify(id))
      .join(', ');
    const more = paperIds.length > 20 ? ` and ${paperIds.length - 20} more` : '';
    super(
      400,
      `${paperIds.length} unknown ${paperIds.length === 1 ? 'paper' : 'papers'} (not in any review on this site): ${shown}${more}. ${action}`,
    );
  }
}

/** The import file is not JSON of this format; the message names the offending fields. */
export class ImportValidationError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

/**
 * One consistent snapshot (REPEATABLE READ): a note saved in another tab
 * mid-export cannot appear in the notes but miss its bookmark, or the reverse.
 * Whole tables per user, not `paperId IN (…)`: a reader's rows are bounded
 * (5,000 bookmarks read in milliseconds), and a long id list would hit the
 * driver's parameter limit.
 */
export async function readReaderData(userId: string): Promise<ReaderData> {
  const db = await getDb();
  const [bookmarks, statuses, notes, collections, highlights] = await db.$transaction(
    [
      db.bookmark.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { paperId: true, createdAt: true },
      }),
      db.readingStatus.findMany({
        where: { userId },
        orderBy: { paperId: 'asc' },
        select: { paperId: true, status: true, updatedAt: true },
      }),
      db.note.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { paperId: true, body: true, createdAt: true, updatedAt: true },
      }),
      db.collection.findMany({
        where: { userId },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        select: {
          name: true,
          createdAt: true,
          papers: { where: { userId }, orderBy: [{ createdAt: 'asc' }, { paperId: 'asc' }], select: { paperId: true, createdAt: true } },
        },
      }),
      db.highlight.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: HIGHLIGHT_SELECT,
      }),
    ],
    { isolationLevel: 'RepeatableRead' },
  );
  return {
    bookmarks,
    statuses,
    notes,
    collections: collections.map((c) => ({
      name: c.name,
      createdAt: c.createdAt,
      papers: c.papers.map((p) => ({ paperId: p.paperId, addedAt: p.createdAt })),
    })),
    highlights,
  };
}

/** The absolute URL of a highlighted passage (`<review>#hl-<id>`, which the review page scrolls to); null when the review is gone. */
export function highlightUrl(
  highlight: { id: string; review: string },
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): string | null {
  const review = findReview(highlight.review, catalog);
  return review ? absoluteSiteUrl(`${review.url}#hl-${highlight.id}`) : null;
}

/** The reader's highlights as the Markdown and Readwise exports take them, in reading order per review. */
export function exportHighlights(
  highlights: readonly ReaderHighlight[],
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): ExportHighlight[] {
  return [...highlights]
    .sort((a, b) => a.review.localeCompare(b.review) || a.positionStart - b.positionStart || a.createdAt.getTime() - b.createdAt.getTime())
    .map((h) => ({
      id: h.id,
      quote: h.quoteExact,
      note: h.note,
      color: h.color,
      url: highlightUrl(h, catalog),
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    }));
}

/**
 * lookupPaper's answer, from a catalog fetched once per export: outside
 * production each paperCatalog() call re-lists the content folder, which
 * 5,000 lookups would turn into seconds.
 */
function exportPaper(
  catalog: ReadonlyMap<string, Paper>,
  paperId: string,
  data: { bookmarkedAt: Date | null; status: ReadingStatusValue | null; notes: ExportPaper['notes']; highlights: ExportHighlight[] },
): ExportPaper {
  const paper = catalog.get(paperId);
  // Newest review first, as lookupPaper links it.
  const appearance = paper?.appearances[0];
  if (!paper || !appearance) {
    // Bookmarked once, review since removed: still the reader's data, so exported with what is known.
    // The id survives in the paperId; checked because it goes unescaped into BibTeX fields and URLs.
    const arxivId = /^arxiv:([A-Za-z0-9./-]+)$/.exec(paperId)?.[1] ?? null;
    return { paperId, name: paperId, orgs: [], arxivId, reviewTitle: null, reviewUrl: null, ...data };
  }
  return {
    paperId,
    name: paper.name,
    orgs: paper.orgs,
    arxivId: paper.arxivId,
    reviewTitle: appearance.reviewTitle,
    reviewUrl: absoluteSiteUrl(appearanceHref(appearance)),
    metadata: paper.metadata ?? null,
    ...data,
  };
}

/**
 * The papers of a Markdown/BibTeX export with the reader's status and notes:
 * every bookmark (newest first), or the selected ids in the order given (the
 * library's view). A selected id must be a known paper or one the reader has
 * data on; anything else is refused rather than exported empty.
 */
export async function gatherExportPapers(userId: string, paperIds?: readonly string[]): Promise<ExportPaper[]> {
  const data = await readReaderData(userId);
  const catalog = paperCatalog();
  const bookmarkedAt = new Map(data.bookmarks.map((b) => [b.paperId, b.createdAt]));
  let ids: string[];
  if (paperIds === undefined) {
    ids = [...data.bookmarks].reverse().map((b) => b.paperId);
  } else {
    ids = [...new Set(paperIds)];
    // A paper whose review is gone is still exportable when it holds the reader's data (the library lists it).
    const own = new Set([
      ...bookmarkedAt.keys(),
      ...data.statuses.map((x) => x.paperId),
      ...data.notes.map((x) => x.paperId),
      ...data.collections.flatMap((c) => c.papers.map((x) => x.paperId)),
      ...data.highlights.flatMap((x) => (x.paperId === null ? [] : [x.paperId])),
    ]);
    const unknown = ids.filter((id) => !catalog.has(id) && !own.has(id));
    if (unknown.length > 0) throw new UnknownPapersError(unknown, 'Nothing was exported.');
  }
  const wanted = new Set(ids);
  const status = new Map(data.statuses.map((s) => [s.paperId, s.status]));
  const notes = new Map<string, ExportPaper['notes']>();
  for (const note of data.notes) {
    if (!wanted.has(note.paperId)) continue;
    const list = notes.get(note.paperId) ?? [];
    list.push({ body: note.body, createdAt: note.createdAt, updatedAt: note.updatedAt });
    notes.set(note.paperId, list);
  }
  const highlights = new Map<string, ReaderHighlight[]>();
  for (const highlight of data.highlights) {
    if (highlight.paperId === null || !wanted.has(highlight.paperId)) continue;
    highlights.set(highlight.paperId, [...(highlights.get(highlight.paperId) ?? []), highlight]);
  }
  return ids.map((paperId) =>
    exportPaper(catalog, paperId, {
      bookmarkedAt: bookmarkedAt.get(paperId) ?? null,
      status: status.get(paperId) ?? null,
      notes: notes.get(paperId) ?? [],
      highlights: exportHighlights(highlights.get(paperId) ?? [], catalog),
    }),
  );
}

/** The notebook export's groups: every note and highlight of the reader, grouped and ordered as /notes shows them. */
export function notebookExportGroups(
  data: Pick<ReaderData, 'notes' | 'highlights'>,
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): NotebookExportGroup[] {
  const highlights = new Map<string, ReaderHighlight[]>();
  for (const h of data.highlights) {
    const key = h.paperId ?? `review:${h.review}`;
    highlights.set(key, [...(highlights.get(key) ?? []), h]);
  }
  const notes = new Map<string, ReaderData['notes']>();
  for (const n of data.notes) notes.set(n.paperId, [...(notes.get(n.paperId) ?? []), n]);
  const orderOf = notebookGroupOrder(catalog);
  const keys = [...new Set([...highlights.keys(), ...notes.keys()])]
    .map((key) => ({ key, order: orderOf(key) }))
    .sort((a, b) => compareGroupKeys(a.order, b.order));
  return keys.map(({ key }) => {
    const groupNotes = (notes.get(key) ?? []).map((n) => ({ body: n.body, createdAt: n.createdAt, updatedAt: n.updatedAt }));
    const groupHighlights = exportHighlights(highlights.get(key) ?? [], catalog);
    if (key.startsWith('review:')) {
      const slug = key.slice('review:'.length);
      const review = findReview(slug, catalog);
      return {
        title: `${review?.title ?? slug}: introduction`,
        orgs: [],
        reviewUrl: review ? absoluteSiteUrl(review.url) : null,
        reviewTitle: review?.title ?? null,
        highlights: groupHighlights,
        notes: groupNotes,
      };
    }
    const paper = exportPaper(catalog, key, { bookmarkedAt: null, status: null, notes: groupNotes, highlights: groupHighlights });
    return {
      title: paper.name,
      orgs: paper.orgs,
      reviewUrl: paper.reviewUrl,
      reviewTitle: paper.reviewTitle,
      highlights: groupHighlights,
      notes: groupNotes,
    };
  });
}

// ---- JSON format ----------------------------------------------------------------

function* jsonArray<T>(name: string, items: readonly T[], toJson: (item: T) => unknown, last: boolean): Generator<string> {
  const end = last ? '' : ',';
  if (items.length === 0) {
    yield `  ${JSON.stringify(name)}: []${end}\n`;
    return;
  }
  yield `  ${JSON.stringify(name)}: [\n`;
  for (let i = 0; i < items.length; i++) yield `    ${JSON.stringify(toJson(items[i]!))}${i < items.length - 1 ? ',' : ''}\n`;
  yield `  ]${end}\n`;
}

/**
 * The .json file, one chunk per item so the route can stream it:
 * `{ format, version: 3, exportedAt, bookmarks, statuses, notes, collections, highlights }`,
 * timestamps as ISO 8601 UTC with milliseconds (the database's precision).
 */
export function* readerDataJsonChunks(data: ReaderData, exportedAt: Date): Generator<string> {
  yield `{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "version": ${EXPORT_VERSION},\n  "exportedAt": ${JSON.stringify(exportedAt.toISOString())},\n`;
  yield* jsonArray('bookmarks', data.bookmarks, (b) => ({ paperId: b.paperId, createdAt: b.createdAt.toISOString() }), false);
  yield* jsonArray(
    'statuses',
    data.statuses,
    (s) => ({ paperId: s.paperId, status: s.status, updatedAt: s.updatedAt.toISOString() }),
    false,
  );
  yield* jsonArray(
    'notes',
    data.notes,
    (n) => ({ paperId: n.paperId, body: n.body, createdAt: n.createdAt.toISOString(), updatedAt: n.updatedAt.toISOString() }),
    false,
  );
  yield* jsonArray(
    'collections',
    data.collections,
    (c) => ({
      name: c.name,
      createdAt: c.createdAt.toISOString(),
      papers: c.papers.map((p) => ({ paperId: p.paperId, addedAt: p.addedAt.toISOString() })),
    }),
    false,
  );
  yield* jsonArray(
    'highlights',
    data.highlights,
    (h) => ({
      review: h.review,
      paperId: h.paperId,
      quote: { exact: h.quoteExact, prefix: h.quotePrefix, suffix: h.quoteSuffix },
      position: { start: h.positionStart, end: h.positionEnd },
      color: h.color,
      note: h.note,
      createdAt: h.createdAt.toISOString(),
      updatedAt: h.updatedAt.toISOString(),
    }),
    true,
  );
  yield '}\n';
}

// ---- Import ---------------------------------------------------------------------

const paperId = paperIdSchema;
// Offsets accepted for hand-edited files; stored as the same instant.
const timestamp = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 timestamp such as 2025-11-21T09:30:00.000Z' })
  .transform((s) => new Date(s));

/** A file with more than an account can keep is refused before any item in it is checked. */
const atMost = (collection: ReaderCollection) =>
  `one account keeps at most ${READER_LIMITS[collection].max.toLocaleString('en')} ${READER_LIMITS[collection].noun}`;

function noDuplicateNames(items: { name: string }[], ctx: z.RefinementCtx) {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.name);
    if (seen === undefined) first.set(item.name, i);
    else
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate of collections.${seen}.name (${JSON.stringify(item.name)})` });
  });
}

function noDuplicatePaperIds(list: 'bookmarks' | 'statuses' | 'papers') {
  return (items: { paperId: string }[], ctx: z.RefinementCtx) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const seen = first.get(item.paperId);
      if (seen === undefined) first.set(item.paperId, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'paperId'],
          message: `duplicate of ${list}.${seen}.paperId (${JSON.stringify(item.paperId)})`,
        });
    });
  };
}

export const readerExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: `expected "${EXPORT_FORMAT}" (is this a Papers Review export?)` }),
    version: z.union(
      IMPORTABLE_VERSIONS.map((v) => z.literal(v)),
      { error: `this site reads version ${IMPORTABLE_VERSIONS.slice(0, -1).join(', ')} and ${IMPORTABLE_VERSIONS.at(-1)} export files` },
    ),
    exportedAt: timestamp,
    bookmarks: z
      .array(z.object({ paperId, createdAt: timestamp }).strict())
      .max(MAX_BOOKMARKS, atMost('bookmarks'))
      .superRefine(noDuplicatePaperIds('bookmarks')),
    statuses: z
      .array(z.object({ paperId, status: readingStatusSchema, updatedAt: timestamp }).strict())
      .max(MAX_STATUSES, atMost('statuses'))
      .superRefine(noDuplicatePaperIds('statuses')),
    notes: z
      .array(z.object({ paperId, body: noteBodySchema, createdAt: timestamp, updatedAt: timestamp }).strict())
      .max(MAX_NOTES, atMost('notes')),
    // Absent from version 1 files.
    collections: z
      .array(
        z
          .object({
            name: collectionNameSchema,
            createdAt: timestamp,
            papers: z
              .array(z.object({ paperId, addedAt: timestamp }).strict())
              .max(MAX_COLLECTION_PAPERS, atMost('collectionPapers'))
              .superRefine(noDuplicatePaperIds('papers')),
          })
          .strict(),
      )
      .max(MAX_COLLECTIONS, atMost('collections'))
      .superRefine(noDuplicateNames)
      .default([]),
    // Absent from version 1 and 2 files.
    highlights: z
      .array(
        z
          .object({
            review: reviewSlugSchema,
            paperId: paperId.nullable(),
            quote: textQuoteSelectorSchema().strict(),
            position: textPositionSelectorSchema(),
            color: highlightColorSchema,
            note: noteBodySchema.nullable(),
            createdAt: timestamp,
            updatedAt: timestamp,
          })
          .strict(),
      )
      .max(MAX_HIGHLIGHTS, atMost('highlights'))
      .default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.version === 1 && file.collections.length > 0)
      ctx.addIssue({ code: 'custom', path: ['collections'], message: 'version 1 files have no collections (use version 2)' });
    if (file.version < 3 && file.highlights.length > 0)
      ctx.addIssue({ code: 'custom', path: ['highlights'], message: `version ${file.version} files have no highlights (use version 3)` });
  });

export type ReaderExport = z.output<typeof readerExportSchema>;

/** Validates a parsed JSON file; the error lists the first problems by field path (`notes.12.body: …`). */
export function parseReaderExport(data: unknown): ReaderExport {
  const parsed = readerExportSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const shown = issues.slice(0, 10).map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  const more = issues.length > 10 ? `; and ${issues.length - 10} more problems` : '';
  throw new ImportValidationError(`Invalid export file: ${shown.join('; ')}${more}. Nothing was imported.`);
}

export type ImportResult = {
  bookmarks: number;
  statuses: number;
  notes: number;
  /** Collections made (a collection of the same name already here is added to, not made again). */
  collections: number;
  /** Papers put into collections. */
  collectionPapers: number;
  highlights: number;
  /** Already present, left as they were (re-importing a file is harmless). */
  skipped: { bookmarks: number; notes: number; highlights: number };
};

const BATCH = 1_000;
function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

// Thousands of rows on the single PGlite connection take seconds, not Prisma's 5 s default.
const IMPORT_TX_OPTIONS = { maxWait: 15_000, timeout: 120_000 } as const;

const noteKey = (n: { paperId: string; createdAt: Date; body: string }) => `${n.paperId}\u0000${n.createdAt.toISOString()}\u0000${n.body}`;

/**
 * The file's notes the reader does not have yet: a note is already there when
 * one with the same (paperId, createdAt, body) exists, counted as a multiset,
 * so importing a file twice adds nothing the second time.
 */
async function notesNotYetStored(
  tx: Prisma.TransactionClient,
  userId: string,
  fileNotes: ReaderExport['notes'],
): Promise<ReaderExport['notes']> {
  if (fileNotes.length === 0) return [];
  // Only notes in the file's time span can match; avoids reading every body the reader ever wrote.
  // A loop, not Math.min(...times): spreading 100k+ arguments overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const note of fileNotes) {
    min = Math.min(min, note.createdAt.getTime());
    max = Math.max(max, note.createdAt.getTime());
  }
  const existing = await tx.note.findMany({
    where: { userId, createdAt: { gte: new Date(min), lte: new Date(max) } },
    select: { paperId: true, createdAt: true, body: true },
  });
  const present = new Map<string, number>();
  for (const note of existing) present.set(noteKey(note), (present.get(noteKey(note)) ?? 0) + 1);
  return fileNotes.filter((note) => {
    const key = noteKey(note);
    const left = present.get(key) ?? 0;
    if (left === 0) return true;
    present.set(key, left - 1);
    return false;
  });
}

const highlightKey = (h: { review: string; createdAt: Date; quoteExact: string; positionStart: number }) =>
  `${h.review}\u0000${h.createdAt.toISOString()}\u0000${h.positionStart}\u0000${h.quoteExact}`;

/** As notesNotYetStored: a highlight with the same review, createdAt, position and quote is already here. */
async function highlightsNotYetStored(
  tx: Prisma.TransactionClient,
  userId: string,
  fileHighlights: ReaderExport['highlights'],
): Promise<ReaderExport['highlights']> {
  if (fileHighlights.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const h of fileHighlights) {
    min = Math.min(min, h.createdAt.getTime());
    max = Math.max(max, h.createdAt.getTime());
  }
  const existing = await tx.highlight.findMany({
    where: { userId, createdAt: { gte: new Date(min), lte: new Date(max) } },
    select: { review: true, createdAt: true, quoteExact: true, positionStart: true },
  });
  const present = new Map<string, number>();
  for (const h of existing) present.set(highlightKey(h), (present.get(highlightKey(h)) ?? 0) + 1);
  return fileHighlights.filter((h) => {
    const key = highlightKey({ ...h, quoteExact: h.quote.exact, positionStart: h.position.start });
    const left = present.get(key) ?? 0;
    if (left === 0) return true;
    present.set(key, left - 1);
    return false;
  });
}

/** The file's highlights whose review this site does not publish, or whose paper is not in that review. */
export class UnknownHighlightTargetsError extends HttpError {
  constructor(problems: string[]) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    super(
      400,
      `${problems.length} ${problems.length === 1 ? 'highlight is' : 'highlights are'} on reviews or papers not on this site: ${shown}${more}. Nothing was imported.`,
    );
  }
}

/**
 * Restores a validated export into the reader's account, all or nothing
 * (one transaction; unknown papers refused before any write, and a file
 * that would take the account past a limit refused whole). Merges, never
 * deletes: an existing bookmark keeps its createdAt, a status in the file
 * replaces the reader's status for that paper, and notes already stored
 * are skipped (notesNotYetStored).
 */
export async function importReaderData(
  userId: string,
  file: ReaderExport,
  isKnownPaper?: (paperId: string) => boolean,
): Promise<ImportResult> {
  // One catalog for the whole check (see exportPaper on why not one call per id).
  let known = isKnownPaper;
  if (!known) {
    const catalog = paperCatalog();
    known = (id) => catalog.has(id);
  }
  const referenced = new Set(
    [...file.bookmarks, ...file.statuses, ...file.notes, ...file.collections.flatMap((c) => c.papers)].map((item) => item.paperId),
  );
  const unknown = [...referenced].filter((id) => !known(id)).sort();
  if (unknown.length > 0) throw new UnknownPapersError(unknown, 'Nothing was imported.');
  // A highlight belongs to a review, and to a paper of that review (as POST /api/highlights checks).
  const catalog = paperCatalog();
  const targets: string[] = [];
  file.highlights.forEach((h, i) => {
    const review = findReview(h.review, catalog);
    if (!review) targets.push(`highlights.${i}.review: no review here has the slug "${h.review}"`);
    else if (h.paperId !== null && !review.papers.some((p) => p.paperId === h.paperId))
      targets.push(`highlights.${i}.paperId: "${h.paperId}" is not a paper of the review "${h.review}"`);
  });
  if (targets.length > 0) throw new UnknownHighlightTargetsError(targets);

  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Counted and written under the reader's lock, so a note saved meanwhile cannot push the account past a limit.
    await lockReaderRows(tx, userId);
    const [bookmarked, withStatus, noteCount, lists, listed, highlightCount] = await Promise.all([
      tx.bookmark.findMany({ where: { userId }, select: { paperId: true } }),
      tx.readingStatus.findMany({ where: { userId }, select: { paperId: true } }),
      tx.note.count({ where: { userId } }),
      tx.collection.findMany({ where: { userId }, select: { id: true, name: true } }),
      tx.collectionPaper.findMany({ where: { userId }, select: { collectionId: true, paperId: true } }),
      tx.highlight.count({ where: { userId } }),
    ]);
    const hasBookmark = new Set(bookmarked.map((b) => b.paperId));
    const hasStatus = new Set(withStatus.map((s) => s.paperId));
    const freshBookmarks = file.bookmarks.filter((b) => !hasBookmark.has(b.paperId));
    const freshNotes = await notesNotYetStored(tx, userId, file.notes);
    assertRoom('bookmarks', hasBookmark.size, freshBookmarks.length, 'import');
    assertRoom('statuses', hasStatus.size, file.statuses.filter((s) => !hasStatus.has(s.paperId)).length, 'import');
    assertRoom('notes', noteCount, freshNotes.length, 'import');
    const freshHighlights = await highlightsNotYetStored(tx, userId, file.highlights);
    assertRoom('highlights', highlightCount, freshHighlights.length, 'import');
    // Collections merge by name; a paper already in its collection is skipped.
    const listId = new Map(lists.map((c) => [c.name, c.id]));
    const inList = new Set(listed.map((m) => `${m.collectionId}\u0000${m.paperId}`));
    const freshLists = file.collections.filter((c) => !listId.has(c.name));
    const freshMembers = file.collections.flatMap((c) => {
      const id = listId.get(c.name);
      return c.papers.filter((p) => id === undefined || !inList.has(`${id}\u0000${p.paperId}`)).map((p) => ({ name: c.name, ...p }));
    });
    assertRoom('collections', lists.length, freshLists.length, 'import');
    assertRoom('collectionPapers', listed.length, freshMembers.length, 'import');

    let bookmarks = 0;
    for (const batch of batches(freshBookmarks)) {
      const data = batch.map((b) => ({ userId, paperId: b.paperId, createdAt: b.createdAt }));
      bookmarks += (await tx.bookmark.createMany({ data, skipDuplicates: true })).count;
    }

    // Delete + insert rather than one upsert per row: two statements per batch, and updatedAt is taken from the file.
    for (const batch of batches(file.statuses)) {
      await tx.readingStatus.deleteMany({ where: { userId, paperId: { in: batch.map((s) => s.paperId) } } });
      await tx.readingStatus.createMany({
        data: batch.map((s) => ({ userId, paperId: s.paperId, status: s.status, updatedAt: s.updatedAt })),
      });
    }

    let notes = 0;
    for (const batch of batches(freshNotes)) {
      const data = batch.map((n) => ({ userId, paperId: n.paperId, body: n.body, createdAt: n.createdAt, updatedAt: n.updatedAt }));
      notes += (await tx.note.createMany({ data })).count;
    }

    for (const list of freshLists) {
      const made = await tx.collection.create({ data: { userId, name: list.name, createdAt: list.createdAt }, select: { id: true } });
      listId.set(list.name, made.id);
    }
    let collectionPapers = 0;
    for (const batch of batches(freshMembers)) {
      const data = batch.map((m) => ({ collectionId: listId.get(m.name)!, userId, paperId: m.paperId, createdAt: m.addedAt }));
      collectionPapers += (await tx.collectionPaper.createMany({ data, skipDuplicates: true })).count;
    }

    let highlights = 0;
    for (const batch of batches(freshHighlights)) {
      const data = batch.map((h) => ({
        userId,
        review: h.review,
        paperId: h.paperId,
        quoteExact: h.quote.exact,
        quotePrefix: h.quote.prefix,
        quoteSuffix: h.quote.suffix,
        positionStart: h.position.start,
        positionEnd: h.position.end,
        color: h.color,
        note: h.note,
        createdAt: h.createdAt,
        updatedAt: h.updatedAt,
      }));
      highlights += (await tx.highlight.createMany({ data })).count;
    }

    return {
      bookmarks,
      statuses: file.statuses.length,
      notes,
      collections: freshLists.length,
      collectionPapers,
      highlights,
      skipped: {
        bookmarks: file.bookmarks.length - bookmarks,
        notes: file.notes.length - notes,
        highlights: file.highlights.length - highlights,
      },
    };
  }, IMPORT_TX_OPTIONS);
}
