import { expect, test } from 'vitest';
import { listBookmarks, readerPaperStates, setBookmark } from '@/lib/reader/bookmarks';
import { InvalidPaginationError } from '@/lib/db/query-helpers';
import { describeEachBackend, userFactory } from '@/tests/support/db';

describeEachBackend('bookmarks', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'bookmarks');

  test('setting true twice keeps one row with the first createdAt; false removes it', async () => {
    const { db } = getTestDb();
    const userId = await newUser();

    const first = await setBookmark(userId, 'y2025/nov/a', true);
    expect(first).toEqual({ paperId: 'y2025/nov/a', bookmarked: true, changedAt: expect.any(Date) });
    const second = await setBookmark(userId, 'y2025/nov/a', true);
    expect(second.bookmarked).toBe(true);
    expect(second.changedAt.getTime()).toBeGreaterThan(first.changedAt.getTime());

    const rows = await db.bookmark.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ paperId: 'y2025/nov/a', createdAt: first.changedAt });

    const removed = await setBookmark(userId, 'y2025/nov/a', false);
    expect(removed).toMatchObject({ paperId: 'y2025/nov/a', bookmarked: false });
    expect(removed.changedAt.getTime()).toBeGreaterThan(second.changedAt.getTime());
    expect(await db.bookmark.count({ where: { userId } })).toBe(0);

    // Clearing what is not there is a no-op, not an error.
    expect((await setBookmark(userId, 'y2025/nov/a', false)).bookmarked).toBe(false);
    expect(await db.bookmark.count({ where: { userId } })).toBe(0);
  });

  test('listBookmarks: newest first, paginated, filtered by status, with note counts', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    // Sequential sets get strictly increasing createdAt (changedAt never repeats a millisecond).
    for (const paperId of ['p1', 'p2', 'p3', 'p4', 'p5']) await setBookmark(userId, paperId, true);
    await db.readingStatus.createMany({
      data: [
        { userId, paperId: 'p2', status: 'READ' },
        { userId, paperId: 'p3', status: 'READING' },
        { userId, paperId: 'p4', status: 'READ' },
        { userId, paperId: 'p9', status: 'READ' }, // status without a bookmark: never listed
      ],
    });
    await db.note.createMany({
      data: [
        { userId, paperId: 'p2', body: 'a' },
        { userId, paperId: 'p2', body: 'b' },
        { userId, paperId: 'p5', body: 'c' },
        { userId, paperId: 'p9', body: 'd' },
      ],
    });
    const createdAt = new Map((await db.bookmark.findMany({ where: { userId } })).map((row) => [row.paperId, row.createdAt]));
    const item = (paperId: string, status: string | null, noteCount: number) => ({
      paperId,
      createdAt: createdAt.get(paperId),
      status,
      noteCount,
    });

    expect(await listBookmarks(userId, { page: 1, pageSize: 2 })).toEqual({
      items: [item('p5', null, 1), item('p4', 'READ', 0)],
      total: 5,
    });
    expect(await listBookmarks(userId, { page: 2, pageSize: 2 })).toEqual({
      items: [item('p3', 'READING', 0), item('p2', 'READ', 2)],
      total: 5,
    });
    expect(await listBookmarks(userId, { page: 3, pageSize: 2 })).toEqual({ items: [item('p1', null, 0)], total: 5 });
    expect(await listBookmarks(userId, { page: 4, pageSize: 2 })).toEqual({ items: [], total: 5 });

    expect(await listBookmarks(userId, { page: 1, pageSize: 10, status: 'READ' })).toEqual({
      items: [item('p4', 'READ', 0), item('p2', 'READ', 2)],
      total: 2,
    });
    expect(await listBookmarks(userId, { page: 2, pageSize: 1, status: 'READ' })).toEqual({ items: [item('p2', 'READ', 2)], total: 2 });
    expect(await listBookmarks(userId, { page: 1, pageSize: 10, status: 'TO_READ' })).toEqual({ items: [], total: 0 });
    expect((await listBookmarks(userId, { page: 1, pageSize: 10 })).items[0]?.createdAt).toBeInstanceOf(Date);
  });

  test('listBookmarks refuses pages the SQL cannot serve', async () => {
    const userId = await newUser();
    for (const opts of [
      { page: 0, pageSize: 10 },
      { page: 1.5, pageSize: 10 },
      { page: 1, pageSize: 0 },
      { page: 1, pageSize: 101 },
    ]) {
      await expect(listBookmarks(userId, opts)).rejects.toBeInstanceOf(InvalidPaginationError);
    }
    await expect(listBookmarks(userId, { page: 1, pageSize: 10, status: 'DONE' as 'READ' })).rejects.toBeInstanceOf(TypeError);
  });

  test('readerPaperStates: bookmarks newest first, every status and note count', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    expect(await readerPaperStates(userId)).toEqual({ bookmarks: [], statuses: {}, noteCounts: {} });

    await setBookmark(userId, 'b1', true);
    await setBookmark(userId, 'b2', true);
    await db.readingStatus.createMany({
      data: [
        { userId, paperId: 'b1', status: 'READING' },
        { userId, paperId: 's-only', status: 'TO_READ' },
      ],
    });
    await db.note.createMany({
      data: [
        { userId, paperId: 'b2', body: 'x' },
        { userId, paperId: 'n-only', body: 'y' },
        { userId, paperId: 'n-only', body: 'z' },
      ],
    });
    const states = await readerPaperStates(userId);
    expect(states).toEqual({
      bookmarks: ['b2', 'b1'],
      statuses: { b1: 'READING', 's-only': 'TO_READ' },
      noteCounts: { b2: 1, 'n-only': 2 },
    });
    // Plain objects: React can only pass those to client components.
    expect(Object.getPrototypeOf(states.statuses)).toBe(Object.prototype);
  });
});
