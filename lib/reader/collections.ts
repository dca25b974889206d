import 'server-only';
// Collections: a reader's named lists of papers, private to them. Every query
// names the reader (userId) in its where clause, and the database refuses a
// membership row whose userId is not its collection's owner (composite key).
import { getDb } from '@/lib/db/connection';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/db/query-helpers';
import { HttpError } from '@/lib/http/errors';
import { assertRoom, lockReaderRows } from '@/lib/reader/limits';
import { collectionIdSchema, collectionNameSchema, collectionNameTakenMessage, type CollectionView } from '@/lib/reader/shared';

/** The reader already has a collection by this name: 409, and the message names it. */
export class CollectionNameTakenError extends HttpError {
  constructor(readonly collectionName: string) {
    super(409, collectionNameTakenMessage(collectionName));
  }
}

/** A name the data layer refuses (empty, too long, control characters): 400 with zod's message. */
export class InvalidCollectionNameError extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

/** Checked here as well as in the route, so no other caller (the importer, a script) stores a name the UI refuses. */
export function parseCollectionName(name: string): string {
  const parsed = collectionNameSchema.safeParse(name);
  if (!parsed.success) throw new InvalidCollectionNameError(parsed.error.issues[0]?.message ?? 'Invalid collection name.');
  return parsed.data;
}

// Writes queue on the reader's lock (and on PGlite on the single connection).
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

type Row = { id: string; name: string; createdAt: Date; paperCount: number; contains: boolean };

function view(row: Row, withContains: boolean): CollectionView {
  const out: CollectionView = { id: row.id, name: row.name, paperCount: row.paperCount, createdAt: row.createdAt.toISOString() };
  if (withContains) out.contains = row.contains;
  return out;
}

/**
 * The reader's collections by name (case-insensitive), each with its paper
 * count; with `paperId`, each also says whether that paper is in it. One query.
 */
export async function listCollections(userId: string, { paperId }: { paperId?: string } = {}): Promise<CollectionView[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."name", c."createdAt", count(cp."paperId")::int AS "paperCount",
      coalesce(bool_or(cp."paperId" = ${paperId ?? null}::text), false) AS "contains"
    FROM "Collection" c
    LEFT JOIN "CollectionPaper" cp ON cp."collectionId" = c."id" AND cp."userId" = ${userId}
    WHERE c."userId" = ${userId}
    GROUP BY c."id"
    ORDER BY lower(c."name"), c."id"`;
  return rows.map((row) => view(row, paperId !== undefined));
}

/** A new, empty collection; past MAX_COLLECTIONS throws LimitReachedError, a name in use CollectionNameTakenError. */
export async function createCollection(userId: string, name: string): Promise<CollectionView> {
  const clean = parseCollectionName(name);
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      // Counted and checked under the reader's lock: two tabs cannot pass the limit or make two of one name.
      await lockReaderRows(tx, userId);
      const [count, taken] = await Promise.all([
        tx.collection.count({ where: { userId } }),
        tx.collection.findFirst({ where: { userId, name: clean }, select: { id: true } }),
      ]);
      if (taken) throw new CollectionNameTakenError(clean);
      assertRoom('collections', count, 1);
      const created = await tx.collection.create({ data: { userId, name: clean }, select: { id: true, name: true, createdAt: true } });
      return view({ ...created, paperCount: 0, contains: false }, false);
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError(clean);
    throw error;
  }
}

/** Renames the reader's collection; null when the reader has no collection with this id (someone else's included). */
export async function renameCollection(userId: string, collectionId: string, name: string): Promise<CollectionView | null> {
  const clean = parseCollectionName(name);
  if (!collectionIdSchema.safeParse(collectionId).success) return null;
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      await lockReaderRows(tx, userId);
      const taken = await tx.collection.findFirst({ where: { userId, name: clean, id: { not: collectionId } }, select: { id: true } });
      if (taken) throw new CollectionNameTakenError(clean);
      const { count } = await tx.collection.updateMany({ where: { id: collectionId, userId }, data: { name: clean } });
      if (count === 0) return null;
      const [row] = await listIn(tx, userId, collectionId);
      return row ?? null;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new CollectionNameTakenError(clean);
    throw error;
  }
}

async function listIn(tx: Prisma.TransactionClient, userId: string, collectionId: string): Promise<CollectionView[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT c."id", c."name", c."createdAt", count(cp."paperId")::int AS "paperCount", false AS "contains"
    FROM "Collection" c
    LEFT JOIN "CollectionPaper" cp ON cp."collectionId" = c."id" AND cp."userId" = ${userId}
    WHERE c."userId" = ${userId} AND c."id" = ${collectionId}
    GROUP BY c."id"`;
  return rows.map((row) => view(row, false));
}

/** Deletes the reader's collection and its memberships (not the papers' bookmarks, statuses or notes); false when there is none. */
export async function deleteCollection(userId: string, collectionId: string): Promise<boolean> {
  if (!collectionIdSchema.safeParse(collectionId).success) return false;
  const db = await getDb();
  const { count } = await db.collection.deleteMany({ where: { id: collectionId, userId } });
  return count > 0;
}

export type CollectionPaperState = { collectionId: string; paperId: string; included: boolean };

/**
 * Puts a paper in the reader's collection or takes it out (a set, not a
 * toggle: repeating it is harmless). Null when the reader has no collection
 * with this id. Adding past MAX_COLLECTION_PAPERS throws LimitReachedError.
 */
export async function setCollectionPaper(
  userId: string,
  collectionId: string,
  paperId: string,
  included: boolean,
): Promise<CollectionPaperState | null> {
  if (!collectionIdSchema.safeParse(collectionId).success) return null;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockReaderRows(tx, userId);
    const owned = await tx.collection.findFirst({ where: { id: collectionId, userId }, select: { id: true } });
    if (!owned) return null;
    if (included) {
      const [held] = await tx.$queryRaw<{ total: number; present: boolean }[]>`
        SELECT count(*)::int AS "total",
          coalesce(bool_or("collectionId" = ${collectionId} AND "paperId" = ${paperId}), false) AS "present"
        FROM "CollectionPaper" WHERE "userId" = ${userId}`;
      if (held && !held.present) assertRoom('collectionPapers', held.total, 1);
      await tx.collectionPaper.createMany({ data: [{ collectionId, userId, paperId }], skipDuplicates: true });
    } else {
      await tx.collectionPaper.deleteMany({ where: { collectionId, userId, paperId } });
    }
    // Listing order and "recently changed" both read the collection's updatedAt.
    await tx.collection.updateMany({ where: { id: collectionId, userId }, data: { updatedAt: new Date() } });
    return { collectionId, paperId, included };
  }, TX_OPTIONS);
}
