import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One folder of prisma/migrations, e.g. `20261122000000_init/migration.sql`. */
export interface MigrationFile {
  name: string;
  script: string;
  /** What Prisma stores in `_prisma_migrations.checksum` for this script. */
  checksum: string;
}

export function defaultMigrationsDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'prisma', 'migrations');
}

/** The migrations in name order (= timestamp order), as `prisma migrate deploy` reads them. */
export function readMigrationFiles(migrationsDir: string = defaultMigrationsDir()): MigrationFile[] {
  assertPostgresLockfile(migrationsDir);
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      if (!fs.existsSync(file)) return [];
      const script = fs.readFileSync(file, 'utf8');
      return [{ name, script, checksum: migrationChecksum(script) }];
    });
}

/** Prisma's checksum: sha256 of the script as read, lowercase hex, zero-padded. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Mirrors Prisma's `script_matches_checksum`: git may have converted line
 * endings since the migration was applied, so LF and CRLF variants of the file
 * both match. (Prisma also accepts the unpadded hex that very old engines wrote.)
 */
export function checksumMatches(script: string, stored: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant, 'utf8').digest();
    const hex = stored.length === 64 ? digest.toString('hex') : [...digest].map((byte) => byte.toString(16)).join('');
    return hex === stored;
  });
}

// Prisma refuses a migrations folder written for another provider; so do we.
function assertPostgresLockfile(migrationsDir: string): void {
  const lockfile = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lockfile)) return;
  const line = fs
    .readFileSync(lockfile, 'utf8')
    .split(/\r?\n/)
    .find((l) => l.startsWith('provider'));
  const provider = line
    ?.replace(/^provider\s*=\s*/, '')
    .replace(/"/g, '')
    .trim();
  if (provider && provider !== 'postgresql') {
    throw new Error(`${lockfile} says provider = "${provider}", but this app runs on PostgreSQL.`);
  }
}
