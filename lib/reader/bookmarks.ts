import 'server-only';
import { pageWindow } from '@/lib/db/query-helpers';
import { getDb } from '@/lib/db/connection';
import { Prisma } from '@/lib/generated/prisma/client';
import { isReadingStatusValue, MAX_BOOKMARKS, type ReadingStatusValue } from '@/lib/reader/shared';
import { LimitReachedError } from '@/lib/reader/limits';

export type BookmarkState = { paperId: string; bookmarked: boolean; changedAt: Date };

/**
 * Idempotent set; a new bookmark past MAX_BOOKMARKS throws LimitReachedError.
 * One round trip: the database function reader_set_bookmark (migration
 * 20261130090000_reader_write_functions) runs in the calling statement's own
 * transaction. It serializes writes per (userId, paperId) with
 * pg_advisory_xact_lock(hashtextextended(userId || ':' || paperId, 0)), reads
 * changedAt = clock_timestamp() once the lock is granted, and holds the lock
 * until the clock has passed that millisecond: ordering responses by
 * changedAt gives the commit order, so the final state is the last
 * acknowledged write. No duplicate rows ever (unique constraint + lock).
 */
export async function setBookmark(userId: string, paperId: string, bookmarked: boolean): Promise<BookmarkState> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ changedMs: bigint; overLimit: boolean }[]>`
    SELECT "changedMs", "overLimit" FROM reader_set_bookmark(${userId}::text, ${paperId}::text, ${bookmarked}, ${MAX_BOOKMARKS}::int)`;
  if (!row) throw new Error('reader_set_bookmark returned no row');
  if (row.overLimit) throw new LimitReachedError('bookmarks');
  return { paperId, bookmarked, changedAt: new Date(Number(row.changedMs)) };
}

/**
 * setBookmark for a request whose session cookie was decrypted but not yet
 * checked against the account: reader_set_bookmark_in_session (migration
 * 20261130110000_session_checked_bookmark) compares `sessionVersion` with
 * the account's, under a share lock on its row, in the write's own
 * statement; one round trip instead of two. 'session-ended' when the account
 * is gone or its sessions were ended: then nothing was written.
 */
export async function setBookmarkInSession(
  session: { userId: string; sessionVersion: number },
  paperId: string,
  bookmarked: boolean,
): Promise<BookmarkState | 'session-ended'> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ changedMs: bigint | null; overLimit: boolean; sessionEnded: boolean }[]>`
    SELECT "changedMs", "overLimit", "sessionEnded"
    FROM reader_set_bookmark_in_session(${session.userId}::text, ${session.sessionVersion}::int, ${paperId}::text, ${bookmarked}, ${MAX_BOOKMARKS}::int)`;
  if (!row) throw new Error('reader_set_bookmark_in_session returned no row');
  if (row.sessionEnded) return 'session-ended';
  if (row.overLimit) throw new LimitReachedError('bookmarks');
  return { paperId, bookmarked, changedAt: new Date(Number(row.changedMs)) };
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
