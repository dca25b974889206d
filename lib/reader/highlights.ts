import 'server-only';
// A reader's highlights: passages of a review they marked, each with an
// optional Markdown note. One module for every read and write; the signed-in
// reader's id is in every where, so another reader's highlight is simply not
// found (never "forbidden", which would say it exists).
import type { z } from 'zod';
import { paperCatalog } from '@/lib/content/index/catalog';
import type { Paper } from '@/lib/content/index/content-index';
import { findReview } from '@/lib/content/index/review-lookup';
import { quoteInReview } from '@/lib/content/index/review-text';
import { getDb } from '@/lib/db/connection';
import { isRecordNotFound } from '@/lib/db/query-helpers';
import { HttpError } from '@/lib/http/errors';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';
import { renderNoteMarkdown } from '@/lib/reader/note-markdown';
import { highlightPatchSchema, isNoteId, newHighlightSchema, type HighlightColor, type HighlightView } from '@/lib/reader/shared';

export type NewHighlight = z.input<ReturnType<typeof newHighlightSchema>>;
export type HighlightPatch = z.input<ReturnType<typeof highlightPatchSchema>>;

export type HighlightRecord = {
  id: string;
  review: string;
  paperId: string | null;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  color: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
};

// Never select userId: callers only ever see their own highlights anyway.
export const HIGHLIGHT_SELECT = {
  id: true,
  review: true,
  paperId: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
  color: true,
  note: true,
  createdAt: true,
  updatedAt: true,
} as const;

// Creates queue on the reader's lock; see NOTE_TX_OPTIONS in notes.ts.
const HIGHLIGHT_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * The same rules as the route's zod schema, enforced here too so no other
 * caller (the importer, a script) stores what the page could never show.
 */
export function parseNewHighlight(input: NewHighlight) {
  const parsed = newHighlightSchema().safeParse(input);
  if (!parsed.success) throw new HttpError(400, `Invalid highlight: ${describe(parsed.error)}`);
  return parsed.data;
}

/** The review must be one this site publishes, and the paper (when given) one it discusses: 400 naming which is wrong. */
export function assertHighlightTarget(review: string, paperId: string | null, catalog: ReadonlyMap<string, Paper> = paperCatalog()): void {
  const found = findReview(review, catalog);
  if (!found) throw new HttpError(400, `review: no review here has the slug "${review}".`);
  if (paperId !== null && !found.papers.some((p) => p.paperId === paperId)) {
    throw new HttpError(400, `paperId: "${paperId}" is not a paper of the review "${review}".`);
  }
}

/** The key came with an earlier highlight on another review: a client bug, not a retry. */
export class HighlightIdempotencyKeyReusedError extends HttpError {
  constructor() {
    super(422, 'This Idempotency-Key was already used for a highlight in another review; send a new key for a new highlight.');
  }
}

/**
 * Stores a highlight, at most MAX_HIGHLIGHTS per reader (LimitReachedError,
 * 409, beyond). With an idempotency key, a retry returns the highlight the
 * first call stored instead of a second copy.
 */
export async function createHighlight(userId: string, input: NewHighlight, idempotencyKey?: string): Promise<HighlightRecord> {
  const h = parseNewHighlight(input);
  assertHighlightTarget(h.review, h.paperId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockReaderRows(tx, userId);
    if (idempotencyKey) {
      const earlier = await tx.highlight.findFirst({ where: { userId, idempotencyKey }, select: HIGHLIGHT_SELECT });
      if (earlier) {
        if (earlier.review !== h.review) throw new HighlightIdempotencyKeyReusedError();
        return earlier;
      }
    }
    assertRoom('highlights', await tx.highlight.count({ where: { userId } }), 1);
    return tx.highlight.create({
      data: {
        userId,
        review: h.review,
        paperId: h.paperId,
        quoteExact: h.quote.exact,
        quotePrefix: h.quote.prefix,
        quoteSuffix: h.quote.suffix,
        positionStart: h.position.start,
        positionEnd: h.position.end,
        color: h.color,
        note: h.note ?? null,
        idempotencyKey,
      },
      select: HIGHLIGHT_SELECT,
    });
  }, HIGHLIGHT_TX_OPTIONS);
}

/** Changes the note (null removes it) and/or the color. null = not found or not yours. */
export async function updateHighlight(userId: string, id: string, patch: HighlightPatch): Promise<HighlightRecord | null> {
  // Validated before any lookup, so the error cannot tell whether the highlight exists.
  const parsed = highlightPatchSchema().safeParse(patch);
  if (!parsed.success) throw new HttpError(400, `Invalid request: ${describe(parsed.error)}`);
  if (!isNoteId(id)) return null;
  const { note, color } = parsed.data;
  const db = await getDb();
  try {
    return await db.highlight.update({
      where: { id, userId },
      data: { ...(note !== undefined && { note }), ...(color !== undefined && { color }) },
      select: HIGHLIGHT_SELECT,
    });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/** false = not found or not yours. */
export async function deleteHighlight(userId: string, id: string): Promise<boolean> {
  if (!isNoteId(id)) return false;
  const db = await getDb();
  const { count } = await db.highlight.deleteMany({ where: { id, userId } });
  return count > 0;
}

/** The reader's highlights in one review, in reading order. */
export async function listHighlightsForReview(userId: string, review: string): Promise<HighlightRecord[]> {
  const db = await getDb();
  return db.highlight.findMany({
    where: { userId, review },
    orderBy: [{ positionStart: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: HIGHLIGHT_SELECT,
  });
}

/** The reader's highlights on one paper, in whichever reviews discuss it; by review, then reading order. */
export async function listHighlightsForPaper(userId: string, paperId: string): Promise<HighlightRecord[]> {
  const db = await getDb();
  return db.highlight.findMany({
    where: { userId, paperId },
    orderBy: [{ review: 'desc' }, { positionStart: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: HIGHLIGHT_SELECT,
  });
}

/** Every highlight of the reader (at most MAX_HIGHLIGHTS), oldest first: the notebook, the exports, search. */
export async function listAllHighlights(userId: string): Promise<HighlightRecord[]> {
  const db = await getDb();
  return db.highlight.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: HIGHLIGHT_SELECT });
}

/** A highlight as the API returns it (HighlightView), its note rendered and sanitized like a note. */
export async function presentHighlight(h: HighlightRecord): Promise<HighlightView & { noteHtml: string | null }> {
  return {
    id: h.id,
    review: h.review,
    paperId: h.paperId,
    quote: { exact: h.quoteExact, prefix: h.quotePrefix, suffix: h.quoteSuffix },
    position: { start: h.positionStart, end: h.positionEnd },
    // Only the API's colors are ever stored (parseNewHighlight, highlightPatchSchema).
    color: h.color as HighlightColor,
    note: h.note,
    noteHtml: h.note === null ? null : await renderNoteMarkdown(h.note),
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

/**
 * Where a highlight is, for pages that show it away from its review (/notes,
 * the paper page): the passage's URL, the review's title, and whether the
 * quote is still in the review (checked on the server, whitespace aside).
 */
export function locateHighlight(
  h: Pick<HighlightRecord, 'id' | 'review' | 'quoteExact'>,
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): { href: string | null; reviewTitle: string | null; gone: boolean } {
  const review = findReview(h.review, catalog);
  return {
    href: review ? `${review.url}#hl-${h.id}` : null,
    reviewTitle: review?.title ?? null,
    gone: !quoteInReview(h.review, h.quoteExact),
  };
}
