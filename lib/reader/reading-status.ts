import 'server-only';
import { getDb } from '@/lib/db/connection';
import { isReadingStatusValue, type ReadingStatusValue } from '@/lib/reader/shared';

/**
 * Sets (or, with null, clears) the reader's status for one paper.
 * Returns the stored status (or null).
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
  // A single-unique-key upsert with no nested writes becomes one
  // INSERT … ON CONFLICT DO UPDATE, so concurrent sets cannot collide.
  const row = await db.readingStatus.upsert({
    where: { userId_paperId: { userId, paperId } },
    create: { userId, paperId, status },
    update: { status },
    select: { status: true },
  });
  return row.status;
}
