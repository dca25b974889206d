import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUnavailable } from '@/lib/db/errors';
import type { SqlDatabase } from '@/lib/db/sql';

/**
 * The error a failed query rethrows: Prisma's code and meta (what the data
 * modules and routes decide on), but a message of our own. Prisma's message
 * quotes the query's arguments (a note's text, an email) and driver errors
 * name the host, port and database; whoever prints this error (Next's own
 * error line for a failed page, a library's logger) prints neither.
 */
export function redactedDatabaseError(error: unknown, model: string | undefined, operation: string): Error {
  const what = `${model ? `${model}.` : ''}${operation}`;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // The adapter's error in meta names the host and port; what decides anything is kept as `kind`.
    const { driverAdapterError: _driverError, ...meta } = error.meta ?? {};
    const redacted = new Prisma.PrismaClientKnownRequestError(`Database query ${what} failed with ${error.code}.`, {
      code: error.code,
      clientVersion: error.clientVersion,
      meta,
    });
    if (databaseUnavailable(error)) Object.assign(redacted, { kind: 'DatabaseNotReachable' });
    return redacted;
  }
  // HttpErrors and the like thrown by our own code inside a query callback pass through untouched.
  if (!(error instanceof Error) || !/^(PrismaClient\w*Error|Error|DriverAdapterError)$/.test(error.name)) return error as Error;
  const unavailable = databaseUnavailable(error);
  const redacted = new Error(`Database query ${what} failed: ${unavailable ? 'the database did not answer' : 'see its code'}.`);
  redacted.name = 'DatabaseError';
  const code = (error as { code?: unknown }).code;
  Object.assign(redacted, {
    ...(typeof code === 'string' ? { code } : {}),
    // lib/db/errors.ts reads this: the original message is gone.
    ...(unavailable ? { kind: 'DatabaseNotReachable' } : {}),
  });
  return redacted;
}

/** A Prisma client over the same driver (pg pool or PGlite instance) as `db`, its errors redacted. */
export async function createPrismaClient(db: SqlDatabase): Promise<PrismaClient> {
  let client: PrismaClient;
  if (db.kind === 'postgres') {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // The adapter qualifies table names with `schema`; without it, it means public.
    client = new PrismaClient({ adapter: new PrismaPg(db.pool, { schema: db.schema }), errorFormat: 'minimal' });
  } else {
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    client = new PrismaClient({ adapter: new PrismaPGlite(db.pglite), errorFormat: 'minimal' });
  }
  const redacting = client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          return (await query(args)) as unknown;
        } catch (error) {
          throw redactedDatabaseError(error, model, operation);
        }
      },
    },
  });
  // Same methods and results; only thrown errors differ.
  return redacting as unknown as PrismaClient;
}
