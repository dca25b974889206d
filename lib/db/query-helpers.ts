// Small pieces the data modules share: paging and Prisma's error codes.
// Pure (no database, no 'server-only').

/** Largest page a list function serves; bigger requests are a caller bug, not a reason to read a whole table. */
export const MAX_PAGE_SIZE = 100;

/** page/pageSize outside what the list functions accept (the route layer should have clamped them). */
export class InvalidPaginationError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPaginationError';
  }
}

/** LIMIT/OFFSET for a 1-based page, after checking the invariants the SQL relies on. */
export function pageWindow(opts: { page: number; pageSize: number }): { take: number; skip: number } {
  const { page, pageSize } = opts;
  if (!Number.isSafeInteger(page) || page < 1) throw new InvalidPaginationError(`page must be an integer >= 1 (got ${page}).`);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidPaginationError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${pageSize}).`);
  }
  return { take: pageSize, skip: (page - 1) * pageSize };
}

/** Prisma's "unique constraint failed" code, checked structurally so this module stays free of the generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** Prisma's "record to update/delete not found" code. */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}
