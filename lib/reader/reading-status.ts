import 'server-only';
import { getDb } from '@/lib/db/connection';
import { isReadingStatusValue, type ReadingStatusValue } from '@/lib/reader/shared';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';

// Sets by one reader queue on their lock; Prisma's 2 s/5 s defaults would turn a queue into errors.
const STATUS_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/**
 * Sets (or, with null, clears) the reader's status for one paper.
 * Returns the stored status (or null). A status on a new paper past
 * MAX_STATUSES throws LimitReachedError; changing or clearing one never does.
 */
export async function setReadingStatus(
  userId: string,
  paperId: string,
  status: ReadingStatusValue | null,
): Promise<ReadingStatusValue | null> {
  // Re-checked here because a bad value would otherwise surface as an opaque
  // database enum error; the route layer is expected to have rejected it already.
  if (status !== null && !isReadingStatusValue(status)) {
    throw new TypeError(`Unknown reading status ${JSON.stringify(status)}.`);
  }
  const db = await getDb();
  if (status === null) {
    // deleteMany, not delete: clearing an unset status is a no-op, not an error.
    await db.readingStatus.deleteMany({ where: { userId, paperId } });
    return null;
  }
  return db.$transaction(async (tx) => {
    // A new status may pass the account's limit: counted under the reader's lock.
    await lockReaderRows(tx, userId);
    const [held] = await tx.$queryRaw<{ total: number; present: boolean }[]>`
      SELECT count(*)::int AS "total", coalesce(bool_or("paperId" = ${paperId}), false) AS "present"
      FROM "ReadingStatus" WHERE "userId" = ${userId}`;
    if (held && !held.present) assertRoom('statuses', held.total, 1);
    // A single-unique-key upsert with no nested writes becomes one INSERT … ON CONFLICT DO UPDATE.
    const row = await tx.readingStatus.upsert({
      where: { userId_paperId: { userId, paperId } },
      create: { userId, paperId, status },
      update: { status },
      select: { status: true },
    });
    return row.status;
  }, STATUS_TX_OPTIONS);
}
