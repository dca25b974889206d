import { expect, test } from 'vitest';
import { InvalidPaginationError } from '@/lib/db/query-helpers';
import { NOTE_MAX_LENGTH } from '@/lib/reader/shared';
import {
  allNotes,
  createNote,
  deleteNote,
  EmptyNoteError,
  listNotesByPaper,
  listNotesForPaper,
  NoteTooLongError,
  updateNote,
} from '@/lib/reader/notes';
import { describeEachBackend, userFactory } from '@/tests/support/db';

describeEachBackend('notes', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'notes');
  const storedNotes = (userId: string) => getTestDb().db.note.findMany({ where: { userId }, orderBy: { id: 'asc' } });

  test('create, list, update and delete', async () => {
    const userId = await newUser();
    const first = await createNote(userId, 'paper-a', 'First thought.');
    expect(first).toEqual({
      id: expect.any(String),
      paperId: 'paper-a',
      body: 'First thought.',
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(first).not.toHaveProperty('userId');
    const second = await createNote(userId, 'paper-a', 'Second thought.');
    await createNote(userId, 'paper-b', 'Elsewhere.');

    expect(await storedNotes(userId)).toHaveLength(3);
    expect(await listNotesForPaper(userId, 'paper-a')).toEqual([first, second]);

    const updated = await updateNote(userId, first.id, 'First thought, revised.');
    expect(updated).toEqual({ ...first, body: 'First thought, revised.', updatedAt: expect.any(Date) });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    const row = await getTestDb().db.note.findUnique({ where: { id: first.id } });
    expect(row).toEqual({ ...updated, userId });

    expect(await updateNote(userId, 'no-such-note', 'x')).toBeNull();
    expect(await deleteNote(userId, second.id)).toBe(true);
    expect(await deleteNote(userId, second.id)).toBe(false);
    expect(await listNotesForPaper(userId, 'paper-a')).toEqual([updated]);
    expect(await listNotesForPaper(userId, 'paper-z')).toEqual([]);
  });

  test('a body over the limit throws NoteTooLongError and stores nothing; exactly the limit works', async () => {
    const userId = await newUser();
    const tooLong = createNote(userId, 'p', 'x'.repeat(NOTE_MAX_LENGTH + 1));
    await expect(tooLong).rejects.toBeInstanceOf(NoteTooLongError);
    await expect(tooLong).rejects.toMatchObject({ length: 20_001, max: 20_000, message: 'Note is 20001 characters; the limit is 20000.' });
    expect(await storedNotes(userId)).toEqual([]);

    const atLimit = await createNote(userId, 'p', 'y'.repeat(20_000));
    expect(atLimit.body).toHaveLength(20_000);
    const stored = await storedNotes(userId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).toBe('y'.repeat(20_000));

    // Updating over the limit leaves the stored note as it was.
    await expect(updateNote(userId, atLimit.id, 'z'.repeat(20_001))).rejects.toBeInstanceOf(NoteTooLongError);
    expect(await storedNotes(userId)).toEqual(stored);
  });

  test('length counts characters (code points), not UTF-16 units', async () => {
    const userId = await newUser();
    const emoji = '😀'.repeat(20_000); // 40,000 UTF-16 units
    expect((await createNote(userId, 'p', emoji)).body).toBe(emoji);
    await expect(createNote(userId, 'p', `${emoji}😀`)).rejects.toMatchObject({ length: 20_001 });
    expect(await storedNotes(userId)).toHaveLength(1);
  });

  test('empty and whitespace-only bodies are refused and store nothing', async () => {
    const userId = await newUser();
    for (const body of ['', '   ', '\n\t \r\n', '\u3000']) {
      await expect(createNote(userId, 'p', body)).rejects.toBeInstanceOf(EmptyNoteError);
    }
    expect(await storedNotes(userId)).toEqual([]);
    const note = await createNote(userId, 'p', 'keep');
    await expect(updateNote(userId, note.id, '  ')).rejects.toBeInstanceOf(EmptyNoteError);
    expect((await storedNotes(userId))[0]!.body).toBe('keep');
  });

  test('Korean and other Unicode is stored exactly, including whitespace and decomposed Hangul', async () => {
    const userId = await newUser();
    const body = '  논문 메모: 트랜스포머의 **주의** 메커니즘 😀 𝛼β\n\n둘째 줄\t끝  ';
    const decomposed = '한글'.normalize('NFD'); // must not be normalized to NFC on the way
    const note = await createNote(userId, 'y2025/nov/20251121', body);
    const other = await createNote(userId, 'y2025/nov/20251121', decomposed);
    expect(note.body).toBe(body);
    const stored = await storedNotes(userId);
    expect(stored.map((row) => row.body).sort()).toEqual([body, decomposed].sort());
    expect((await listNotesForPaper(userId, 'y2025/nov/20251121')).find((row) => row.id === other.id)?.body).toHaveLength(
      decomposed.length,
    );

    const updated = await updateNote(userId, note.id, '수정된 메모 ✓');
    expect(updated?.body).toBe('수정된 메모 ✓');
    expect((await getTestDb().db.note.findUnique({ where: { id: note.id } }))?.body).toBe('수정된 메모 ✓');
  });

  test('listNotesByPaper: groups by latest note, newest first; notes oldest first; paginated by group', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    // Explicit times: A's latest is 5, B's 3, C's note was written at 2 but edited at 6.
    const spec = [
      { paperId: 'A', body: 'a1', created: 1, updated: 1 },
      { paperId: 'C', body: 'c1', created: 2, updated: 6 },
      { paperId: 'B', body: 'b1', created: 3, updated: 3 },
      { paperId: 'A', body: 'a2', created: 5, updated: 5 },
    ];
    const ids = new Map<string, string>();
    for (const s of spec) {
      const note = await createNote(userId, s.paperId, s.body);
      await db.note.update({ where: { id: note.id }, data: { createdAt: at(s.created), updatedAt: at(s.updated) } });
      ids.set(s.body, note.id);
    }
    const rec = (paperId: string, body: string, created: number, updated: number) => ({
      id: ids.get(body),
      paperId,
      body,
      createdAt: at(created),
      updatedAt: at(updated),
    });
    const groupA = { paperId: 'A', notes: [rec('A', 'a1', 1, 1), rec('A', 'a2', 5, 5)] };
    const groupB = { paperId: 'B', notes: [rec('B', 'b1', 3, 3)] };
    const groupC = { paperId: 'C', notes: [rec('C', 'c1', 2, 6)] };

    expect(await listNotesByPaper(userId, { page: 1, pageSize: 2 })).toEqual({ groups: [groupC, groupA], total: 3 });
    expect(await listNotesByPaper(userId, { page: 2, pageSize: 2 })).toEqual({ groups: [groupB], total: 3 });
    expect(await listNotesByPaper(userId, { page: 3, pageSize: 2 })).toEqual({ groups: [], total: 3 });
    expect(await allNotes(userId)).toEqual([groupA.notes[0], groupC.notes[0], groupB.notes[0], groupA.notes[1]]);

    // Editing B's note now makes B the most recently written group.
    const edited = await updateNote(userId, ids.get('b1')!, 'b1 edited');
    expect((await listNotesByPaper(userId, { page: 1, pageSize: 10 })).groups.map((g) => g.paperId)).toEqual(['B', 'C', 'A']);
    expect((await listNotesByPaper(userId, { page: 1, pageSize: 1 })).groups).toEqual([{ paperId: 'B', notes: [edited] }]);

    await expect(listNotesByPaper(userId, { page: 0, pageSize: 1 })).rejects.toBeInstanceOf(InvalidPaginationError);
    expect(await listNotesByPaper(await newUser(), { page: 1, pageSize: 10 })).toEqual({ groups: [], total: 0 });
  });
});
