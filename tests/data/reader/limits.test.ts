import { expect, test } from 'vitest';
import { setBookmark } from '@/lib/reader/bookmarks';
import { createNote, deleteNote } from '@/lib/reader/notes';
import { setReadingStatus } from '@/lib/reader/reading-status';
import { importReaderData, parseReaderExport } from '@/lib/reader/export/reader-data';
import { MAX_BOOKMARKS, MAX_NOTES, MAX_STATUSES } from '@/lib/reader/shared';
import { describeEachBackend, userFactory } from '@/tests/support/db';

// Thousands of rows and dozens of serialized transactions on a busy 2-core machine.
const TIMEOUT_MS = 120_000;

/** An export file as importReaderData takes it, with `notes` notes on paper `p`. */
function exportFile(parts: { notes?: number; bookmarks?: string[]; statuses?: string[] }) {
  const at = '2026-01-01T00:00:00.000Z';
  return parseReaderExport({
    format: 'papers-review-export',
    version: 1,
    exportedAt: at,
    bookmarks: (parts.bookmarks ?? []).map((paperId) => ({ paperId, createdAt: at })),
    statuses: (parts.statuses ?? []).map((paperId) => ({ paperId, status: 'READ', updatedAt: at })),
    notes: Array.from({ length: parts.notes ?? 0 }, (_, i) => ({ paperId: 'p', body: `imported ${i}`, createdAt: at, updatedAt: at })),
  });
}
const anyPaper = () => true;

describeEachBackend('per-account limits', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'limits');
  const count = (table: 'note' | 'bookmark' | 'readingStatus', userId: string) => {
    const { db } = getTestDb();
    const where = { userId };
    return table === 'note'
      ? db.note.count({ where })
      : table === 'bookmark'
        ? db.bookmark.count({ where })
        : db.readingStatus.count({ where });
  };

  test('the limits are 5,000 of each', () => {
    expect([MAX_NOTES, MAX_BOOKMARKS, MAX_STATUSES]).toEqual([5_000, 5_000, 5_000]);
  });

  test(
    `notes: 30 concurrent creates 10 below the limit store exactly 10; the rest get a 409 that says why`,
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.note.createMany({ data: Array.from({ length: MAX_NOTES - 10 }, (_, i) => ({ userId, paperId: 'p', body: `n${i}` })) });

      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => createNote(userId, 'p', `late ${i}`)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as Error);
      expect(refused).toHaveLength(20);
      for (const error of refused) {
        expect(error).toMatchObject({
          status: 409,
          message: 'You have 5,000 notes, the most one account can keep. Delete some to add more.',
        });
      }
      expect(await count('note', userId)).toBe(MAX_NOTES);

      // Deleting one makes room for one.
      const [oldest] = await db.note.findMany({ where: { userId }, take: 1, orderBy: { createdAt: 'asc' } });
      expect(await deleteNote(userId, oldest!.id)).toBe(true);
      await createNote(userId, 'p', 'room again');
      await expect(createNote(userId, 'p', 'one too many')).rejects.toMatchObject({ status: 409 });
      expect(await count('note', userId)).toBe(MAX_NOTES);

      // Another reader is not affected.
      expect((await createNote(await newUser(), 'p', 'mine')).body).toBe('mine');
    },
    TIMEOUT_MS,
  );

  test(
    'bookmarks: a full account cannot add one, but can re-set, clear and then add',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.bookmark.createMany({ data: Array.from({ length: MAX_BOOKMARKS }, (_, i) => ({ userId, paperId: `p${i}` })) });

      await expect(setBookmark(userId, 'new-paper', true)).rejects.toMatchObject({
        status: 409,
        message: 'You have 5,000 bookmarks, the most one account can keep. Remove some to add more.',
      });
      expect(await db.bookmark.count({ where: { userId, paperId: 'new-paper' } })).toBe(0);
      expect((await setBookmark(userId, 'p1', true)).bookmarked).toBe(true);
      expect((await setBookmark(userId, 'p1', false)).bookmarked).toBe(false);
      expect((await setBookmark(userId, 'new-paper', true)).bookmarked).toBe(true);
      expect(await count('bookmark', userId)).toBe(MAX_BOOKMARKS);
    },
    TIMEOUT_MS,
  );

  test(
    'bookmarks: concurrent sets on different papers cannot overshoot',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.bookmark.createMany({ data: Array.from({ length: MAX_BOOKMARKS - 3 }, (_, i) => ({ userId, paperId: `p${i}` })) });
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => setBookmark(userId, `extra-${i}`, true)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(await count('bookmark', userId)).toBe(MAX_BOOKMARKS);
    },
    TIMEOUT_MS,
  );

  test(
    'reading statuses: a full account can change or clear a status but not set a new one',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.readingStatus.createMany({
        data: Array.from({ length: MAX_STATUSES }, (_, i) => ({ userId, paperId: `p${i}`, status: 'TO_READ' as const })),
      });
      await expect(setReadingStatus(userId, 'new-paper', 'READ')).rejects.toMatchObject({
        status: 409,
        message: 'You have 5,000 reading statuses, the most one account can keep. Clear some to add more.',
      });
      expect(await setReadingStatus(userId, 'p0', 'READ')).toBe('READ');
      expect(await setReadingStatus(userId, 'p1', null)).toBeNull();
      expect(await setReadingStatus(userId, 'new-paper', 'READING')).toBe('READING');
      expect(await count('readingStatus', userId)).toBe(MAX_STATUSES);
    },
    TIMEOUT_MS,
  );

  test(
    'import: a file that would pass a limit is refused whole, saying by how much; one that fits is imported',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      await db.note.createMany({ data: Array.from({ length: MAX_NOTES - 2 }, (_, i) => ({ userId, paperId: 'p', body: `n${i}` })) });
      await db.bookmark.create({ data: { userId, paperId: 'kept' } });

      await expect(importReaderData(userId, exportFile({ notes: 3, bookmarks: ['b1'] }), anyPaper)).rejects.toMatchObject({
        status: 409,
        message: 'Importing this file would give you 5,001 notes; one account can keep 5,000. Nothing was imported.',
      });
      expect(await count('note', userId)).toBe(MAX_NOTES - 2);
      expect(await count('bookmark', userId)).toBe(1);

      expect(await importReaderData(userId, exportFile({ notes: 2, bookmarks: ['b1'] }), anyPaper)).toMatchObject({
        notes: 2,
        bookmarks: 1,
      });
      expect(await count('note', userId)).toBe(MAX_NOTES);
      // Re-importing the same file adds nothing, so it is not refused either.
      expect(await importReaderData(userId, exportFile({ notes: 2, bookmarks: ['b1'] }), anyPaper)).toMatchObject({ notes: 0 });
    },
    TIMEOUT_MS,
  );

  test(
    'import: bookmarks and statuses count only papers not already there',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      const ids = Array.from({ length: MAX_BOOKMARKS }, (_, i) => `p${i}`);
      await db.bookmark.createMany({ data: ids.map((paperId) => ({ userId, paperId })) });
      await db.readingStatus.createMany({ data: ids.map((paperId) => ({ userId, paperId, status: 'TO_READ' as const })) });

      // Every paper already bookmarked and with a status: fits.
      expect(
        await importReaderData(userId, exportFile({ bookmarks: ids.slice(0, 10), statuses: ids.slice(0, 10) }), anyPaper),
      ).toMatchObject({
        bookmarks: 0,
        statuses: 10,
      });
      await expect(importReaderData(userId, exportFile({ bookmarks: ['fresh'] }), anyPaper)).rejects.toMatchObject({
        status: 409,
        message: 'Importing this file would give you 5,001 bookmarks; one account can keep 5,000. Nothing was imported.',
      });
      await expect(importReaderData(userId, exportFile({ statuses: ['fresh', 'fresher'] }), anyPaper)).rejects.toMatchObject({
        status: 409,
        message: 'Importing this file would give you 5,002 reading statuses; one account can keep 5,000. Nothing was imported.',
      });
      expect(await count('bookmark', userId)).toBe(MAX_BOOKMARKS);
      expect(await count('readingStatus', userId)).toBe(MAX_STATUSES);
    },
    TIMEOUT_MS,
  );

  test('import: a file with more notes than an account can keep is refused before touching the database', () => {
    expect(() => exportFile({ notes: MAX_NOTES + 1 })).toThrow(/notes: .*at most 5,000/);
  });
});
