// The reader's contracts, shared by the server (route handlers, data modules)
// and the browser (islands): enums, limits, schemas, messages and response
// types. No 'server-only' here, and nothing that pulls the database in: a
// client module that imports this file gets zod and a few constants.
import { z } from 'zod';
import { ReadingStatusValue } from '@/lib/generated/prisma/enums';
import { MAX_IMPORT_BYTES } from '@/lib/reader/import-limit';
import type { readerPaperStates } from '@/lib/reader/bookmarks';
import type { ImportResult } from '@/lib/reader/export/reader-data';
import type { presentNote } from '@/lib/reader/note-markdown';

// ---- Reading status: the database enum is the one source -----------------------

export { ReadingStatusValue };
/** In reading order, as Prisma generated them from schema.prisma. */
export const READING_STATUS_VALUES = Object.values(ReadingStatusValue);
export const readingStatusSchema = z.enum(ReadingStatusValue);
export const readingStatusLabels: Record<ReadingStatusValue, string> = { TO_READ: 'To read', READING: 'Reading', READ: 'Read' };

export function isReadingStatusValue(value: unknown): value is ReadingStatusValue {
  return typeof value === 'string' && (READING_STATUS_VALUES as readonly string[]).includes(value);
}

// ---- Accounts -----------------------------------------------------------------------
// Field schemas only: the routes assemble their bodies with z.object. Creating
// an object schema makes zod probe `new Function` once, which a strict
// Content-Security-Policy reports as a violation on every page whose islands
// import this file.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;
/** A new password (sign-up, change, reset); sign-in accepts whatever was set before these rules. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
/** The password the reader has now, asked before changing the password or the email. */
export const currentPasswordSchema = z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH);
export const emailSchema = z.email('Enter a valid email address.').max(320);
/** What POST /api/password-reset answers whether or not an account has that email. */
export const RESET_REQUESTED_MESSAGE =
  'If an account uses this email, a link to choose a new password is on its way. It works once, for 30 minutes.';
export const RESET_NOT_CONFIGURED_MESSAGE =
  'Password reset by email is not set up on this server (it has no mail server configured). Ask the site’s operator.';

// ---- Papers ------------------------------------------------------------------------

/** Paper ids come from the content index (`arxiv:2511.16624`, `papers/y2025/nov/20251121#3-x`). */
export const paperIdSchema = z.string().trim().min(1, 'paperId is required').max(300, 'paperId is too long');

// ---- Notes --------------------------------------------------------------------------

/** Characters as a reader counts them (an emoji is one), as PostgreSQL's char_length does. */
export const NOTE_MAX_LENGTH = 20_000;
export const noteLength = (body: string) => [...body].length;
export const noteTooLongMessage = (length: number) => `Note is ${length} characters; the limit is ${NOTE_MAX_LENGTH}.`;
export const EMPTY_NOTE_MESSAGE = 'A note cannot be empty.';

/** What is wrong with a note body, or null: one rule for the editor, the API and the data layer. */
export function noteBodyProblem(body: string): { kind: 'empty' | 'too-long' | 'unstorable'; message: string } | null {
  if (body.trim() === '') return { kind: 'empty', message: EMPTY_NOTE_MESSAGE };
  // Code points never outnumber UTF-16 units, so short bodies need no counting.
  if (body.length > NOTE_MAX_LENGTH) {
    const length = noteLength(body);
    if (length > NOTE_MAX_LENGTH) return { kind: 'too-long', message: noteTooLongMessage(length) };
  }
  // PostgreSQL text cannot hold NUL; say so instead of failing in the database.
  if (body.includes('\u0000')) return { kind: 'unstorable', message: 'A note cannot contain NUL (\\u0000) characters.' };
  return null;
}

/** A note body as the API accepts it: refused by name when empty, too long or unstorable, never truncated. */
export const noteBodySchema = z.string().superRefine((body, ctx) => {
  const problem = noteBodyProblem(body);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
});

/** Prisma's cuid(): a "c" and 24 lowercase letters or digits. Checked before any query, so a NUL or a stray `%` never reaches the database. */
export const NOTE_ID_PATTERN = /^c[a-z0-9]{24}$/;
export const isNoteId = (id: string) => NOTE_ID_PATTERN.test(id);
export const noteIdSchema = z.string().regex(NOTE_ID_PATTERN, 'Invalid note id.');

/**
 * Notes under one paper come a page at a time, newest page first (the
 * review page shows the latest and offers the ones before); /notes shows
 * NOTES_LIST_PAGE_SIZE notes per page, grouped by paper. Either way a
 * response holds at most this many 20,000-character notes.
 */
export const NOTES_PAGE_SIZE = 50;
export const NOTES_LIST_PAGE_SIZE = 20;
/** `before` of GET /api/notes: where the previous page ended (the `earlier` of a response), opaque to the client. */
export const noteCursorSchema = z.string().regex(/^\d{1,15}\.c[a-z0-9]{24}$/, 'Invalid cursor: pass the "earlier" of the previous page.');

/**
 * The `Idempotency-Key` header of POST /api/notes: the editor makes one per
 * text it tries to save, so a retry after a lost response returns the note
 * the first attempt stored instead of a second copy. A UUID fits.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const idempotencyKeySchema = z
  .string()
  // RFC 8941 strings are quoted ("…"); most clients send the bare token.
  .transform((key) => key.replace(/^"(.*)"$/, '$1'))
  .pipe(z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'Idempotency-Key must be 16 to 128 letters, digits, "-" or "_" (a UUID fits).'));

// ---- Collections -----------------------------------------------------------------

export const COLLECTION_NAME_MAX_LENGTH = 100;
/** A collection's name: trimmed, 1 to 100 characters, no control characters; unique per reader. */
export const collectionNameSchema = z
  .string({ error: 'name must be a string' })
  .trim()
  .min(1, 'Give the collection a name.')
  .max(COLLECTION_NAME_MAX_LENGTH, `A collection name has at most ${COLLECTION_NAME_MAX_LENGTH} characters.`)
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'A collection name cannot contain control characters (line breaks, tabs, NUL).');
/** Collection ids are Prisma cuids, like note ids: checked before any query. */
export const collectionIdSchema = z.string().regex(NOTE_ID_PATTERN, 'Invalid collection id.');
export const collectionNameTakenMessage = (name: string) => `You already have a collection named “${name}”. Pick another name.`;
export const COLLECTION_NOT_FOUND_MESSAGE = 'Collection not found.';

/** One of the reader's collections as the API returns it; `contains` answers "is this paper in it?" when asked. */
export type CollectionView = { id: string; name: string; paperCount: number; createdAt: string; contains?: boolean };

// ---- Library (/library and the exports of what it shows) ------------------------------

export const LIBRARY_SORTS = ['added', 'review', 'name'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const librarySortLabels: Record<LibrarySort, string> = { added: 'Date added', review: 'Review date', name: 'Name' };
const flag = z
  .enum(['1', 'true', '0', 'false'], { error: 'expected 1 or 0' })
  .transform((v) => v === '1' || v === 'true')
  .optional();
/** The library's filters as query parameters; one schema for the page, the export links and the export route. */
export const libraryFilterShape = {
  status: readingStatusSchema.optional(),
  bookmarked: flag,
  notes: flag,
  org: z.string().trim().min(1).max(100).optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  collection: collectionIdSchema.optional(),
  sort: z.enum(LIBRARY_SORTS, { error: 'expected added, review or name' }).optional(),
};
export type LibraryFilters = {
  status?: ReadingStatusValue;
  bookmarked?: boolean;
  notes?: boolean;
  org?: string;
  tag?: string;
  collection?: string;
  sort?: LibrarySort;
};
/** Papers per page of /library and /bookmarks. */
export const LIBRARY_PAGE_SIZE = 20;
/** Which page asks GET /api/library: /bookmarks fixes `bookmarked`. */
export const LIBRARY_VIEWS = ['library', 'bookmarks'] as const;
export type LibraryViewName = (typeof LIBRARY_VIEWS)[number];
/**
 * GET /api/library's query: the page's own query parameters (the filters and
 * `page`), plus `view`. Built lazily: an object schema probes `new Function`
 * (see Accounts), and the browser never needs this one.
 */
export const libraryQuerySchema = () =>
  z.object({
    ...libraryFilterShape,
    page: z.coerce.number({ error: 'expected a page number' }).int().min(1).max(10_000).optional(),
    view: z.enum(LIBRARY_VIEWS, { error: 'expected library or bookmarks' }).optional(),
  });
/** One row of the library as GET /api/library returns it, dates already formatted for the page. */
export type LibraryRowView = {
  paperId: string;
  /** "Nov 3, 2026": the first time the reader did anything with the paper that is still on record. */
  added: string;
  bookmarked: boolean;
  noteCount: number;
  collectionIds: string[];
  /** The paper as the content knows it; null when no review discusses it any more. */
  paper: {
    name: string;
    /** The paper's own page. */
    pageHref: string;
    /** The heading that discusses it in its newest review. */
    href: string;
    reviewTitle: string;
    date: string;
    orgs: string[];
  } | null;
};
/**
 * GET /api/library: one page of the reader's library with the filters it was
 * read with (on /bookmarks `bookmarked` is set), and the reader's collections.
 * A query parameter the library does not understand is a 400 whose `issues`
 * name each one.
 */
export type LibraryResponse = {
  filters: LibraryFilters;
  page: number;
  pageSize: number;
  total: number;
  items: LibraryRowView[];
  collections: CollectionView[];
};
export type LibraryQueryIssue = { parameter: string; message: string };
export type LibraryErrorResponse = { error: string; issues?: LibraryQueryIssue[] };

/** In words, for the export's title and the page: "my library: bookmarked, status Reading, in “To cite”". */
export function describeLibraryView(filters: LibraryFilters, collectionName?: string): string {
  const parts: string[] = [];
  if (filters.bookmarked) parts.push('bookmarked');
  if (filters.status) parts.push(`status ${readingStatusLabels[filters.status]}`);
  if (filters.notes) parts.push('with notes');
  if (filters.org) parts.push(`org ${filters.org}`);
  if (filters.tag) parts.push(`tag ${filters.tag}`);
  if (filters.collection) parts.push(`in “${collectionName ?? 'a collection'}”`);
  return parts.length ? `my library: ${parts.join(', ')}` : 'my library';
}

/** The filters as a query string (what the page links and the export links carry); defaults left out. */
export function libraryQueryString(filters: LibraryFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.bookmarked) params.set('bookmarked', '1');
  if (filters.notes) params.set('notes', '1');
  if (filters.org) params.set('org', filters.org);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.collection) params.set('collection', filters.collection);
  if (filters.sort && filters.sort !== 'added') params.set('sort', filters.sort);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

const count = (n: number) => n.toLocaleString('en');

// ---- Highlights ------------------------------------------------------------------
// A highlight anchors to the article's text with the W3C Web Annotation
// selectors (https://www.w3.org/TR/annotation-model/#selectors): a quote with
// some context, and character offsets into the article's textContent. Both are
// stored; the page re-anchors them on every load because authors edit reviews.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const highlightColorLabels: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };
export const HIGHLIGHT_QUOTE_MAX_LENGTH = 2_000;
/** Characters of prefix and suffix a new highlight keeps around its quote. */
export const HIGHLIGHT_CONTEXT_LENGTH = 32;
export const highlightQuoteTooLongMessage = (length: number) =>
  `The selection is ${count(length)} characters; a highlight holds at most ${count(HIGHLIGHT_QUOTE_MAX_LENGTH)}. Select less.`;

/** A review is named by its slug (`papers/y2025/nov/20251121`), as the content index knows it. */
export const reviewSlugSchema = z
  .string()
  .trim()
  .min(1, 'review is required')
  .max(300, 'review is too long')
  .regex(/^[\p{L}\p{N}._~\/-]+$/u, 'review must be a review slug such as papers/y2025/nov/20251121');
export const highlightIdSchema = z.string().regex(NOTE_ID_PATTERN, 'Invalid highlight id.');
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS, { error: `color must be one of ${HIGHLIGHT_COLORS.join(', ')}` });
const noNul = (what: string) => z.string().regex(/^[^\u0000]*$/, `${what} cannot contain NUL characters.`);
/**
 * W3C TextQuoteSelector: the exact text and up to HIGHLIGHT_CONTEXT_LENGTH×2 characters of context either side.
 * Built lazily, like the request schemas below: an object schema made when this module loads probes `new Function`
 * in every reader's browser (see Accounts).
 */
export const textQuoteSelectorSchema = () =>
  z.object({
    exact: noNul('The quote')
      .min(1, 'A highlight needs some selected text.')
      .refine((exact) => [...exact].length <= HIGHLIGHT_QUOTE_MAX_LENGTH, {
        error: (issue) => highlightQuoteTooLongMessage([...(issue.input as string)].length),
      }),
    prefix: noNul('The prefix')
      .max(HIGHLIGHT_CONTEXT_LENGTH * 2)
      .default(''),
    suffix: noNul('The suffix')
      .max(HIGHLIGHT_CONTEXT_LENGTH * 2)
      .default(''),
  });
/** W3C TextPositionSelector: [start, end) in UTF-16 units of the article's textContent. */
export const textPositionSelectorSchema = () =>
  z
    .object({ start: z.number().int().min(0).max(10_000_000), end: z.number().int().min(1).max(10_000_000) })
    .refine((p) => p.end > p.start, { error: 'position.end must be after position.start' });
export type TextQuoteSelector = z.infer<ReturnType<typeof textQuoteSelectorSchema>>;
export type TextPositionSelector = z.infer<ReturnType<typeof textPositionSelectorSchema>>;

/**
 * POST /api/highlights. `paperId` is the paper section the selection starts in,
 * null in a review's introduction; the server checks it belongs to `review`.
 * Built lazily: creating an object schema makes zod probe `new Function` (see Accounts).
 */
export const newHighlightSchema = () =>
  z.object({
    review: reviewSlugSchema,
    paperId: paperIdSchema.nullable(),
    quote: textQuoteSelectorSchema(),
    position: textPositionSelectorSchema(),
    color: highlightColorSchema.default('yellow'),
    note: noteBodySchema.nullable().optional(),
  });
/** PATCH /api/highlights/<id>: the note (null removes it) and/or the color. */
export const highlightPatchSchema = () =>
  z
    .object({ note: noteBodySchema.nullable().optional(), color: highlightColorSchema.optional() })
    .refine((p) => p.note !== undefined || p.color !== undefined, { error: 'Send a note or a color to change.' });

/**
 * One highlight as the API returns it. GET /api/highlights?review=<slug>
 * answers { highlights: HighlightView[] } for that review; POST answers
 * { highlight } (201), PATCH { highlight }, DELETE 204.
 */
export type HighlightView = {
  id: string;
  review: string;
  paperId: string | null;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  /** Markdown as the reader wrote it (sanitized when rendered), or null. */
  note: string | null;
  /** The note as sanitized HTML, rendered on the server (as notes are); the API always sends it, null without a note. */
  noteHtml?: string | null;
  createdAt: string;
  updatedAt: string;
  /** GET ?paperId only (pages without the article): the passage's URL, `<review url>#hl-<id>`, null when the review is gone. */
  href?: string | null;
  /** GET ?paperId only: the quote is no longer in its review (a server check, whitespace aside); listed, never deleted. */
  gone?: boolean;
};

/** GET /api/highlights takes exactly one of these: a review's highlights, or a paper's (across reviews). */
export const highlightQueryShape = { review: reviewSlugSchema.optional(), paperId: paperIdSchema.optional() };
export const HIGHLIGHT_NOT_FOUND_MESSAGE = 'Highlight not found.';

/**
 * Text as the "is this quote still in the review?" check compares it: NFC,
 * with no whitespace at all. The article's textContent and the server's plain
 * text of the same Markdown differ in how blocks are joined (a newline, a
 * space, nothing), never in the characters of the words, so whitespace is
 * left out of the comparison altogether.
 */
export const normalizeQuoteText = (text: string) => text.normalize('NFC').replace(/\s+/gu, '');

/** Whether a highlight's quote is still somewhere in a text already passed through normalizeQuoteText. */
export function quoteStillInText(exact: string, normalizedText: string): boolean {
  const quote = normalizeQuoteText(exact);
  return quote === '' || normalizedText.includes(quote);
}

// ---- Per-account limits ---------------------------------------------------------

/**
 * What one account can keep, so no reader can make a list, an export or a
 * search slow for everyone. The data layer enforces them atomically (a
 * per-account lock), the importer for a whole file.
 */
export const MAX_NOTES = 5_000;
export const MAX_BOOKMARKS = 5_000;
export const MAX_STATUSES = 5_000;
export const MAX_HIGHLIGHTS = 5_000;
export const MAX_COLLECTIONS = 200;
/** Papers in all of one reader's collections together (a paper in two collections counts twice). */
export const MAX_COLLECTION_PAPERS = 5_000;

export const READER_LIMITS = {
  notes: { max: MAX_NOTES, noun: 'notes', remedy: 'Delete some to add more.' },
  bookmarks: { max: MAX_BOOKMARKS, noun: 'bookmarks', remedy: 'Remove some to add more.' },
  statuses: { max: MAX_STATUSES, noun: 'reading statuses', remedy: 'Clear some to add more.' },
  highlights: { max: MAX_HIGHLIGHTS, noun: 'highlights', remedy: 'Delete some to add more.' },
  collections: { max: MAX_COLLECTIONS, noun: 'collections', remedy: 'Delete one to make another.' },
  collectionPapers: {
    max: MAX_COLLECTION_PAPERS,
    noun: 'papers in collections (counting each collection a paper is in)',
    remedy: 'Take some out of a collection to add more.',
  },
} as const;
export type ReaderCollection = keyof typeof READER_LIMITS;

export const limitReachedMessage = (collection: ReaderCollection) => {
  const { max, noun, remedy } = READER_LIMITS[collection];
  return `You have ${count(max)} ${noun}, the most one account can keep. ${remedy}`;
};
export const importOverLimitMessage = (collection: ReaderCollection, wouldHave: number) => {
  const { max, noun } = READER_LIMITS[collection];
  return `Importing this file would give you ${count(wouldHave)} ${noun}; one account can keep ${count(max)}. Nothing was imported.`;
};

// ---- Import and export ------------------------------------------------------------

export { MAX_IMPORT_BYTES };
export const importTooLargeMessage = `The import file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`;

// ---- Response types, inferred from the functions that produce them ---------------

export type NoteView = Awaited<ReturnType<typeof presentNote>>;
export type ReaderUser = { id: string; email: string | null; name: string | null };
/** GET /api/reader/state: who is signed in and what they did with which paper. */
export type ReaderState = { user: ReaderUser | null } & Awaited<ReturnType<typeof readerPaperStates>>;
export const SIGNED_OUT_STATE: ReaderState = { user: null, bookmarks: [], statuses: {}, noteCounts: {} };
/** POST /api/import: what was restored, or why not. */
export type ImportResponse = { imported?: ImportResult; error?: string };
