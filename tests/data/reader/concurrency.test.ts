import { expect, test } from 'vitest';
import { setBookmark } from '@/lib/reader/bookmarks';
import { createNote } from '@/lib/reader/notes';
import { describeEachBackend } from '@/tests/support/db';

// 200 serialized transactions on a busy 2-core machine (PGlite runs them one at a time).
const TIMEOUT_MS = 120_000;

describeEachBackend('concurrency', (getTestDb) => {
  test(
    '200 concurrent setBookmark calls: at most one row, the last commit wins, changedAt is a total order',
    async () => {
      const { db } = getTestDb();
      const { id: userId } = await db.user.create({ data: { email: 'toggler@example.com' } });
      const paperId = 'y2025/nov/20251121';

      const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => setBookmark(userId, paperId, i % 2 === 0)));

      const rows = await db.bookmark.findMany({ where: { userId, paperId } });
      expect(rows.length).toBeLessThanOrEqual(1);
      expect(new Set(responses.map((r) => r.changedAt.getTime())).size).toBe(200);
      const last = responses.reduce((latest, r) => (r.changedAt > latest.changedAt ? r : latest));
      expect(rows.length === 1).toBe(last.bookmarked);
      // Each response reports what its caller asked for.
      responses.forEach((r, i) => expect(r).toMatchObject({ paperId, bookmarked: i % 2 === 0 }));

      // The stored createdAt is the changedAt of the set that (re)created the row: the
      // latest `true` response that followed a `false` (or the very first set).
      if (rows.length === 1) {
        const ordered = [...responses].sort((x, y) => x.changedAt.getTime() - y.changedAt.getTime());
        let createdBy: Date | undefined;
        let present = false;
        for (const r of ordered) {
          if (r.bookmarked && !present) createdBy = r.changedAt;
          present = r.bookmarked;
        }
        expect(rows[0]!.createdAt).toEqual(createdBy);
      }
    },
    TIMEOUT_MS,
  );

  test(
    'concurrent toggles on different papers and users each end in their own last state',
    async () => {
      const { db } = getTestDb();
      const users = await Promise.all([1, 2].map((i) => db.user.create({ data: { email: `multi-${i}@example.com` } })));
      const calls = users.flatMap((user) =>
        ['p1', 'p2', 'p3'].flatMap((paperId) => Array.from({ length: 10 }, (_, i) => ({ userId: user.id, paperId, on: i % 2 === 1 }))),
      );
      const responses = await Promise.all(calls.map((c) => setBookmark(c.userId, c.paperId, c.on)));
      for (const user of users) {
        for (const paperId of ['p1', 'p2', 'p3']) {
          const mine = responses.filter((_, i) => calls[i]!.userId === user.id && calls[i]!.paperId === paperId);
          const last = mine.reduce((latest, r) => (r.changedAt > latest.changedAt ? r : latest));
          expect(await db.bookmark.count({ where: { userId: user.id, paperId } })).toBe(last.bookmarked ? 1 : 0);
        }
      }
    },
    TIMEOUT_MS,
  );

  test(
    '50 users each creating 5 notes at once: all 250 rows exist with exact bodies',
    async () => {
      const { db } = getTestDb();
      const users = await Promise.all(Array.from({ length: 50 }, (_, u) => db.user.create({ data: { email: `writer-${u}@example.com` } })));
      const body = (u: number, i: number) => `사용자 ${u}의 메모 ${i} — note ${u}/${i} ✓`;

      const created = await Promise.all(
        users.flatMap((user, u) => Array.from({ length: 5 }, (_, i) => createNote(user.id, `paper-${i % 2}`, body(u, i)))),
      );

      expect(new Set(created.map((note) => note.id)).size).toBe(250);
      const rows = await db.note.findMany({ where: { userId: { in: users.map((user) => user.id) } } });
      expect(rows).toHaveLength(250);
      for (const [u, user] of users.entries()) {
        const mine = rows
          .filter((row) => row.userId === user.id)
          .map((row) => row.body)
          .sort();
        expect(mine).toEqual(Array.from({ length: 5 }, (_, i) => body(u, i)).sort());
      }
    },
    TIMEOUT_MS,
  );
});
