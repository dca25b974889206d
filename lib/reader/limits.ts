import 'server-only';
// The per-account limits of lib/reader/shared.ts, enforced where rows are
// written. Counting and inserting are two statements, so two concurrent
// writes could each see room for one; every write that adds to a reader's
// collections first takes that reader's lock, which makes count + insert one
// step per account (other readers never wait for it).
import type { Prisma } from '@/lib/generated/prisma/client';
import { HttpError } from '@/lib/http/errors';
import { importOverLimitMessage, limitReachedMessage, READER_LIMITS, type ReaderCollection } from '@/lib/reader/shared';

/** The account already holds the most it can keep of something: 409, and the message says what to do. */
export class LimitReachedError extends HttpError {
  constructor(
    readonly collection: ReaderCollection,
    message = limitReachedMessage(collection),
  ) {
    super(409, message);
  }
}

/**
 * Serializes the reader's writes that add rows, until the transaction ends.
 * One lock for all three collections: an import adds to each of them.
 * Callers that also lock a (reader, paper) pair take that one first.
 */
export async function lockReaderRows(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  // A function in FROM so the result is a plain row (pg_advisory_xact_lock returns void).
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('reader-rows:' || ${userId}::text, 0))`;
}

/** Throws LimitReachedError unless `current + adding` fits; for a whole import, the message says how far over it is. */
export function assertRoom(collection: ReaderCollection, current: number, adding: number, kind: 'one' | 'import' = 'one'): void {
  if (adding <= 0) return;
  const wouldHave = current + adding;
  if (wouldHave <= READER_LIMITS[collection].max) return;
  throw new LimitReachedError(collection, kind === 'import' ? importOverLimitMessage(collection, wouldHave) : undefined);
}
