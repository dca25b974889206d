import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { splitSchemaParam } from '@/lib/db/config';
import { applyMigrations } from '@/lib/db/migrate';
import { checksumMatches, migrationChecksum, readMigrationFiles } from '@/lib/db/migration-files';
import { openSql, type SqlDatabase } from '@/lib/db/sql';
import { backends, withTestDb } from '@/tests/support/db';
import { actualSchema, declaredSchema } from '@/tests/data/db/schema-shape';

const root = path.resolve(import.meta.dirname, '../../..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schemaText = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const files = readMigrationFiles(migrationsDir);

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  applied_steps_count: number;
  started: boolean;
  finished: boolean;
  rolled_back: boolean;
}
const HISTORY = `SELECT id, checksum, migration_name, logs, applied_steps_count,
  started_at IS NOT NULL AS started, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
  FROM _prisma_migrations ORDER BY migration_name`;

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of prisma/migrations that a test may edit. */
function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  tmpDirs.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

describe('prisma/migrations', () => {
  test('has migrations and a postgresql lock file, like prisma migrate dev leaves', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(fs.readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(/^provider = "postgresql"$/m);
  });

  test('checksums are Prisma’s: sha256 hex, line-ending agnostic', () => {
    // Vector from prisma-engines' checksum.rs tests.
    expect(migrationChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    const lf = 'ab\ncd\n';
    expect(checksumMatches(lf.replaceAll('\n', '\r\n'), migrationChecksum(lf))).toBe(true);
    expect(checksumMatches(lf, migrationChecksum(lf.replaceAll('\n', '\r\n')))).toBe(true);
    expect(checksumMatches('abc\n', migrationChecksum('abc'))).toBe(false);
  });

  test('the schema comparison notices a schema.prisma change that has no migration', () => {
    const changed = schemaText.replace(/^model Note \{$/m, 'model Note {\n  pinned Boolean @default(false)');
    expect(changed).not.toBe(schemaText);
    expect(declaredSchema(changed)).not.toEqual(declaredSchema(schemaText));
    expect(declaredSchema(changed).tables.Note?.columns.pinned).toEqual({ type: 'boolean', nullable: false, default: 'false' });
  });
});

for (const backend of backends) {
  describe(`migrations [${backend}]`, () => {
    test('applied to an empty database, they produce exactly what schema.prisma declares', async () => {
      await withTestDb(
        backend,
        async ({ sql }) => {
          const result = await applyMigrations(sql, { migrationsDir });
          expect(result.applied).toEqual(files.map((f) => f.name));
          const actual = await sql.withSession((s) => actualSchema(s));
          expect(actual).toEqual(declaredSchema(schemaText));
        },
        { migrate: false },
      );
    });

    test('each migration is recorded in _prisma_migrations as Prisma records it, and a second run applies nothing', async () => {
      await withTestDb(
        backend,
        async ({ sql }) => {
          await applyMigrations(sql, { migrationsDir });
          const rows = await sql.withSession((s) => s.query<HistoryRow>(HISTORY));
          expect(rows).toEqual(
            files.map((f) => ({
              id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
              checksum: f.checksum,
              migration_name: f.name,
              logs: null,
              applied_steps_count: 1,
              started: true,
              finished: true,
              rolled_back: false,
            })),
          );
          for (const f of files)
            expect(f.checksum).toBe(migrationChecksum(fs.readFileSync(path.join(migrationsDir, f.name, 'migration.sql'), 'utf8')));

          const again = await applyMigrations(sql, { migrationsDir });
          expect(again).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });
          expect(await sql.withSession((s) => s.query<HistoryRow>(HISTORY))).toEqual(rows);
        },
        { migrate: false },
      );
    });

    test('the history table has the columns and types Prisma creates', async () => {
      await withTestDb(backend, async ({ sql }) => {
        const columns = await sql.withSession((s) =>
          s.query<{ column_name: string; type: string; nullable: boolean; default: string | null }>(
            `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
                    pg_get_expr(d.adbin, d.adrelid) AS default
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE c.relname = '_prisma_migrations' AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum`,
          ),
        );
        expect(columns.map((c) => [c.column_name, c.type, c.nullable, c.default])).toEqual([
          ['id', 'character varying(36)', false, null],
          ['checksum', 'character varying(64)', false, null],
          ['finished_at', 'timestamp with time zone', true, null],
          ['migration_name', 'character varying(255)', false, null],
          ['logs', 'text', true, null],
          ['rolled_back_at', 'timestamp with time zone', true, null],
          ['started_at', 'timestamp with time zone', false, 'now()'],
          ['applied_steps_count', 'integer', false, '0'],
        ]);
      });
    });

    test('a migration edited after it was applied is refused', async () => {
      await withTestDb(
        backend,
        async ({ sql }) => {
          const dir = copyMigrations();
          await applyMigrations(sql, { migrationsDir: dir });
          const first = files[0]!;
          fs.appendFileSync(path.join(dir, first.name, 'migration.sql'), '\n-- edited afterwards\n');
          await expect(applyMigrations(sql, { migrationsDir: dir })).rejects.toThrow(
            `Migration ${first.name} was modified after it was applied`,
          );
          // Git turning LF into CRLF is not an edit.
          const file = path.join(dir, first.name, 'migration.sql');
          fs.writeFileSync(file, first.script.replaceAll('\n', '\r\n'));
          expect((await applyMigrations(sql, { migrationsDir: dir })).applied).toEqual([]);
        },
        { migrate: false },
      );
    });

    test('a new migration is applied on top; a failing one rolls back completely', async () => {
      await withTestDb(backend, async ({ sql }) => {
        const dir = copyMigrations();
        fs.mkdirSync(path.join(dir, '29990101000000_add_thing'));
        fs.writeFileSync(path.join(dir, '29990101000000_add_thing', 'migration.sql'), 'CREATE TABLE "Thing" ("id" TEXT NOT NULL);\n');
        expect((await applyMigrations(sql, { migrationsDir: dir })).applied).toEqual(['29990101000000_add_thing']);

        fs.mkdirSync(path.join(dir, '29990102000000_broken'));
        fs.writeFileSync(
          path.join(dir, '29990102000000_broken', 'migration.sql'),
          'CREATE TABLE "Half" ("id" TEXT);\nALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n',
        );
        await expect(applyMigrations(sql, { migrationsDir: dir })).rejects.toThrow(/29990102000000_broken failed and was rolled back/);
        const left = await sql.withSession((s) =>
          s.query<{ half: string | null; recorded: number }>(
            `SELECT to_regclass('"Half"')::text AS half,
                    (SELECT count(*)::int FROM _prisma_migrations WHERE migration_name = '29990102000000_broken') AS recorded`,
          ),
        );
        expect(left).toEqual([{ half: null, recorded: 0 }]);
      });
    });

    test('two migrators started together apply each migration once', async () => {
      await withTestDb(
        backend,
        async ({ sql }) => {
          // On PostgreSQL a second connection pool, like a second deploy process;
          // PGlite has one connection per process, shared.
          const other: SqlDatabase =
            sql.kind === 'postgres'
              ? await openSql({
                  kind: 'postgres',
                  connectionString: splitSchemaParam(process.env.TEST_DATABASE_URL!).connectionString,
                  schema: sql.schema,
                })
              : sql;
          try {
            const results = await Promise.all([applyMigrations(sql, { migrationsDir }), applyMigrations(other, { migrationsDir })]);
            expect(results.map((r) => r.applied).sort()).toEqual([[], files.map((f) => f.name)]);
            const rows = await sql.withSession((s) => s.query<HistoryRow>(HISTORY));
            expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
          } finally {
            if (other !== sql) await other.close();
          }
        },
        { migrate: false },
      );
    });

    test('a schema with tables but no migration history is refused rather than migrated over', async () => {
      await withTestDb(
        backend,
        async ({ sql }) => {
          await sql.withSession((s) => s.exec('CREATE TABLE "Stray" ("id" TEXT)'));
          await expect(applyMigrations(sql, { migrationsDir })).rejects.toThrow(/not empty \(Stray\) but has no _prisma_migrations table/);
        },
        { migrate: false },
      );
    });
  });
}
