import { expect, test } from 'vitest';
import { InvalidPaginationError } from '@/lib/db/query-helpers';
import { NOTE_MAX_LENGTH } from '@/lib/reader/shared';
import { NOTES_PAGE_SIZE } from '@/lib/reader/shared';
import { createNote, deleteNote, EmptyNoteError, listNotesForPaper, listNotesPage, NoteTooLongError, updateNote } from '@/lib/reader/notes';
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
    expect(await listNotesForPaper(userId, 'paper-a')).toEqual({ notes: [first, second], earlier: null });

    const updated = await updateNote(userId, first.id, 'First thought, revised.');
    expect(updated).toEqual({ ...first, body: 'First thought, revised.', updatedAt: expect.any(Date) });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    const row = await getTestDb().db.note.findUnique({ where: { id: first.id } });
    expect(row).toEqual({ ...updated, userId, idempotencyKey: null });

    expect(await updateNote(userId, 'no-such-note', 'x')).toBeNull();
    expect(await deleteNote(userId, second.id)).toBe(true);
    expect(await deleteNote(userId, second.id)).toBe(false);
    expect(await listNotesForPaper(userId, 'paper-a')).toEqual({ notes: [updated], earlier: null });
    expect(await listNotesForPaper(userId, 'paper-z')).toEqual({ notes: [], earlier: null });
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
    expect((await listNotesForPaper(userId, 'y2025/nov/20251121')).notes.find((row) => row.id === other.id)?.body).toHaveLength(
      decomposed.length,
    );

    const updated = await updateNote(userId, note.id, '수정된 메모 ✓');
    expect(updated?.body).toBe('수정된 메모 ✓');
    expect((await getTestDb().db.note.findUnique({ where: { id: note.id } }))?.body).toBe('수정된 메모 ✓');
  });

  test('listNotesPage: notes grouped by paper, groups by latest note (newest first), notes oldest first; paged by note', async () => {
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
    const [a1, a2, b1, c1] = [rec('A', 'a1', 1, 1), rec('A', 'a2', 5, 5), rec('B', 'b1', 3, 3), rec('C', 'c1', 2, 6)];

    expect(await listNotesPage(userId, { page: 1, pageSize: 10 })).toEqual({
      groups: [
        { paperId: 'C', notes: [c1], count: 1, continued: false },
        { paperId: 'A', notes: [a1, a2], count: 2, continued: false },
        { paperId: 'B', notes: [b1], count: 1, continued: false },
      ],
      total: 4,
    });
    // A page boundary can split a paper's notes: the second part says it continues.
    expect(await listNotesPage(userId, { page: 1, pageSize: 2 })).toEqual({
      groups: [
        { paperId: 'C', notes: [c1], count: 1, continued: false },
        { paperId: 'A', notes: [a1], count: 2, continued: false },
      ],
      total: 4,
    });
    expect(await listNotesPage(userId, { page: 2, pageSize: 2 })).toEqual({
      groups: [
        { paperId: 'A', notes: [a2], count: 2, continued: true },
        { paperId: 'B', notes: [b1], count: 1, continued: false },
      ],
      total: 4,
    });
    expect(await listNotesPage(userId, { page: 3, pageSize: 2 })).toEqual({ groups: [], total: 4 });

    // Editing B's note now makes B the most recently written group.
    const edited = await updateNote(userId, ids.get('b1')!, 'b1 edited');
    expect((await listNotesPage(userId, { page: 1, pageSize: 10 })).groups.map((g) => g.paperId)).toEqual(['B', 'C', 'A']);
    expect((await listNotesPage(userId, { page: 1, pageSize: 1 })).groups).toEqual([
      { paperId: 'B', notes: [edited], count: 1, continued: false },
    ]);

    await expect(listNotesPage(userId, { page: 0, pageSize: 1 })).rejects.toBeInstanceOf(InvalidPaginationError);
    expect(await listNotesPage(await newUser(), { page: 1, pageSize: 10 })).toEqual({ groups: [], total: 0 });
  });

  test('listNotesPage: 5,000 notes on one paper come 20 at a time, each page a bounded read', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const base = Date.UTC(2026, 0, 1);
    await db.note.createMany({
      data: Array.from({ length: 5_000 }, (_, i) => ({
        userId,
        paperId: 'big',
        body: `note ${i}`,
        createdAt: new Date(base + i * 1000),
        updatedAt: new Date(base + i * 1000),
      })),
    });
    const first = await listNotesPage(userId, { page: 1, pageSize: 20 });
    expect(first.total).toBe(5_000);
    expect(first.groups).toHaveLength(1);
    expect(first.groups[0]!.notes.map((n) => n.body)).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`));
    const last = await listNotesPage(userId, { page: 250, pageSize: 20 });
    expect(last.groups[0]).toMatchObject({ paperId: 'big', count: 5_000, continued: true });
    expect(last.groups[0]!.notes.map((n) => n.body)).toEqual(Array.from({ length: 20 }, (_, i) => `note ${4_980 + i}`));
  });

  test('listNotesForPaper: the newest page first, oldest first inside it, and a cursor for the page before', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const base = Date.UTC(2026, 0, 1);
    const total = NOTES_PAGE_SIZE * 2 + 5;
    // Two notes share each timestamp, so the cursor must also order by id.
    await db.note.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        userId,
        paperId: 'paged',
        body: `note ${i}`,
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    await createNote(await newUser(), 'paged', 'someone else’s');
    const all = await db.note.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

    const seen: string[] = [];
    let cursor: string | null | undefined = undefined;
    const pages: number[] = [];
    do {
      const page: Awaited<ReturnType<typeof listNotesForPaper>> = await listNotesForPaper(userId, 'paged', { before: cursor ?? undefined });
      pages.push(page.notes.length);
      seen.unshift(...page.notes.map((n) => n.id));
      cursor = page.earlier;
    } while (cursor);
    expect(pages).toEqual([NOTES_PAGE_SIZE, NOTES_PAGE_SIZE, 5]);
    expect(seen).toEqual(all.map((n) => n.id));

    // A note deleted since the page was shown does not break the cursor.
    const firstPage = await listNotesForPaper(userId, 'paged');
    await deleteNote(userId, firstPage.notes[0]!.id);
    const before = await listNotesForPaper(userId, 'paged', { before: firstPage.earlier! });
    expect(before.notes.at(-1)!.id).toBe(all[all.length - NOTES_PAGE_SIZE - 1]!.id);
  });

  test('a malformed note id finds nothing and reaches no query (NUL, percent signs, overlong UTF-8)', async () => {
    const userId = await newUser();
    const note = await createNote(userId, 'p', 'stays');
    for (const id of ['\u0000', 'a\u0000b', '%ZZ', '\uFFFD/', '../x', `${note.id}\u0000`, 'x'.repeat(100)]) {
      expect(await updateNote(userId, id, 'changed')).toBeNull();
      expect(await deleteNote(userId, id)).toBe(false);
    }
    expect((await getTestDb().db.note.findUnique({ where: { id: note.id } }))?.body).toBe('stays');
  });

  test('idempotency: concurrent retries with one key store one note and all get it back', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const key = 'c3f1e0b4-4a6e-4a0b-9c59-1f6b8f0e2a11';
    const results = await Promise.all(Array.from({ length: 10 }, () => createNote(userId, 'p', 'sent once, retried', key)));
    expect(new Set(results.map((note) => note.id)).size).toBe(1);
    expect(results[0]).toEqual({
      id: expect.any(String),
      paperId: 'p',
      body: 'sent once, retried',
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    for (const note of results) expect(note).toEqual(results[0]);
    expect(await db.note.count({ where: { userId } })).toBe(1);

    // A later retry still gets the same note, even after it was edited.
    await updateNote(userId, results[0]!.id, 'edited since');
    expect((await createNote(userId, 'p', 'sent once, retried', key)).id).toBe(results[0]!.id);
    expect(await db.note.count({ where: { userId } })).toBe(1);

    // Keys are per reader: another reader's same key is their own note.
    const other = await newUser();
    expect((await createNote(other, 'p', 'theirs', key)).id).not.toBe(results[0]!.id);
    // Without a key every call is a new note.
    await createNote(userId, 'p', 'no key');
    await createNote(userId, 'p', 'no key');
    expect(await db.note.count({ where: { userId } })).toBe(3);
  });

  test('idempotency: a key reused for another paper is refused with 422 and stores nothing', async () => {
    const userId = await newUser();
    const key = 'another-key-0000000000000001';
    await createNote(userId, 'paper-1', 'first', key);
    await expect(createNote(userId, 'paper-2', 'first', key)).rejects.toMatchObject({
      status: 422,
      message: 'This Idempotency-Key was already used for a note on another paper; send a new key for a new note.',
    });
    expect(await getTestDb().db.note.count({ where: { userId } })).toBe(1);
  });
});
