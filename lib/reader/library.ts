import 'server-only';
// The reader's library: every paper they touched (bookmarked, gave a status,
// wrote a note on, put in a collection), filtered and sorted as /library and
// its exports ask. One query reads the reader's rows with the filters the
// database can apply; org and tag come from the content catalog, and sorting
// by review date or name needs it too, so those run here. A reader's rows are
// bounded by the per-account limits, so reading them all is cheap.
import { paperCatalog } from '@/lib/content/index/catalog';
import type { Paper } from '@/lib/content/index/content-index';
import { paperHref, tagSlug } from '@/lib/content/urls';
import { getDb } from '@/lib/db/connection';
import { pageWindow } from '@/lib/db/query-helpers';
import { Prisma } from '@/lib/generated/prisma/client';
import { lookupPaper } from '@/lib/content/index/paper-lookup';
import { formatDate } from '@/lib/content/index/queries';
import {
  isReadingStatusValue,
  type CollectionView,
  LIBRARY_PAGE_SIZE,
  type LibraryFilters,
  type LibraryResponse,
  type LibraryRowView,
  type ReadingStatusValue,
} from '@/lib/reader/shared';

export type LibraryItem = {
  paperId: string;
  /** The first time the reader did anything with the paper that is still on record. */
  addedAt: Date;
  bookmarkedAt: Date | null;
  status: ReadingStatusValue | null;
  noteCount: number;
  /** The reader's collections holding the paper. */
  collectionIds: string[];
};

type Row = Omit<LibraryItem, 'status' | 'collectionIds'> & { status: string | null; collectionIds: string | null };

const collator = new Intl.Collator('ko', { numeric: true, sensitivity: 'base' });

function matchesCatalog(paper: Paper | undefined, filters: LibraryFilters): boolean {
  if (filters.org && !paper?.orgs.some((org) => org.toLowerCase() === filters.org!.toLowerCase())) return false;
  if (filters.tag) {
    const wanted = tagSlug(filters.tag);
    if (!paper?.appearances.some((a) => (a.tags ?? []).some((tag) => tagSlug(tag) === wanted))) return false;
  }
  return true;
}

/** Newest review date first; papers no review has any more last. */
const reviewDate = (paper: Paper | undefined) => paper?.appearances[0]?.date ?? '';

/** Every paper the reader touched with the filters the database can apply, as SQL (userId in each CTE). */
function libraryRowsSql(userId: string, filters: LibraryFilters): Prisma.Sql {
  if (filters.status !== undefined && !isReadingStatusValue(filters.status))
    throw new TypeError(`Unknown reading status ${JSON.stringify(filters.status)}.`);
  const where: Prisma.Sql[] = [];
  if (filters.status) where.push(Prisma.sql`s."status" = ${filters.status}`);
  if (filters.bookmarked) where.push(Prisma.sql`b."createdAt" IS NOT NULL`);
  if (filters.notes) where.push(Prisma.sql`n."noteCount" > 0`);
  if (filters.collection) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "CollectionPaper" m
      WHERE m."userId" = ${userId} AND m."collectionId" = ${filters.collection} AND m."paperId" = p."paperId")`);
  }
  const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  // string_agg, not array_agg: one text column reads the same through every driver.
  return Prisma.sql`
    WITH b AS (SELECT "paperId", "createdAt" FROM "Bookmark" WHERE "userId" = ${userId}),
         s AS (SELECT "paperId", "status"::text AS "status", "updatedAt" FROM "ReadingStatus" WHERE "userId" = ${userId}),
         n AS (SELECT "paperId", count(*)::int AS "noteCount", min("createdAt") AS "firstAt"
               FROM "Note" WHERE "userId" = ${userId} GROUP BY "paperId"),
         c AS (SELECT "paperId", string_agg("collectionId", ',' ORDER BY "collectionId") AS "collectionIds", min("createdAt") AS "firstAt"
               FROM "CollectionPaper" WHERE "userId" = ${userId} GROUP BY "paperId"),
         p AS (SELECT "paperId" FROM b UNION SELECT "paperId" FROM s UNION SELECT "paperId" FROM n UNION SELECT "paperId" FROM c)
    SELECT p."paperId",
      least(b."createdAt", s."updatedAt", n."firstAt", c."firstAt") AS "addedAt",
      b."createdAt" AS "bookmarkedAt", s."status", coalesce(n."noteCount", 0) AS "noteCount", c."collectionIds"
    FROM p
    LEFT JOIN b ON b."paperId" = p."paperId"
    LEFT JOIN s ON s."paperId" = p."paperId"
    LEFT JOIN n ON n."paperId" = p."paperId"
    LEFT JOIN c ON c."paperId" = p."paperId"
    ${whereSql}`;
}

/** The rows the catalog filters keep (org, tag), sorted, and one page of them or all. */
function arrangeLibrary(
  rows: Row[],
  filters: LibraryFilters,
  paging: { page: number; pageSize: number } | 'all',
  catalog: ReadonlyMap<string, Paper>,
): { items: LibraryItem[]; total: number } {
  const window = paging === 'all' ? null : pageWindow(paging);
  const items = rows
    .filter((row) => matchesCatalog(catalog.get(row.paperId), filters))
    .map((row): LibraryItem => ({
      paperId: row.paperId,
      addedAt: row.addedAt,
      bookmarkedAt: row.bookmarkedAt,
      status: isReadingStatusValue(row.status) ? row.status : null,
      noteCount: row.noteCount,
      collectionIds: row.collectionIds ? row.collectionIds.split(',') : [],
    }));
  const name = (item: LibraryItem) => catalog.get(item.paperId)?.name ?? item.paperId;
  const byAdded = (a: LibraryItem, b: LibraryItem) => b.addedAt.getTime() - a.addedAt.getTime() || a.paperId.localeCompare(b.paperId);
  const sort = filters.sort ?? 'added';
  items.sort(
    sort === 'name'
      ? (a, b) => collator.compare(name(a), name(b)) || a.paperId.localeCompare(b.paperId)
      : sort === 'review'
        ? (a, b) => reviewDate(catalog.get(b.paperId)).localeCompare(reviewDate(catalog.get(a.paperId))) || byAdded(a, b)
        : byAdded,
  );
  return { items: window ? items.slice(window.skip, window.skip + window.take) : items, total: items.length };
}

/**
 * The reader's library with the given filters, sorted (date added newest
 * first by default), one page of it or, with `page: 'all'`, all of it (the
 * exports). Every row comes from the reader's own tables (userId in each CTE).
 */
export async function listLibrary(
  userId: string,
  filters: LibraryFilters,
  paging: { page: number; pageSize: number } | 'all',
  catalog: ReadonlyMap<string, Paper> = paperCatalog(),
): Promise<{ items: LibraryItem[]; total: number }> {
  const sql = libraryRowsSql(userId, filters);
  const db = await getDb();
  return arrangeLibrary(await db.$queryRaw<Row[]>(sql), filters, paging, catalog);
}

/** A timestamp as json_agg writes it: ISO 8601 without a zone (the columns are UTC `timestamp(3)`). */
const utc = (timestamp: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);

type JsonRow = Omit<Row, 'addedAt' | 'bookmarkedAt'> & { addedAt: string; bookmarkedAt: string | null };
type JsonCollection = Omit<CollectionView, 'contains'>;

/**
 * What /library and /bookmarks show (GET /api/library): one page of the
 * library, each row with its paper as the content knows it, and the reader's
 * collections, in ONE statement that also checks the session: the cookie's
 * `sessionVersion` against the account's (as reader_set_bookmark_in_session
 * does for a toggle). 'session-ended' when the account is gone or its
 * sessions were ended; then nothing of the reader's was read.
 */
export async function loadLibraryPage(
  session: { userId: string; sessionVersion: number },
  filters: LibraryFilters,
  page: number,
  pageSize: number = LIBRARY_PAGE_SIZE,
): Promise<LibraryResponse | 'session-ended'> {
  const { userId, sessionVersion } = session;
  const rowsSql = libraryRowsSql(userId, filters);
  const catalog = paperCatalog();
  const db = await getDb();
  // Each part is read only when the session is current: a reader whose sessions ended gets nothing but the verdict.
  const [result] = await db.$queryRaw<{ current: boolean; rows: JsonRow[] | null; collections: JsonCollection[] | null }[]>`
    WITH me AS (SELECT 1 FROM "User" WHERE "id" = ${userId}::text AND "sessionVersion" = ${sessionVersion}::int)
    SELECT EXISTS (SELECT 1 FROM me) AS "current",
      (SELECT json_agg(r) FROM (${rowsSql}) r WHERE EXISTS (SELECT 1 FROM me)) AS "rows",
      (SELECT json_agg(l ORDER BY lower(l."name"), l."id")
         FROM (SELECT c."id", c."name", c."createdAt", count(cp."paperId")::int AS "paperCount"
               FROM "Collection" c
               LEFT JOIN "CollectionPaper" cp ON cp."collectionId" = c."id" AND cp."userId" = ${userId}
               WHERE c."userId" = ${userId}
               GROUP BY c."id") l
         WHERE EXISTS (SELECT 1 FROM me)) AS "collections"`;
  if (!result?.current) return 'session-ended';
  const rows = (result.rows ?? []).map((row): Row => ({
    ...row,
    addedAt: utc(row.addedAt),
    bookmarkedAt: row.bookmarkedAt === null ? null : utc(row.bookmarkedAt),
  }));
  const { items, total } = arrangeLibrary(rows, filters, { page, pageSize }, catalog);
  const collections = (result.collections ?? []).map((c): CollectionView => ({
    id: c.id,
    name: c.name,
    paperCount: c.paperCount,
    createdAt: utc(c.createdAt).toISOString(),
  }));
  return { filters, page, pageSize, total, items: items.map((item) => presentLibraryItem(item, catalog)), collections };
}

function presentLibraryItem(item: LibraryItem, catalog: ReadonlyMap<string, Paper>): LibraryRowView {
  const paper = lookupPaper(item.paperId, catalog);
  return {
    paperId: item.paperId,
    added: formatDate(item.addedAt.toISOString().slice(0, 10)),
    bookmarked: item.bookmarkedAt !== null,
    noteCount: item.noteCount,
    collectionIds: item.collectionIds,
    paper: paper
      ? {
          name: paper.name,
          pageHref: paperHref(item.paperId),
          href: paper.href,
          reviewTitle: paper.reviewTitle,
          date: formatDate(paper.date),
          orgs: paper.orgs,
        }
      : null,
  };
}
