import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { pendingMigrations, pendingMigrationsMessage } from '@/lib/db/migration-status';
import { readMigrationFiles } from '@/lib/db/migration-files';
import { backends, withTestDb } from '@/tests/support/db';

const migrationsDir = path.resolve(import.meta.dirname, '../../../prisma/migrations');
const names = readMigrationFiles(migrationsDir).map((file) => file.name);
const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** prisma/migrations without its last `n` migrations: the database a deploy of an older commit left. */
function olderMigrations(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-older-'));
  tmpDirs.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const name of names.slice(-n)) fs.rmSync(path.join(dir, name), { recursive: true });
  return dir;
}

for (const backend of backends) {
  describe(`pending migrations [${backend}]`, () => {
    test('a database that was never migrated has every migration pending', () =>
      withTestDb(backend, async ({ db }) => expect(await pendingMigrations(db, migrationsDir)).toEqual(names), { migrate: false }));

    test('a migrated database has none', () =>
      withTestDb(backend, async ({ db }) => expect(await pendingMigrations(db, migrationsDir)).toEqual([])));

    test('a database behind prisma/migrations has the newer ones pending, by name, in order', () =>
      withTestDb(
        backend,
        async ({ db, sql }) => {
          await applyMigrations(sql, { migrationsDir: olderMigrations(2) });
          expect(await pendingMigrations(db, migrationsDir)).toEqual(names.slice(-2));
        },
        { migrate: false },
      ));
  });
}

test('the log line names the migrations and the command that applies them', () => {
  expect(pendingMigrationsMessage(['20990101000000_a', '20990102000000_b'])).toBe(
    '[db] The database is behind prisma/migrations: 2 migrations pending (20990101000000_a, 20990102000000_b). ' +
      "Readers' requests fail until you run `npm run db:migrate` with this DATABASE_URL; /api/health answers 503 meanwhile.",
  );
});
