import 'server-only';
import { pageWindow } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';
import { Prisma } from '@/lib/generated/prisma/client';
import { isReadingStatusValue, type ReadingStatusValue } from '@/lib/reader/shared';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';

export type BookmarkState = { paperId: string; bookmarked: boolean; changedAt: Date };

// A burst of toggles on one paper queues on the advisory lock; Prisma's
// defaults (2 s to start, 5 s to finish) would turn a queue into errors,
// and on PGlite every transaction waits for the single connection.
const TOGGLE_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Idempotent set; a new bookmark past MAX_BOOKMARKS throws LimitReachedError.
 * Serialized per (userId, paperId) with
 * pg_advisory_xact_lock(hashtextextended(userId || ':' || paperId, 0)) inside an
 * interactive transaction; changedAt = clock_timestamp() read while holding
 * the lock, so ordering responses by changedAt gives the commit order.
 * No duplicate rows ever (unique constraint + lock).
 */
export async function setBookmark(userId: string, paperId: string, bookmarked: boolean): Promise<BookmarkState> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Function in FROM: the clock is read only once the lock is granted.
    const [locked] = await tx.$queryRaw<{ ms: bigint }[]>`
      SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms
      FROM pg_advisory_xact_lock(hashtextextended(${userId}::text || ':' || ${paperId}::text, 0))`;
    if (!locked) throw new Error('pg_advisory_xact_lock returned no row');
    const changedMs = Number(locked.ms);
    const changedAt = new Date(changedMs);

    if (bookmarked) {
      // Adding one may pass the account's limit: counted under the reader's lock (taken after the paper's).
      await lockReaderRows(tx, userId);
      const [held] = await tx.$queryRaw<{ total: number; present: boolean }[]>`
        SELECT count(*)::int AS "total", coalesce(bool_or("paperId" = ${paperId}), false) AS "present"
        FROM "Bookmark" WHERE "userId" = ${userId}`;
      if (held && !held.present) assertRoom('bookmarks', held.total, 1);
      // ON CONFLICT DO NOTHING: setting an existing bookmark keeps its original createdAt.
      await tx.bookmark.createMany({ data: [{ userId, paperId, createdAt: changedAt }], skipDuplicates: true });
    } else {
      await tx.bookmark.deleteMany({ where: { userId, paperId } });
    }

    // changedAt leaves the database at millisecond precision (a JS Date), so
    // keep the lock until the clock is past this millisecond: the next holder
    // then reads a strictly later value, and changedAt stays a total order.
    // Usually the write above already took that long; this rarely loops.
    for (;;) {
      const [row] = await tx.$queryRaw<{ ms: bigint }[]>`
        SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms`;
      if (!row || Number(row.ms) > changedMs) break;
    }
    return { paperId, bookmarked, changedAt };
  }, TOGGLE_TX_OPTIONS);
}

export type BookmarkListItem = {
  paperId: string;
  createdAt: Date;
  status: ReadingStatusValue | null;
  noteCount: number;
};

/** Newest first; `status` filters by reading status (null filter = all); page is 1-based. */
export async function listBookmarks(
  userId: string,
  opts: { page: number; pageSize: number; status?: ReadingStatusValue },
): Promise<{ items: BookmarkListItem[]; total: number }> {
  const { take, skip } = pageWindow(opts);
  const status = opts.status ?? null;
  if (status !== null && !isReadingStatusValue(status)) throw new TypeError(`Unknown reading status ${JSON.stringify(status)}.`);
  const db = await getDb();

  // ReadingStatus and Note have no relation to Bookmark in the schema (they
  // share only userId + paperId), hence SQL rather than include/_count.
  const statusFilter = status === null ? Prisma.empty : Prisma.sql`AND rs."status"::text = ${status}`;
  const [items, counted] = await Promise.all([
    db.$queryRaw<BookmarkListItem[]>`
      SELECT b."paperId", b."createdAt", rs."status"::text AS "status",
        (SELECT count(*)::int FROM "Note" n WHERE n."userId" = ${userId} AND n."paperId" = b."paperId") AS "noteCount"
      FROM "Bookmark" b
      LEFT JOIN "ReadingStatus" rs ON rs."userId" = ${userId} AND rs."paperId" = b."paperId"
      WHERE b."userId" = ${userId} ${statusFilter}
      ORDER BY b."createdAt" DESC, b."id" DESC
      LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS "total"
      FROM "Bookmark" b
      LEFT JOIN "ReadingStatus" rs ON rs."userId" = ${userId} AND rs."paperId" = b."paperId"
      WHERE b."userId" = ${userId} ${statusFilter}`,
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

/** All of the reader's bookmarks with status, for the review-page islands: one query. */
export async function readerPaperStates(userId: string): Promise<{
  bookmarks: string[];
  statuses: Record<string, ReadingStatusValue>;
  noteCounts: Record<string, number>;
}> {
  const db = await getDb();
  // One row per paper the reader touched in any way (bookmark, status or note).
  const rows = await db.$queryRaw<{ paperId: string; bookmarkedAt: Date | null; status: string | null; noteCount: number }[]>`
    WITH b AS (SELECT "paperId", "createdAt" FROM "Bookmark" WHERE "userId" = ${userId}),
         s AS (SELECT "paperId", "status"::text AS "status" FROM "ReadingStatus" WHERE "userId" = ${userId}),
         n AS (SELECT "paperId", count(*)::int AS "noteCount" FROM "Note" WHERE "userId" = ${userId} GROUP BY "paperId"),
         p AS (SELECT "paperId" FROM b UNION SELECT "paperId" FROM s UNION SELECT "paperId" FROM n)
    SELECT p."paperId", b."createdAt" AS "bookmarkedAt", s."status", coalesce(n."noteCount", 0) AS "noteCount"
    FROM p
    LEFT JOIN b ON b."paperId" = p."paperId"
    LEFT JOIN s ON s."paperId" = p."paperId"
    LEFT JOIN n ON n."paperId" = p."paperId"
    ORDER BY b."createdAt" DESC NULLS LAST, p."paperId"`;

  const bookmarks: string[] = [];
  const statuses: [string, ReadingStatusValue][] = [];
  const noteCounts: [string, number][] = [];
  for (const row of rows) {
    if (row.bookmarkedAt !== null) bookmarks.push(row.paperId);
    if (isReadingStatusValue(row.status)) statuses.push([row.paperId, row.status]);
    if (row.noteCount > 0) noteCounts.push([row.paperId, row.noteCount]);
  }
  // fromEntries defines own properties, so even a "__proto__" key stays plain
  // data; and the result is a plain object, which React can pass to client islands.
  return { bookmarks, statuses: Object.fromEntries(statuses), noteCounts: Object.fromEntries(noteCounts) };
}
