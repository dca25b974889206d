import 'server-only';
import { getDb } from '@/lib/db/connection';
import { isReadingStatusValue, MAX_STATUSES, type ReadingStatusValue } from '@/lib/reader/shared';
import { LimitReachedError } from '@/lib/reader/limits';

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
  // One round trip: reader_set_status (migration 20261130090000_reader_write_functions)
  // counts under the reader's lock and upserts in the calling statement's transaction.
  const [row] = await db.$queryRaw<{ status: ReadingStatusValue | null; overLimit: boolean }[]>`
    SELECT "status"::text AS "status", "overLimit"
    FROM reader_set_status(${userId}::text, ${paperId}::text, ${status}::"ReadingStatusValue", ${MAX_STATUSES}::int)`;
  if (!row) throw new Error('reader_set_status returned no row');
  if (row.overLimit) throw new LimitReachedError('statuses');
  return row.status;
}
