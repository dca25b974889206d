// The reader's contracts, shared by the server (route handlers, data modules)
// and the browser (islands): enums, limits, schemas, messages and response
// types. No 'server-only' here, and nothing that pulls the database in: a
// client module that imports this file gets zod and a few constants.
import { z } from 'zod';
import { ReadingStatusValue } from '@/lib/generated/prisma/enums';
import type { readerPaperStates } from '@/lib/reader/bookmarks';
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

// ---- Import and export ------------------------------------------------------------

/** 20 MB holds ~1,000 notes at the length limit; the import route and the upload form both refuse more. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const importTooLargeMessage = `The import file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`;

// ---- Response types, inferred from the functions that produce them ---------------

export type NoteView = Awaited<ReturnType<typeof presentNote>>;
export type ReaderUser = { id: string; email: string | null; name: string | null };
/** GET /api/reader/state: who is signed in and what they did with which paper. */
export type ReaderState = { user: ReaderUser | null } & Awaited<ReturnType<typeof readerPaperStates>>;
export const SIGNED_OUT_STATE: ReaderState = { user: null, bookmarks: [], statuses: {}, noteCounts: {} };
