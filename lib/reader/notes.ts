import 'server-only';
import { HttpError } from '@/lib/http/errors';
import {
  EMPTY_NOTE_MESSAGE,
  isNoteId,
  NOTE_MAX_LENGTH,
  noteBodyProblem,
  noteCursorSchema,
  noteLength,
  NOTES_PAGE_SIZE,
  noteTooLongMessage,
} from '@/lib/reader/shared';
import { isRecordNotFound, pageWindow } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';

export type NoteRecord = { id: string; paperId: string; body: string; createdAt: Date; updatedAt: Date };

/** A body the data layer refuses; the message says why (shared with the editor and the API). */
export class InvalidNoteError extends HttpError {}
export class EmptyNoteError extends InvalidNoteError {
  constructor() {
    super(400, EMPTY_NOTE_MESSAGE);
  }
}
export class NoteTooLongError extends InvalidNoteError {
  readonly max = NOTE_MAX_LENGTH;
  constructor(readonly length: number) {
    super(413, noteTooLongMessage(length));
  }
}

// Never select userId into a NoteRecord: callers only ever see their own notes anyway.
const NOTE_SELECT = { id: true, paperId: true, body: true, createdAt: true, updatedAt: true } as const;

/**
 * Enforced here as well as in the route's zod schema, so no other caller
 * (a script, the importer) can store what the UI could never show.
 */
function assertValidBody(body: string): void {
  const problem = noteBodyProblem(body);
  if (!problem) return;
  if (problem.kind === 'empty') throw new EmptyNoteError();
  if (problem.kind === 'too-long') throw new NoteTooLongError(noteLength(body));
  throw new InvalidNoteError(400, problem.message);
}

// A burst of creates by one reader queues on their lock (and on PGlite every
// transaction waits for the single connection): Prisma's 2 s/5 s defaults
// would turn a queue into errors.
const NOTE_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** The key came with an earlier note on another paper: a client bug, not a retry. */
export class IdempotencyKeyReusedError extends HttpError {
  constructor() {
    super(422, 'This Idempotency-Key was already used for a note on another paper; send a new key for a new note.');
  }
}

/**
 * Creates a note, at most MAX_NOTES per reader (LimitReachedError beyond).
 * With an idempotency key, a retry returns the note the first call stored
 * (as it is now, edits included) instead of storing a second one; keys are
 * per reader, and kept as long as their note.
 */
export async function createNote(userId: string, paperId: string, body: string, idempotencyKey?: string): Promise<NoteRecord> {
  assertValidBody(body);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Under the reader's lock, a retry running alongside the first call waits and then finds its note.
    await lockReaderRows(tx, userId);
    if (idempotencyKey) {
      const earlier = await tx.note.findFirst({ where: { userId, idempotencyKey }, select: NOTE_SELECT });
      if (earlier) {
        if (earlier.paperId !== paperId) throw new IdempotencyKeyReusedError();
        return earlier;
      }
    }
    assertRoom('notes', await tx.note.count({ where: { userId } }), 1);
    return tx.note.create({ data: { userId, paperId, body, idempotencyKey }, select: NOTE_SELECT });
  }, NOTE_TX_OPTIONS);
}

/** null = not found or not yours (a malformed id is simply not found). */
export async function updateNote(userId: string, noteId: string, body: string): Promise<NoteRecord | null> {
  // Validated before any lookup, so the error cannot tell whether the note exists.
  assertValidBody(body);
  if (!isNoteId(noteId)) return null;
  const db = await getDb();
  try {
    // userId is part of the unique where: another reader's note simply does not match.
    return await db.note.update({ where: { id: noteId, userId }, data: { body }, select: NOTE_SELECT });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/** false = not found or not yours. */
export async function deleteNote(userId: string, noteId: string): Promise<boolean> {
  if (!isNoteId(noteId)) return false;
  const db = await getDb();
  const { count } = await db.note.deleteMany({ where: { id: noteId, userId } });
  return count > 0;
}

/** A note's place in (createdAt, id) order, as `<ms>.<id>`: what GET /api/notes hands back as `earlier`. */
function cursorOf(note: { createdAt: Date; id: string }): string {
  return `${note.createdAt.getTime()}.${note.id}`;
}

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  if (!noteCursorSchema.safeParse(cursor).success) throw new HttpError(400, 'Invalid cursor: pass the "earlier" of the previous page.');
  const dot = cursor.indexOf('.');
  return { createdAt: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) };
}

/**
 * One page of the reader's notes on a paper: the newest `limit` before
 * `before` (or the newest of all), returned oldest first, with `earlier` =
 * the cursor for the page before it (null when there is none). A cursor
 * holds a position, not a note, so it survives that note's deletion.
 */
export async function listNotesForPaper(
  userId: string,
  paperId: string,
  { before, limit = NOTES_PAGE_SIZE }: { before?: string; limit?: number } = {},
): Promise<{ notes: NoteRecord[]; earlier: string | null }> {
  const { take } = pageWindow({ page: 1, pageSize: limit });
  const at = before === undefined ? null : parseCursor(before);
  const db = await getDb();
  const rows = await db.note.findMany({
    where: {
      userId,
      paperId,
      ...(at && { OR: [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: at.id } }] }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    select: NOTE_SELECT,
  });
  const notes = rows.slice(0, take).reverse();
  return { notes, earlier: rows.length > take && notes[0] ? cursorOf(notes[0]) : null };
}

export type NoteGroup = {
  paperId: string;
  /** This page's notes on the paper, oldest first. */
  notes: NoteRecord[];
  /** The reader's notes on the paper in all. */
  count: number;
  /** The paper's earlier notes are on the previous page. */
  continued: boolean;
};

/**
 * /notes: the reader's notes grouped by paper, groups ordered by their
 * latest note (newest first), notes oldest first inside a group; paged by
 * note, so a page is bounded however the notes are spread (a group can run
 * over a page boundary). total = number of notes.
 * "Latest" means most recently written, i.e. max(updatedAt): editing a note
 * brings its paper back to the top, like adding one.
 */
export async function listNotesPage(
  userId: string,
  opts: { page: number; pageSize: number },
): Promise<{ groups: NoteGroup[]; total: number }> {
  const { take, skip } = pageWindow(opts);
  const db = await getDb();
  // The order is computed on ids and dates only: bodies are read for this page's notes alone.
  const [pageRows, counted] = await Promise.all([
    db.$queryRaw<{ id: string; paperId: string; count: number; position: number }[]>`
      WITH ranked AS (
        SELECT "id", "paperId", "createdAt",
          max("updatedAt") OVER (PARTITION BY "paperId") AS "latest",
          count(*) OVER (PARTITION BY "paperId")::int AS "count",
          row_number() OVER (PARTITION BY "paperId" ORDER BY "createdAt", "id")::int AS "position"
        FROM "Note" WHERE "userId" = ${userId}
      )
      SELECT "id", "paperId", "count", "position" FROM ranked
      ORDER BY "latest" DESC, "paperId" ASC, "createdAt" ASC, "id" ASC
      LIMIT ${take} OFFSET ${skip}`,
    db.note.count({ where: { userId } }),
  ]);
  if (pageRows.length === 0) return { groups: [], total: counted };

  const notes = await db.note.findMany({ where: { userId, id: { in: pageRows.map((row) => row.id) } }, select: NOTE_SELECT });
  const byId = new Map(notes.map((note) => [note.id, note]));
  const groups: NoteGroup[] = [];
  for (const row of pageRows) {
    // A note deleted between the two queries is left out rather than shown empty.
    const note = byId.get(row.id);
    if (!note) continue;
    const last = groups[groups.length - 1];
    if (last?.paperId === row.paperId) last.notes.push(note);
    else groups.push({ paperId: row.paperId, notes: [note], count: row.count, continued: row.position > 1 });
  }
  return { groups, total: counted };
}
