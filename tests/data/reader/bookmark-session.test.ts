import { expect, test } from 'vitest';
import { endAllSessions } from '@/lib/auth/session-version';
import { setBookmarkInSession } from '@/lib/reader/bookmarks';
import { describeEachBackend, userFactory } from '@/tests/support/db';

// Concurrent serialized writes on a busy 2-core machine (PGlite runs them one at a time).
const TIMEOUT_MS = 120_000;

describeEachBackend('bookmarks checked against the session in the same statement', (getTestDb) => {
  const newUser = userFactory(getTestDb, 'bookmark-session');

  test('a current session sets and clears the bookmark like setBookmark', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    const set = await setBookmarkInSession({ userId, sessionVersion: 0 }, 'y2025/nov/a', true);
    expect(set).toEqual({ paperId: 'y2025/nov/a', bookmarked: true, changedAt: expect.any(Date) });
    expect(await db.bookmark.findMany({ where: { userId }, select: { paperId: true, createdAt: true } })).toEqual([
      { paperId: 'y2025/nov/a', createdAt: (set as { changedAt: Date }).changedAt },
    ]);
    expect(await setBookmarkInSession({ userId, sessionVersion: 0 }, 'y2025/nov/a', false)).toMatchObject({ bookmarked: false });
    expect(await db.bookmark.count({ where: { userId } })).toBe(0);
  });

  test('an ended session writes nothing: no new bookmark, and an existing one is not removed', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    await setBookmarkInSession({ userId, sessionVersion: 0 }, 'kept', true);
    expect(await endAllSessions(userId)).toBe(true);

    expect(await setBookmarkInSession({ userId, sessionVersion: 0 }, 'new', true)).toBe('session-ended');
    expect(await setBookmarkInSession({ userId, sessionVersion: 0 }, 'kept', false)).toBe('session-ended');
    expect((await db.bookmark.findMany({ where: { userId } })).map((b) => b.paperId)).toEqual(['kept']);
    // A cookie from the future is no more current than one from the past.
    expect(await setBookmarkInSession({ userId, sessionVersion: 2 }, 'new', true)).toBe('session-ended');
    // The session issued after the end writes.
    expect(await setBookmarkInSession({ userId, sessionVersion: 1 }, 'new', true)).toMatchObject({ bookmarked: true });
    expect((await db.bookmark.findMany({ where: { userId }, orderBy: { paperId: 'asc' } })).map((b) => b.paperId)).toEqual(['kept', 'new']);
  });

  test('a deleted account writes nothing', async () => {
    const { db } = getTestDb();
    const userId = await newUser();
    await db.user.delete({ where: { id: userId } });
    expect(await setBookmarkInSession({ userId, sessionVersion: 0 }, 'p1', true)).toBe('session-ended');
    expect(await db.bookmark.count({ where: { userId } })).toBe(0);
    expect(await setBookmarkInSession({ userId: 'no-such-user', sessionVersion: 0 }, 'p1', true)).toBe('session-ended');
  });

  test(
    'toggles racing "sign out everywhere": none after it succeeds, and the row is the last acknowledged write',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      const paperId = 'y2025/nov/20251121';
      const before = Array.from({ length: 60 }, (_, i) => setBookmarkInSession({ userId, sessionVersion: 0 }, paperId, i % 2 === 0));
      await endAllSessions(userId);
      const after = await Promise.all(
        Array.from({ length: 20 }, (_, i) => setBookmarkInSession({ userId, sessionVersion: 0 }, paperId, i % 2 === 1)),
      );
      expect(after.every((r) => r === 'session-ended')).toBe(true);

      const acknowledged = (await Promise.all(before)).filter((r) => r !== 'session-ended');
      // Acknowledged writes are totally ordered by changedAt; the row is the last one's.
      expect(new Set(acknowledged.map((r) => r.changedAt.getTime())).size).toBe(acknowledged.length);
      const last = acknowledged.reduce<(typeof acknowledged)[number] | null>(
        (latest, r) => (!latest || r.changedAt > latest.changedAt ? r : latest),
        null,
      );
      expect(await db.bookmark.count({ where: { userId, paperId } })).toBe(last?.bookmarked ? 1 : 0);
    },
    TIMEOUT_MS,
  );

  test(
    '200 concurrent calls of a current session: at most one row, the last commit wins, changedAt is a total order',
    async () => {
      const { db } = getTestDb();
      const userId = await newUser();
      const paperId = 'y2025/nov/20251121';
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => setBookmarkInSession({ userId, sessionVersion: 0 }, paperId, i % 2 === 0)),
      );
      const states = responses.filter((r) => r !== 'session-ended');
      expect(states).toHaveLength(200);
      expect(new Set(states.map((r) => r.changedAt.getTime())).size).toBe(200);
      const last = states.reduce((latest, r) => (r.changedAt > latest.changedAt ? r : latest));
      expect(await db.bookmark.count({ where: { userId, paperId } })).toBe(last.bookmarked ? 1 : 0);
    },
    TIMEOUT_MS,
  );
});
