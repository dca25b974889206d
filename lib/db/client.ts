import { PrismaClient } from '@/lib/generated/prisma/client';
import type { SqlDatabase } from '@/lib/db/sql';

/** A Prisma client over the same driver (pg pool or PGlite instance) as `db`. */
export async function createPrismaClient(db: SqlDatabase): Promise<PrismaClient> {
  if (db.kind === 'postgres') {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    // The adapter qualifies table names with `schema`; without it, it means public.
    return new PrismaClient({ adapter: new PrismaPg(db.pool, { schema: db.schema }) });
  }
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  return new PrismaClient({ adapter: new PrismaPGlite(db.pglite) });
}
