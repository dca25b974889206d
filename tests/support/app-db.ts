import { expect, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/connection';

/**
 * Setup file: the app's data modules call getDb(); in data tests it returns
 * the fresh database of the running describeEachBackend block instead.
 * The PGlite lock test needs the real getDb, so it is left alone.
 */
const slot = globalThis as typeof globalThis & { __appTestDb?: PrismaClient };

export function useAppTestDb(db: PrismaClient | undefined): void {
  slot.__appTestDb = db;
}

if (!/pglite-lock\.test\.ts$/.test(expect.getState().testPath ?? '')) {
  vi.doMock('@/lib/db/connection', () => ({
    getDb: () =>
      slot.__appTestDb
        ? Promise.resolve(slot.__appTestDb)
        : Promise.reject(new Error('No test database: wrap the test in describeEachBackend.')),
    closeDb: async () => {},
  }));
}
