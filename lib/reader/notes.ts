import 'server-only';
import { HttpError } from '@/lib/http/errors';
import { EMPTY_NOTE_MESSAGE, NOTE_MAX_LENGTH, noteBodyProblem, noteLength, noteTooLongMessage } from '@/lib/reader/shared';
import { isRecordNotFound, pageWindow } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';

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

export async function createNote(userId: string, paperId: string, body: string): Promise<NoteRecord> {
  assertValidBody(body);
  const db = await getDb();
  return db.note.create({ data: { userId, paperId, body }, select: NOTE_SELECT });
}

/** null = not found or not yours. */
export async function updateNote(userId: string, noteId: string, body: string): Promise<NoteRecord | null> {
  // Validated before any lookup, so the error cannot tell whether the note exists.
  assertValidBody(body);
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
  const db = await getDb();
  const { count } = await db.note.deleteMany({ where: { id: noteId, userId } });
  return count > 0;
}

/** Oldest first. */
export async function listNotesForPaper(userId: string, paperId: string): Promise<NoteRecord[]> {
  const db = await getDb();
  return db.note.findMany({
    where: { userId, paperId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: NOTE_SELECT,
  });
}

/**
 * Groups by paper, groups ordered by their latest note (newest first), notes
 * oldest first inside a group; paginated by groups; total = number of groups.
 * "Latest" means most recently written, i.e. max(updatedAt): editing a note
 * brings its paper back to the top, like adding one.
 */
export async function listNotesByPaper(
  userId: string,
  opts: { page: number; pageSize: number },
): Promise<{ groups: { paperId: string; notes: NoteRecord[] }[]; total: number }> {
  const { take, skip } = pageWindow(opts);
  const db = await getDb();
  const [pageRows, counted] = await Promise.all([
    db.$queryRaw<{ paperId: string }[]>`
      SELECT "paperId" FROM "Note" WHERE "userId" = ${userId}
      GROUP BY "paperId"
      ORDER BY max("updatedAt") DESC, "paperId" ASC
      LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(DISTINCT "paperId")::int AS "total" FROM "Note" WHERE "userId" = ${userId}`,
  ]);
  const paperIds = pageRows.map((row) => row.paperId);
  const total = counted[0]?.total ?? 0;
  if (paperIds.length === 0) return { groups: [], total };

  const notes = await db.note.findMany({
    where: { userId, paperId: { in: paperIds } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: NOTE_SELECT,
  });
  const byPaper = new Map(paperIds.map((paperId) => [paperId, [] as NoteRecord[]]));
  for (const note of notes) byPaper.get(note.paperId)?.push(note);
  // A group whose notes were all deleted between the two queries is dropped rather than shown empty.
  const groups = paperIds.map((paperId) => ({ paperId, notes: byPaper.get(paperId) ?? [] })).filter((group) => group.notes.length > 0);
  return { groups, total };
}

/** Every note of the reader, for export and "search my notes"; oldest first. */
export async function allNotes(userId: string): Promise<NoteRecord[]> {
  const db = await getDb();
  return db.note.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: NOTE_SELECT });
}
